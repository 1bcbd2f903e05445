import { Inject, Injectable } from '@nestjs/common';
import { EndedBy, type VideoWebhookAck, type VideoWebhookRequest } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { Clock } from '@telehealth/service-kit';
import { VIDEO_PROVIDER, type VideoProvider } from '../../../video/video-provider';
import { ConsultationStore } from '../../consultation.store';
import { subjectOfRoom, consultationIdOf } from '../../new-session';
import { sideOf } from '../../participant-identity';
import { EndConsultation } from '../end-consultation/end-consultation.usecase';
import { RecordPresence } from '../record-presence/record-presence.usecase';

/**
 * A video provider's webhook: verified by the provider (a tampered, unsigned or stale one is 400
 * and changes nothing), then applied to the room's session once per provider event id. Events of
 * rooms, or identities, that are not ours are acknowledged and ignored.
 */
@Injectable()
export class HandleVideoWebhook {
  constructor(
    @Inject(VIDEO_PROVIDER) private readonly video: VideoProvider,
    private readonly store: ConsultationStore,
    private readonly presence: RecordPresence,
    private readonly ending: EndConsultation,
    private readonly clock: Clock,
  ) {}

  async execute(q: VideoWebhookRequest, requestId: string): Promise<VideoWebhookAck> {
    if (q.provider !== this.video.name)
      throw DomainError.invalid('provider', `must be the configured video provider (${this.video.name})`);
    const e = await this.video.parseWebhook(q.rawBody, q.headers, this.clock.now());
    const subjectId = e.kind === 'IGNORED' || !e.room ? null : subjectOfRoom(e.room);
    const s = subjectId ? await this.store.load(consultationIdOf(subjectId)) : null;
    if (!s) return { received: true, applied: false };
    const eventId = `${this.video.name}:${e.eventId}`;
    if (s.seenEvents.includes(eventId)) return { received: true, applied: false };
    const before = s.version;
    let after = before;
    if (e.kind === 'ROOM_FINISHED') {
      after = (await this.ending.end(s._id, EndedBy.SYSTEM, e.at, { quiet: true, eventId, correlationId: requestId }))
        .version;
    } else {
      const side = e.identity ? sideOf(e.identity, s) : null;
      if (!side) return { received: true, applied: false };
      after = (
        await this.presence.execute({
          consultationId: s._id,
          side,
          kind: e.kind === 'PARTICIPANT_JOINED' ? 'JOINED' : 'LEFT',
          at: e.at,
          source: 'WEBHOOK',
          eventId,
          correlationId: requestId,
        })
      ).version;
    }
    return { received: true, applied: after !== before };
  }
}
