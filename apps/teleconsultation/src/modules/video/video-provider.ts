import type { CallType, ParticipantRole, VideoProviderName } from '@telehealth/contracts';

/** Who a join token is for, and what it lets them do, in exactly one room. */
export interface JoinGrant {
  /** The provider's room name (`room-{appointmentId}`). */
  room: string;
  /** Our user id: the token names exactly this identity. */
  identity: string;
  displayName: string;
  role: ParticipantRole;
  callType: CallType;
  /**
   * False while a patient waits in the lobby: the token lets them in but not be seen or heard
   * (LiveKit: no publish/subscribe; Jitsi and Daily: their lobby / knocking) until admitted.
   */
  admitted: boolean;
  /** Seconds from `now` the token stays valid (minutes, never the providers' hours). */
  ttlSeconds: number;
  now: Date;
}

export interface IssuedToken {
  provider: VideoProviderName;
  /** Where the client connects: LiveKit's wss URL, or the Jitsi / Daily room URL. */
  url: string;
  room: string;
  token: string;
  expiresAt: Date;
}

/** A verified provider webhook, reduced to what a session acts on. */
export interface RoomEvent {
  /** The provider's id for this notification: a replay carries the same id and applies once. */
  eventId: string;
  kind: 'PARTICIPANT_JOINED' | 'PARTICIPANT_LEFT' | 'ROOM_FINISHED' | 'IGNORED';
  /** The provider's room name; null for IGNORED. */
  room: string | null;
  /** The participant's identity (our user id) for JOINED / LEFT. */
  identity: string | null;
  /** When it happened, as the provider says (falls back to `now`). */
  at: Date;
}

export interface VideoProvider {
  readonly name: VideoProviderName;
  /** A signed token for one identity in one room, verifiable with the provider's own verifier. */
  issueToken(grant: JoinGrant): Promise<IssuedToken>;
  /**
   * Verifies the webhook exactly as the provider documents it (signature over the raw body,
   * freshness) and parses it. Throws DomainError.invalid(<header or 'body'>, ..., reason
   * 'WEBHOOK_SIGNATURE_INVALID' | 'WEBHOOK_BODY_INVALID') (HTTP 400); never returns for an
   * unverified request.
   */
  parseWebhook(rawBody: string, headers: Record<string, string>, now: Date): Promise<RoomEvent>;
}

/** Nest injection token of the configured provider. */
export const VIDEO_PROVIDER = Symbol('VIDEO_PROVIDER');
