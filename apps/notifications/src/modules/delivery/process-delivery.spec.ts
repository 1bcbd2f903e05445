import { NotificationChannel, NotificationKind } from '@telehealth/contracts';
import type { EmailJob } from '../../queues';
import { processDelivery, type DeliveryDeps } from './process-delivery';

const data: EmailJob = {
  deliveryId: 'd-1',
  userId: 'u-1',
  kind: NotificationKind.PASSWORD_RESET,
  channel: NotificationChannel.EMAIL,
  to: 'a@example.test',
  subject: 's',
  text: 't',
  html: 'h',
};

function deps(status: string | null, send: DeliveryDeps['send'], suppressed = false) {
  const calls: string[] = [];
  const d: DeliveryDeps = {
    send,
    log: {
      get: async () => (status ? { status } : null),
      markSent: async (id, attempt, mid) => void calls.push(`sent ${id} #${attempt} ${mid}`),
      markRetrying: async (id, attempt, reason) => void calls.push(`retrying ${id} #${attempt} ${reason}`),
      markFailed: async (id, attempt, reason) => void calls.push(`failed ${id} #${attempt} ${reason}`),
      markSkipped: async (id, reason) => void calls.push(`skipped ${id} ${reason}`),
    },
    isSuppressed: async () => suppressed,
    deadLetter: async (e) => void calls.push(`dead ${e.job.deliveryId} after ${e.attempts}: ${e.failedReason}`),
  };
  return { d, calls };
}

const job = (attemptsMade: number) => ({ data, attemptsMade, opts: { attempts: 3 } });
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), { code: 'ESOCKET' });

describe('processDelivery', () => {
  it('sends and records the provider id', async () => {
    const send = jest.fn().mockResolvedValue({ messageId: '<m1>' });
    const { d, calls } = deps('QUEUED', send);
    expect(await processDelivery(job(0), d)).toBe('sent');
    expect(send).toHaveBeenCalledWith(data);
    expect(calls).toEqual(['sent d-1 #1 <m1>']);
  });

  it('never sends a message already sent (its job ran again)', async () => {
    const send = jest.fn();
    const { d, calls } = deps('SENT', send);
    expect(await processDelivery(job(1), d)).toBe('already-sent');
    expect(send).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('skips a recipient deleted since the message was queued', async () => {
    const send = jest.fn();
    const { d, calls } = deps('QUEUED', send, true);
    expect(await processDelivery(job(0), d)).toBe('skipped');
    expect(send).not.toHaveBeenCalled();
    expect(calls).toEqual(['skipped d-1 RECIPIENT_DELETED']);
  });

  it('records a failed attempt with its reason and rethrows for the backoff', async () => {
    const { d, calls } = deps('QUEUED', jest.fn().mockRejectedValue(refused));
    await expect(processDelivery(job(1), d)).rejects.toBe(refused);
    expect(calls).toEqual(['retrying d-1 #2 ESOCKET: connect ECONNREFUSED 127.0.0.1:1025']);
  });

  it('dead-letters after the last attempt', async () => {
    const { d, calls } = deps('RETRYING', jest.fn().mockRejectedValue(refused));
    await expect(processDelivery(job(2), d)).rejects.toBe(refused);
    expect(calls).toEqual([
      'dead d-1 after 3: ESOCKET: connect ECONNREFUSED 127.0.0.1:1025',
      'failed d-1 #3 ESOCKET: connect ECONNREFUSED 127.0.0.1:1025',
    ]);
  });
});
