import { DomainError } from '@telehealth/messaging';
import { amoxicillin } from './prescription-fixtures';
import { assertSignable, draftContent } from './prescription-content';

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.options.details?.map((d) => d.field) ?? [];
    throw err;
  }
  throw new Error('expected a validation error');
};

describe('a prescription draft', () => {
  it('takes well-formed medications, trimmed, with refills defaulting to 0', () => {
    const { refills: _omit, ...noRefills } = amoxicillin({ name: '  Amoxicillin ' });
    const c = draftContent({ medications: [noRefills], diagnosis: ' Otitis ' });
    expect(c.medications).toEqual([amoxicillin({ refills: 0 })]);
    expect(c.diagnosis).toBe('Otitis');
    expect(c.patientDetails).toEqual({ weightKg: null, allergies: [] });
  });

  it('names every field in error, each with its position', () => {
    const fields = problemsOf(() =>
      draftContent({
        medications: [amoxicillin(), { ...amoxicillin(), dose: '', quantity: 0 }, 'x'],
        patientDetails: { weightKg: -3, allergies: ['ok', ''] },
      }),
    );
    expect(fields).toEqual([
      'medications.1.dose',
      'medications.1.quantity',
      'medications.2',
      'patientDetails.weightKg',
      'patientDetails.allergies.1',
    ]);
  });

  it('refuses a missing medication field, a non-string, too many refills', () => {
    const { route: _r, ...noRoute } = amoxicillin();
    expect(problemsOf(() => draftContent({ medications: [noRoute] }))).toEqual(['medications.0.route']);
    expect(problemsOf(() => draftContent({ medications: [amoxicillin({ form: 5 as never })] }))).toEqual([
      'medications.0.form',
    ]);
    expect(problemsOf(() => draftContent({ medications: [amoxicillin({ refills: 13 })] }))).toEqual([
      'medications.0.refills',
    ]);
    expect(problemsOf(() => draftContent({ medications: 'Amoxicillin' }))).toEqual(['medications']);
  });

  it('an edit replaces only the fields sent', () => {
    const first = draftContent({ medications: [amoxicillin()], notes: 'one', patientDetails: { weightKg: 70 } });
    const edited = draftContent({ notes: 'two' }, first);
    expect(edited).toEqual({ ...first, notes: 'two' });
    expect(draftContent({ diagnosis: null }, { ...first, diagnosis: 'x' }).diagnosis).toBeNull();
  });

  it('is signable only with at least one medication', () => {
    expect(() => assertSignable(draftContent({}))).toThrow(/medications/);
    expect(() => assertSignable(draftContent({ medications: [amoxicillin()] }))).not.toThrow();
  });
});
