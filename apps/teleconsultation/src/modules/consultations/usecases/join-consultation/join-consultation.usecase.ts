import { Inject, Injectable } from '@nestjs/common';
import { ConsultationStatus, ParticipantRole, type JoinTokenView } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { Clock } from '@telehealth/service-kit';
import { TeleconsultationConfig } from '../../../../config/teleconsultation.config';
import { VIDEO_PROVIDER, type VideoProvider } from '../../../video/video-provider';
import { requireVisible, type Relation } from '../../consultation-access';
import { ConsultationChanges } from '../../consultation-changes';
import type { ConsultationDoc } from '../../consultation.schema';
import { ConsultationStore } from '../../consultation.store';
import { Action, isOpen } from '../../lifecycle';
import { participantIdentity } from '../../participant-identity';

const MINUTE = 60_000;

const ROLE: Record<Exclude<Relation, null>, ParticipantRole> = {
  doctor: ParticipantRole.HOST,
  patient: ParticipantRole.PARTICIPANT,
  observer: ParticipantRole.OBSERVER,
};

/**
 * A join token for the caller only (flow 3): the session's patient, its doctor, or an admin
 * observing; inside the join window (from JOIN_OPENS_MINUTES_BEFORE the start until
 * JOIN_GRACE_MINUTES after the end). The doctor hosts; the patient is in the lobby, unable to be
 * seen or heard, until the doctor admits them (they join again then). Minutes long, one room,
 * one identity. A session exists only for a confirmed appointment, so it is paid or covered.
 */
@Injectable()
export class JoinConsultation {
  constructor(
    private readonly store: ConsultationStore,
    private readonly changes: ConsultationChanges,
    @Inject(VIDEO_PROVIDER) private readonly video: VideoProvider,
    private readonly config: TeleconsultationConfig,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, meta: RequestMeta): Promise<JoinTokenView> {
    const caller = requireCaller(meta);
    const visible = requireVisible(caller, await this.store.load(id));
    const { relation } = visible;
    let { s } = visible;
    const now = this.clock.now();
    this.requireWindow(s, now);
    const admitted = relation !== 'patient' || s.lobby.admittedAt !== null;
    if (!admitted && !s.lobby.patientWaiting)
      s = await this.changes.apply(s._id, Action.NOTE, (c) =>
        c.lobby.admittedAt || c.lobby.patientWaiting ? null : { set: { 'lobby.patientWaiting': true } },
      );
    const issued = await this.video.issueToken({
      room: s.roomId,
      identity: participantIdentity(relation, relation === 'doctor' ? s.doctorId : caller.userId),
      displayName:
        (relation === 'doctor' ? s.doctorName : relation === 'patient' ? s.patientName : null) ?? 'Participant',
      role: ROLE[relation],
      callType: s.callType,
      admitted,
      ttlSeconds: this.config.VIDEO_TOKEN_TTL_SECONDS,
      now,
    });
    return {
      provider: issued.provider,
      url: issued.url,
      room: issued.room,
      token: issued.token,
      expiresAt: issued.expiresAt.toISOString(),
      role: ROLE[relation],
      callType: s.callType,
      lobby: !admitted,
    };
  }

  private requireWindow(s: ConsultationDoc, now: Date): void {
    if (!isOpen(s.status))
      throw DomainError.conflict(`The consultation is ${s.status}: there is nothing to join`, 'SESSION_ENDED');
    const opens = s.scheduledStart.getTime() - this.config.JOIN_OPENS_MINUTES_BEFORE * MINUTE;
    if (now.getTime() < opens)
      throw DomainError.unprocessable(
        `The consultation can be joined from ${new Date(opens).toISOString()} (${this.config.JOIN_OPENS_MINUTES_BEFORE} minutes before it starts)`,
        'TOO_EARLY',
      );
    const closes = s.scheduledEnd.getTime() + this.config.JOIN_GRACE_MINUTES * MINUTE;
    if (now.getTime() > closes && s.status !== ConsultationStatus.IN_PROGRESS)
      throw DomainError.conflict(`The join window closed at ${new Date(closes).toISOString()}`, 'SESSION_ENDED');
  }
}
