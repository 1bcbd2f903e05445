import { randomUUID } from 'node:crypto';
import { DeliveryStatus, NotificationCategory, NotificationChannel, NotificationKind } from '@telehealth/contracts';
import { rawDb } from '@telehealth/testing';
import { DeliveryLog } from '../modules/delivery/delivery-log';
import { InboxService } from '../modules/inbox/inbox.service';
import { SandboxRecorder } from '../modules/delivery/providers';
import { Dispatcher, type Notice } from '../modules/dispatch/dispatcher';
import { SuppressionsRepository } from '../modules/suppressions/suppressions.repository';
import { Harness } from './harness';

const RACERS = 8;

/**
 * The unique-insert claims the repositories make (delivery record, inbox item, sandbox message,
 * suppression), raced on the real database: however many callers, one record, one message.
 */
describe('send once under concurrency (real database, Redis and SMTP server)', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.close());

  const count = async (collection: string, filter: Record<string, unknown>): Promise<number> => {
    const { db, close } = await rawDb(h.db);
    try {
      return await db.collection(collection).countDocuments(filter);
    } finally {
      await close();
    }
  };

  it('concurrent creates of one delivery record: exactly one creates it, all get the same record', async () => {
    const id = randomUUID();
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        h.get(DeliveryLog).create({
          id,
          key: `race:${id}`,
          userId: randomUUID(),
          channel: NotificationChannel.EMAIL,
          kind: NotificationKind.PASSWORD_RESET,
          category: NotificationCategory.SECURITY,
          to: `racer-${i}@example.test`,
          status: DeliveryStatus.QUEUED,
          reason: null,
          sourceEventId: id,
          sourceEventType: 'test.race',
          scheduledFor: null,
        }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const winner = results.find((r) => r.created)!.delivery;
    for (const r of results) expect(r.delivery.to).toBe(winner.to);
    expect(await count('deliveries', { _id: id })).toBe(1);
  });

  it('one notice dispatched concurrently makes one record per channel, one inbox item and one email', async () => {
    const person = h.contacts.add();
    const source = { id: randomUUID(), type: 'test.race' };
    const notice: Notice<NotificationKind.PASSWORD_CHANGED> = {
      kind: NotificationKind.PASSWORD_CHANGED,
      userId: person.userId,
      source,
      vars: (r) => ({ firstName: r.firstName }),
    };
    const results = await Promise.all(Array.from({ length: RACERS }, () => h.get(Dispatcher).send(notice)));
    for (const r of results) expect(r.map((d) => d.deliveryId)).toEqual(results[0].map((d) => d.deliveryId));
    await h.sink.waitFor((m) => m.to.includes(person.email!), 'the password-changed email');
    await h.drained();

    expect(h.sink.to(person.email!)).toHaveLength(1);
    const log = await h.deliveries({ sourceEventId: source.id });
    expect(log.map((d) => d.channel).sort()).toEqual([NotificationChannel.EMAIL, NotificationChannel.IN_APP]);
    expect(await count('inbox', { userId: person.userId })).toBe(1);
  });

  it('an inbox item written concurrently is stored once, with one notification.created in its outbox', async () => {
    const id = randomUUID();
    const userId = randomUUID();
    const createdAt = new Date();
    await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        h.get(InboxService).add({
          _id: id,
          userId,
          kind: NotificationKind.WELCOME,
          category: NotificationCategory.ACCOUNT,
          title: `Welcome ${i}`,
          body: 'Hello',
          data: {},
          createdAt,
        }),
      ),
    );
    const { db, close } = await rawDb(h.db);
    try {
      const items = await db
        .collection<{ _id: string; outbox: { subject: string; envelope: string }[] }>('inbox')
        .find({ _id: id })
        .toArray();
      expect(items).toHaveLength(1);
      expect(items[0].outbox.map((o) => o.subject)).toEqual(['evt.notifications.notification.created.v1']);
      const event = JSON.parse(items[0].outbox[0].envelope);
      expect(event).toMatchObject({ aggregateId: id, producer: 'notifications', occurredAt: createdAt.toISOString() });
      // Ids only: never the title or text.
      expect(event.payload).toEqual({
        notificationId: id,
        userId,
        kind: 'WELCOME',
        createdAt: createdAt.toISOString(),
      });
    } finally {
      await close();
    }
  });

  it('a sandbox message recorded concurrently is stored once; a user suppressed concurrently, once', async () => {
    const deliveryId = randomUUID();
    const userId = randomUUID();
    const recorded = await Promise.all(
      Array.from({ length: RACERS }, () =>
        h.get(SandboxRecorder).record({
          _id: deliveryId,
          channel: NotificationChannel.SMS,
          userId,
          to: '+2348012345678',
          title: null,
          text: 'hello',
          data: {},
        }),
      ),
    );
    expect(new Set(recorded.map((r) => r.messageId))).toEqual(new Set([`sandbox-${deliveryId}`]));
    expect(await count('sandbox_messages', { _id: deliveryId })).toBe(1);

    const suppressions = h.get(SuppressionsRepository);
    await Promise.all(
      Array.from({ length: RACERS }, () => suppressions.suppress(userId, 'ACCOUNT_DELETED', new Date())),
    );
    expect(await count('suppressions', { _id: userId })).toBe(1);
    expect(await suppressions.isSuppressed(userId)).toBe(true);
  });
});
