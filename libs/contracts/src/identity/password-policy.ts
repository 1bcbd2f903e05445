/** The password rule, shared by gateway validation and the identity service. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** At least one letter and one digit. */
export const PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d).*$/;
export const PASSWORD_POLICY_TEXT = `${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters with at least one letter and one digit, not containing the part of the email before @`;

/** Returns the problem with a password, or null when it satisfies the policy. */
export function passwordProblem(password: string, email?: string): string | null {
  if (
    password.length < PASSWORD_MIN_LENGTH ||
    password.length > PASSWORD_MAX_LENGTH ||
    !PASSWORD_PATTERN.test(password)
  ) {
    return `must be ${PASSWORD_POLICY_TEXT}`;
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    return `must be ${PASSWORD_POLICY_TEXT}`;
  }
  return null;
}
