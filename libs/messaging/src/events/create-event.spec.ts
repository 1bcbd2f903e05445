import { IdentityEvents } from '@telehealth/contracts';
import { createEvent } from './create-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const payload = { userId: 'u1', email: 'a@b.c' };

describe('createEvent', () => {
  it('fills the envelope from the contract, payload and origin', () => {
    const now = new Date('2024-05-06T07:08:09.010Z');
    const e = createEvent(
      IdentityEvents.emailVerified,
      'agg-1',
      payload,
      { producer: 'identity', correlationId: 'req-123' },
      now,
    );
    expect(e).toEqual({
      id: expect.stringMatching(UUID),
      type: 'identity.user.email-verified.v1',
      occurredAt: '2024-05-06T07:08:09.010Z',
      producer: 'identity',
      correlationId: 'req-123',
      aggregateId: 'agg-1',
      payload,
    });
  });

  it('gives each event a fresh id', () => {
    const a = createEvent(IdentityEvents.emailVerified, 'x', payload, { producer: 'identity' });
    const b = createEvent(IdentityEvents.emailVerified, 'x', payload, { producer: 'identity' });
    expect(a.id).not.toBe(b.id);
  });

  it('makes up a correlation id when none is given', () => {
    const a = createEvent(IdentityEvents.emailVerified, 'x', payload, { producer: 'identity' });
    expect(a.correlationId).toMatch(UUID);
    expect(a.correlationId).not.toBe(a.id);
  });

  it('defaults occurredAt to the current time', () => {
    const before = Date.now();
    const e = createEvent(IdentityEvents.emailVerified, 'x', payload, { producer: 'identity' });
    const at = Date.parse(e.occurredAt);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a producer that does not own the contract', () => {
    expect(() => createEvent(IdentityEvents.emailVerified, 'x', payload, { producer: 'scheduling' })).toThrow(
      /scheduling cannot publish identity\.user\.email-verified\.v1/,
    );
  });
});
