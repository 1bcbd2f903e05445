import { DomainError } from '@telehealth/messaging';

/** Runs `fn`, which must throw a validation DomainError, and returns the field it names. */
export function invalidField(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).options.details?.[0].field ?? '';
  }
  throw new Error('expected a validation error');
}
