import { boundingBox, comparatorOf, haversineKm, lowestFee, roundKm, type Ranked } from './search-ranking';

const VI = { lat: 6.4281, lng: 3.4219 }; // Lagos, Victoria Island clinic
const IKEJA = { lat: 6.6018, lng: 3.3515 };

describe('haversineKm', () => {
  it('is 0 for one point and symmetric', () => {
    expect(haversineKm(VI, VI)).toBe(0);
    expect(haversineKm(VI, IKEJA)).toBeCloseTo(haversineKm(IKEJA, VI), 10);
  });

  it('matches known distances', () => {
    expect(haversineKm(VI, IKEJA)).toBeCloseTo(20.8, 0); // the two demo clinics
    expect(haversineKm({ lat: 51.5074, lng: -0.1278 }, { lat: 48.8566, lng: 2.3522 })).toBeCloseTo(343.5, 0); // London-Paris
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(111.2, 1); // a degree at the equator
  });

  it('takes the short way across the antimeridian and stays finite at antipodes', () => {
    expect(haversineKm({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(111.2, 1);
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });

  it('rounds to 0.1 km', () => {
    expect(roundKm(2.449)).toBe(2.4);
    expect(roundKm(2.45)).toBe(2.5);
    expect(roundKm(0.04)).toBe(0);
  });
});

describe('boundingBox', () => {
  it('contains every point of the radius, and not much more', () => {
    const box = boundingBox(VI, 25);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      // A point ~24.9 km away in each direction (small-distance approximation is fine for a check).
      const d = 24.9 / 111.195;
      const lat = VI.lat + d * Math.cos((bearing * Math.PI) / 180);
      const lng = VI.lng + (d * Math.sin((bearing * Math.PI) / 180)) / Math.cos((lat * Math.PI) / 180);
      expect(haversineKm(VI, { lat, lng })).toBeLessThan(25);
      expect(lat).toBeGreaterThanOrEqual(box.minLat);
      expect(lat).toBeLessThanOrEqual(box.maxLat);
      expect(lng).toBeGreaterThanOrEqual(box.minLng!);
      expect(lng).toBeLessThanOrEqual(box.maxLng!);
    }
    expect(box.maxLat - box.minLat).toBeLessThan((2 * 25 * 1.02) / 111.195);
  });

  it('drops the longitude bound near a pole or across the antimeridian', () => {
    expect(boundingBox({ lat: 89.9, lng: 0 }, 50)).toMatchObject({ minLng: null, maxLng: null, maxLat: 90 });
    expect(boundingBox({ lat: 0, lng: 179.9 }, 50)).toMatchObject({ minLng: null, maxLng: null });
  });
});

describe('lowestFee', () => {
  it('is the lowest of the base fee and the clinic fees', () => {
    const fee = (amountMinor: number) => ({ amountMinor });
    expect(lowestFee({ baseFee: fee(500), clinics: [] })).toBe(500);
    expect(lowestFee({ baseFee: fee(500), clinics: [{ fee: fee(700) }, { fee: fee(300) }] })).toBe(300);
  });
});

describe('comparatorOf', () => {
  const doc = (id: string, over: Partial<Ranked> = {}): Ranked => ({
    id,
    ratingAverage: 4,
    ratingCount: 10,
    lowestFee: 1000,
    ...over,
  });
  const order = (sort: Parameters<typeof comparatorOf>[0], docs: Ranked[]) =>
    [...docs].sort(comparatorOf(sort)).map((d) => d.id);

  it('distance: nearest first, online-only (null) last, ties by rating then id', () => {
    const docs = [
      doc('online', { distanceKm: null }),
      doc('far', { distanceKm: 12 }),
      doc('b-near', { distanceKm: 1 }),
      doc('a-near', { distanceKm: 1 }),
      doc('near-better', { distanceKm: 1, ratingAverage: 5 }),
    ];
    expect(order('distance', docs)).toEqual(['near-better', 'a-near', 'b-near', 'far', 'online']);
  });

  it('rating: best average first, then most ratings', () => {
    const docs = [
      doc('a', { ratingAverage: 4.5, ratingCount: 3 }),
      doc('b', { ratingAverage: 4.9 }),
      doc('c', { ratingAverage: 4.5, ratingCount: 30 }),
    ];
    expect(order('rating', docs)).toEqual(['b', 'c', 'a']);
  });

  it('fee: lowest fee first', () => {
    const docs = [doc('a', { lowestFee: 2000 }), doc('b', { lowestFee: 500 }), doc('c', { lowestFee: 1500 })];
    expect(order('fee', docs)).toEqual(['b', 'c', 'a']);
  });

  it('soonest: earliest free slot first, none last, ties by distance', () => {
    const docs = [
      doc('none', { nextFreeMs: null, distanceKm: 0.5 }),
      doc('later', { nextFreeMs: 2_000 }),
      doc('soon-far', { nextFreeMs: 1_000, distanceKm: 9 }),
      doc('soon-near', { nextFreeMs: 1_000, distanceKm: 2 }),
      doc('soon-online', { nextFreeMs: 1_000, distanceKm: null }),
    ];
    expect(order('soonest', docs)).toEqual(['soon-near', 'soon-far', 'soon-online', 'later', 'none']);
  });
});
