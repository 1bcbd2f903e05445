import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['correct-horse-42', undefined],
    ['abcdefgh12', undefined], // exactly the minimum length
    ['a1'.repeat(PASSWORD_MAX_LENGTH / 2), undefined], // exactly the maximum length
    ['1234567890Z', undefined],
    ['Tr0ub4dor&3xyz', 'quadri@example.com'],
    ['bobcat-runner-9', 'bob@example.com'], // local part shorter than 4 characters is not checked
    ['x7'.repeat(6), ''],
  ])('accepts %j (email %j)', (password, email) => {
    expect(passwordProblem(password, email)).toBeNull();
  });

  it.each([
    ['too short', 'abcdefg12'],
    ['empty', ''],
    ['too long', 'a1'.repeat(PASSWORD_MAX_LENGTH / 2) + 'b'],
    ['no digit', 'abcdefghijklmn'],
    ['no letter', '1234567890!!'],
    ['only symbols', '!@#$%^&*()_+'],
  ])('rejects a password that is %s', (_why, password) => {
    const problem = passwordProblem(password);
    expect(problem).toEqual(expect.stringContaining(`${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters`));
  });

  it.each([
    ['quadri@example.com', 'quadri-2024-xyz'],
    ['quadri@example.com', 'My-QUADRI-pass-99'], // case-insensitive
    ['Anna@example.com', 'xxanna12345'], // exactly 4 characters
    ['john.smith@example.com', 'hello-john.smith-1'],
  ])('rejects a password containing the local part of %s', (email, password) => {
    expect(passwordProblem(password, email)).not.toBeNull();
  });

  it('does not reject when only the domain of the email appears', () => {
    expect(passwordProblem('example-pass-42', 'quadri@example.com')).toBeNull();
  });

  it('does not reject a partial local part', () => {
    expect(passwordProblem('quad-pass-4242', 'quadri@example.com')).toBeNull();
  });
});
