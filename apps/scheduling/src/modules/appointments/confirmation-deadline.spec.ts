import { confirmationDeadline } from './confirmation-deadline';

const policy = { windowMinutes: 1440, cutoffMinutes: 60 };
const now = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const deadline = (startInMinutes: number, p = policy) => confirmationDeadline(now, at(startInMinutes), p);

describe('confirmation deadline', () => {
  it('is the window after payment when the start is far off', () => {
    expect(deadline(3 * 1440)).toEqual(at(1440));
  });

  it('is the cut-off before the start when that comes first', () => {
    expect(deadline(10 * 60)).toEqual(at(9 * 60));
    expect(deadline(1440 + 60)).toEqual(at(1440));
  });

  it('is halfway to the start when the cut-off would leave the doctor less than that', () => {
    expect(deadline(61)).toEqual(at(30.5)); // not a minute to answer
    expect(deadline(120)).toEqual(at(60)); // where the two rules meet
  });

  it('is halfway to the start when paid inside the cut-off', () => {
    expect(deadline(40)).toEqual(at(20));
    expect(deadline(40, { windowMinutes: 10, cutoffMinutes: 60 })).toEqual(at(10)); // never past the window
  });

  it('is now when the start has passed', () => {
    expect(deadline(-5)).toEqual(now);
  });

  it('honours a fractional window (tests)', () => {
    expect(deadline(3 * 1440, { windowMinutes: 0.15, cutoffMinutes: 60 })).toEqual(new Date(now.getTime() + 9_000));
  });
});
