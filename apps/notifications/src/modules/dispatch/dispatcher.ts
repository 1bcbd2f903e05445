import { Injectable, Logger } from '@nestjs/common';
import { DeliveryStatus, NotificationChannel, type EventEnvelope, type NotificationKind } from '@telehealth/contracts';
import { NotificationsConfig } from '../../config/notifications.config';
import type { ChannelJob } from '../../queues';
import { DeliveryLog, maskPhone } from '../delivery/delivery-log';
import { DeliveryQueues } from '../delivery/delivery-queues';
import { stableId } from '../delivery/stable-id';
import { InboxService } from '../inbox/inbox.service';
import { decide, quietUntil } from '../preferences/preferences.rules';
import { PreferencesService } from '../preferences/preferences.service';
import { ContactDirectory, type Recipient } from '../recipients/recipients';
import { SuppressionsRepository } from '../suppressions/suppressions.repository';
import { KIND_SPECS } from '../templates/kinds';
import { render } from '../templates/render';
import type { TemplateVars } from '../templates/template-vars';
import { safeTimeZone } from '../templates/format';

/** One message to one user, for every channel its kind is sent on. */
export interface Notice<K extends NotificationKind = NotificationKind> {
  kind: K;
  userId: string;
  /** What caused it: a message goes out once per source, channel and recipient. */
  source: { id: string; type: string };
  /** The variables, once the recipient is known (names, language, time zone). */
  vars: (recipient: Recipient) => TemplateVars[K];
  /** Ids for the app to link to (in-app and push). */
  data?: Record<string, string>;
  /** The recipient as the event describes them (identity events): no lookup needed. */
  recipient?: Recipient;
  /** For a doctor of a provider organisation: whose settings gate the message. */
  organisationId?: string | null;
  /** When the causing event happened: news older than STALE_EVENT_HOURS is not sent. */
  occurredAt?: string;
  /** A message that is useless after this time (a code, a reset link) is not sent after it. */
  expiresAt?: string;
  /** Time of dispatch (tests). */
  now?: Date;
}

/** What an event gives its notice: the source (one message per event) and its time (staleness). */
export const causedBy = (e: EventEnvelope): Pick<Notice, 'source' | 'occurredAt'> => ({
  source: { id: e.id, type: e.type },
  occurredAt: e.occurredAt,
});

export interface DispatchResult {
  channel: NotificationChannel;
  deliveryId: string;
  status: DeliveryStatus;
  reason: string | null;
}

/**
 * Turns a notice into deliveries: recipient, preferences, quiet hours, template, then one
 * delivery record per channel (a unique insert: an event handled twice sends once) and its job.
 */
@Injectable()
export class Dispatcher {
  private readonly logger = new Logger(Dispatcher.name);

  constructor(
    private readonly config: NotificationsConfig,
    private readonly contacts: ContactDirectory,
    private readonly preferences: PreferencesService,
    private readonly log: DeliveryLog,
    private readonly queues: DeliveryQueues,
    private readonly inbox: InboxService,
    private readonly suppressions: SuppressionsRepository,
  ) {}

  async send<K extends NotificationKind>(notice: Notice<K>): Promise<DispatchResult[]> {
    const spec = KIND_SPECS[notice.kind];
    const now = notice.now ?? new Date();
    const recipient = notice.recipient ?? (await this.contacts.contact(notice.userId));
    const suppressed = await this.suppressions.isSuppressed(notice.userId);
    const stale =
      notice.occurredAt && now.getTime() - Date.parse(notice.occurredAt) > this.config.STALE_EVENT_HOURS * 3_600_000
        ? 'STALE_EVENT'
        : notice.expiresAt && Date.parse(notice.expiresAt) <= now.getTime()
          ? 'EXPIRED'
          : null;
    const unreachable =
      stale ?? (!recipient ? 'RECIPIENT_UNKNOWN' : !recipient.reachable || suppressed ? 'RECIPIENT_DELETED' : null);
    const results: DispatchResult[] = [];
    if (unreachable || !recipient) {
      for (const channel of spec.channels)
        results.push(await this.skip(notice, channel, null, unreachable ?? 'RECIPIENT_UNKNOWN'));
      return results;
    }
    const vars = notice.vars(recipient);
    const prefs = await this.preferences.of(notice.userId);
    const organisation =
      spec.organisationGate && notice.organisationId
        ? await this.preferences.organisation(notice.organisationId)
        : null;
    for (const channel of spec.channels) {
      const to =
        channel === NotificationChannel.EMAIL
          ? recipient.email
          : channel === NotificationChannel.SMS
            ? recipient.phone
            : null;
      const decision = decide(notice.kind, channel, prefs, organisation);
      if (!decision.send) {
        results.push(await this.skip(notice, channel, to, decision.reason));
        continue;
      }
      if ((channel === NotificationChannel.EMAIL || channel === NotificationChannel.SMS) && !to) {
        results.push(await this.skip(notice, channel, null, 'NO_ADDRESS'));
        continue;
      }
      if (channel === NotificationChannel.IN_APP) {
        results.push(await this.toInbox(notice, vars, recipient, now));
        continue;
      }
      const deferTo = spec.urgent ? null : quietUntil(now, prefs.quietHours, safeTimeZone(recipient.timeZone));
      results.push(await this.toQueue(notice, channel, to, vars, recipient, deferTo));
    }
    return results;
  }

