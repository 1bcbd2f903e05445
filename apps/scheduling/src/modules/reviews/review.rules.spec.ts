import { ratingOf, reviewContent } from './review.rules';
import { invalidField } from '@telehealth/testing';

const appointmentId = 'a1000000-0000-4000-8000-000000000001';

describe('reviewContent', () => {
  it('keeps the rating, the facets given and trimmed text', () => {
    expect(
      reviewContent({ appointmentId, overall: 4, facets: { punctuality: 5, value: 3 }, text: '  Kind and clear. ' }),
    ).toEqual({ overall: 4, facets: { punctuality: 5, value: 3 }, text: 'Kind and clear.' });
  });

  it('defaults to no facets and no text', () => {
    expect(reviewContent({ appointmentId, overall: 1 })).toEqual({ overall: 1, facets: {}, text: null });
    expect(reviewContent({ appointmentId, overall: 5, text: '   ' }).text).toBeNull();
  });

  it.each([0, 6, 4.5, Number.NaN, '5' as unknown as number, undefined as unknown as number])(
    'refuses an overall rating of %j naming overall',
    (overall) => {
      expect(invalidField(() => reviewContent({ appointmentId, overall }))).toBe('overall');
    },
  );

  it('names the facet that is out of range or unknown', () => {
    expect(invalidField(() => reviewContent({ appointmentId, overall: 3, facets: { communication: 9 } }))).toBe(
      'facets.communication',
    );
    expect(
      invalidField(() => reviewContent({ appointmentId, overall: 3, facets: { bedsideManner: 4 } as never })),
    ).toBe('facets.bedsideManner');
    expect(invalidField(() => reviewContent({ appointmentId, overall: 3, facets: [4] as never }))).toBe('facets');
  });

  it('refuses text over 2000 characters', () => {
    expect(invalidField(() => reviewContent({ appointmentId, overall: 3, text: 'x'.repeat(2001) }))).toBe('text');
    expect(reviewContent({ appointmentId, overall: 3, text: 'x'.repeat(2000) }).text).toHaveLength(2000);
  });
});

describe('ratingOf', () => {
  it('is zero with no reviews', () => {
    expect(ratingOf([])).toEqual({ average: 0, count: 0 });
  });

  it('averages the histogram to two decimals', () => {
    expect(
      ratingOf([
        { _id: 5, n: 2 },
        { _id: 4, n: 1 },
      ]),
    ).toEqual({ average: 4.67, count: 3 });
    expect(ratingOf([{ _id: 3, n: 4 }])).toEqual({ average: 3, count: 4 });
  });
});
