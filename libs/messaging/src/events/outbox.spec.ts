import { IdentityEvents, type EventEnvelope } from '@telehealth/contracts';
import { createEvent } from './create-event';
import { outboxOnInsert, toOutboxEntry, withEvents } from './outbox';

const event = (aggregateId = 'u1'): EventEnvelope =>
  createEvent(
    IdentityEvents.emailVerified,
    aggregateId,
    { userId: aggregateId, email: 'a@b.c' },
    { producer: 'identity', correlationId: 'c1' },
  );

function expectRecent(value: unknown, before: number): void {
  expect(value).toBeInstanceOf(Date);
  const t = (value as Date).getTime();
  expect(t).toBeGreaterThanOrEqual(before);
  expect(t).toBeLessThanOrEqual(Date.now());
}

describe('toOutboxEntry', () => {
  it('stores the id, the contract subject and the serialised envelope', () => {
    const e = event();
    const entry = toOutboxEntry(e);
    expect(entry.id).toBe(e.id);
    expect(entry.subject).toBe(IdentityEvents.emailVerified.subject);
    expect(JSON.parse(entry.envelope)).toEqual(e);
  });
});

describe('outboxOnInsert', () => {
  it('puts every event, in order, in the outbox and stamps outboxAt', () => {
    const before = Date.now();
    const events = [event('a'), event('b')];
    const fields = outboxOnInsert(events);
    expect(fields.outbox.map((o) => o.id)).toEqual(events.map((e) => e.id));
    expect(fields.outbox.map((o) => JSON.parse(o.envelope).aggregateId)).toEqual(['a', 'b']);
    expectRecent(fields.outboxAt, before);
  });
});

describe('withEvents', () => {
  it('returns the update unchanged when there are no events', () => {
    const update = { $set: { name: 'x' } };
    expect(withEvents(update, [])).toBe(update);
  });

  it('adds a $push of the outbox entries and a $set of outboxAt', () => {
    const before = Date.now();
    const e = event();
    const u = withEvents<{ name: string }>({}, [e]) as Record<string, Record<string, unknown>>;
    expect(u.$push).toEqual({ outbox: { $each: [toOutboxEntry(e)] } });
    expectRecent(u.$set.outboxAt, before);
  });

  it('keeps the fields of an existing $set and $push and other operators', () => {
    const before = Date.now();
    const events = [event('a'), event('b')];
    const original = {
      $set: { name: 'Ada', 'profile.city': 'Lagos' },
      $push: { tags: 'vip' },
      $inc: { version: 1 },
      $unset: { pending: 1 },
    };
    const copy = JSON.parse(JSON.stringify(original));
    const u = withEvents(original, events) as Record<string, Record<string, unknown>>;
    expect(u.$set).toMatchObject({ name: 'Ada', 'profile.city': 'Lagos' });
    expectRecent(u.$set.outboxAt, before);
    expect(u.$push).toEqual({ tags: 'vip', outbox: { $each: events.map(toOutboxEntry) } });
    expect(u.$inc).toEqual({ version: 1 });
    expect(u.$unset).toEqual({ pending: 1 });
    // The caller's update object is not mutated.
    expect(original).toEqual(copy);
  });
});