  private ids(notice: Notice, channel: NotificationChannel): { key: string; id: string } {
    const key = `${notice.source.id}:${channel}:${notice.userId}`;
    return { key, id: stableId(key) };
  }

  private async skip(
    notice: Notice,
    channel: NotificationChannel,
    to: string | null,
    reason: string,
  ): Promise<DispatchResult> {
    const { key, id } = this.ids(notice, channel);
    const { delivery } = await this.log.create({
      id,
      key,
      userId: notice.userId,
      channel,
      kind: notice.kind,
      category: KIND_SPECS[notice.kind].category,
      to: displayAddress(channel, to),
      status: DeliveryStatus.SKIPPED,
      reason,
      sourceEventId: notice.source.id,
      sourceEventType: notice.source.type,
      scheduledFor: null,
    });
    return { channel, deliveryId: id, status: delivery.status, reason: delivery.reason };
  }

  private async toInbox<K extends NotificationKind>(
    notice: Notice<K>,
    vars: TemplateVars[K],
    recipient: Recipient,
    now: Date,
  ): Promise<DispatchResult> {
    const { key, id } = this.ids(notice, NotificationChannel.IN_APP);
    const content = render(notice.kind, NotificationChannel.IN_APP, vars, recipient.locale);
    await this.inbox.add({
      _id: id,
      userId: notice.userId,
      kind: notice.kind,
      category: KIND_SPECS[notice.kind].category,
      title: content.title,
      body: content.body,
      data: notice.data ?? {},
      createdAt: now,
    });
    const { delivery } = await this.log.create({
      id,
      key,
      userId: notice.userId,
      channel: NotificationChannel.IN_APP,
      kind: notice.kind,
      category: KIND_SPECS[notice.kind].category,
      to: null,
      status: DeliveryStatus.SENT,
      reason: null,
      sourceEventId: notice.source.id,
      sourceEventType: notice.source.type,
      scheduledFor: null,
    });
    return { channel: NotificationChannel.IN_APP, deliveryId: id, status: delivery.status, reason: null };
  }

  private async toQueue<K extends NotificationKind>(
    notice: Notice<K>,
    channel: NotificationChannel.EMAIL | NotificationChannel.SMS | NotificationChannel.PUSH,
    to: string | null,
    vars: TemplateVars[K],
    recipient: Recipient,
    deferTo: Date | null,
  ): Promise<DispatchResult> {
    const { key, id } = this.ids(notice, channel);
    const base = { deliveryId: id, userId: notice.userId, kind: notice.kind };
    let job: ChannelJob;
    if (channel === NotificationChannel.EMAIL) {
      job = { ...base, channel, to: to ?? '', ...render(notice.kind, channel, vars, recipient.locale) };
    } else if (channel === NotificationChannel.SMS) {
      job = { ...base, channel, to: to ?? '', ...render(notice.kind, channel, vars, recipient.locale) };
    } else {
      job = { ...base, channel, data: notice.data ?? {}, ...render(notice.kind, channel, vars, recipient.locale) };
    }
    const { created, delivery } = await this.log.create({
      id,
      key,
      userId: notice.userId,
      channel,
      kind: notice.kind,
      category: KIND_SPECS[notice.kind].category,
      to: displayAddress(channel, to),
      status: deferTo ? DeliveryStatus.DEFERRED : DeliveryStatus.QUEUED,
      reason: deferTo ? 'QUIET_HOURS' : null,
      sourceEventId: notice.source.id,
      sourceEventType: notice.source.type,
      scheduledFor: deferTo,
    });
    // A record that exists but is still waiting may have lost its job (a crash between the two
    // writes): queue it again; the job id (= delivery id) keeps it from being queued twice.
    const waiting = delivery.status === DeliveryStatus.QUEUED || delivery.status === DeliveryStatus.DEFERRED;
    if (created || waiting) await this.queues.enqueue(job, created ? deferTo : delivery.scheduledFor);
    else this.logger.debug(`delivery ${id} exists (${delivery.status}); not queued again`);
    return { channel, deliveryId: id, status: delivery.status, reason: delivery.reason };
  }
}

function displayAddress(channel: NotificationChannel, to: string | null): string | null {
  if (!to) return null;
  return channel === NotificationChannel.SMS ? maskPhone(to) : to;
}
