import { CallType, ParticipantRole, VideoProviderName } from '@telehealth/contracts';
import { bodyError, headerOf, signatureError, assertFresh } from '@telehealth/messaging';
import { decodeJwt } from 'jose';
import { AccessToken, TrackSource, WebhookReceiver, type VideoGrant, type WebhookEvent } from 'livekit-server-sdk';
import type { VideoModuleConfig } from './video.config';
import type { IssuedToken, JoinGrant, RoomEvent, VideoProvider } from './video-provider';

export const LIVEKIT_AUTH_HEADER = 'Authorization';

export type LiveKitSettings = Pick<
  VideoModuleConfig,
  'LIVEKIT_URL' | 'LIVEKIT_API_KEY' | 'LIVEKIT_API_SECRET' | 'VIDEO_WEBHOOK_TOLERANCE_SECONDS'
>;

/**
 * What a LiveKit token lets its holder do in its one room. The doctor (HOST) is room admin; a
 * patient never is; anyone not yet admitted joins unable to publish or subscribe (the lobby); an
 * observer (admin) is hidden and cannot publish; an AUDIO call publishes the microphone only.
 */
export function liveKitGrant(grant: Pick<JoinGrant, 'room' | 'role' | 'callType' | 'admitted'>): VideoGrant {
  const admitted = grant.admitted || grant.role === ParticipantRole.HOST;
  const publish = admitted && grant.role !== ParticipantRole.OBSERVER;
  return {
    roomJoin: true,
    room: grant.room,
    roomCreate: false,
    roomList: false,
    roomRecord: false,
    roomAdmin: grant.role === ParticipantRole.HOST,
    canPublish: publish,
    canPublishData: publish,
    canSubscribe: admitted,
    canUpdateOwnMetadata: false,
    hidden: grant.role === ParticipantRole.OBSERVER,
    ...(publish && grant.callType === CallType.AUDIO ? { canPublishSources: [TrackSource.MICROPHONE] } : {}),
  };
}

const KINDS: Partial<Record<string, RoomEvent['kind']>> = {
  participant_joined: 'PARTICIPANT_JOINED',
  participant_left: 'PARTICIPANT_LEFT',
  room_finished: 'ROOM_FINISHED',
};

/** LiveKit's own failures are all about the signature until the body is parsed. */
const isBodyFailure = (err: unknown): boolean =>
  err instanceof SyntaxError || (err instanceof Error && /cannot decode|JSON/i.test(err.message));

/**
 * LiveKit: join tokens are `AccessToken`s (HS256 with the API secret, issuer = API key, subject =
 * our user id, one room); webhooks are verified with `WebhookReceiver` exactly as LiveKit signs
 * them (a JWT in `Authorization` from the same key pair, carrying the base64 SHA-256 of the raw
 * body), then refused when the event's `createdAt` is outside the tolerance of now.
 */
export class LiveKitProvider implements VideoProvider {
  readonly name = VideoProviderName.LIVEKIT;
  private readonly receiver: WebhookReceiver;

  constructor(private readonly settings: LiveKitSettings) {
    this.receiver = new WebhookReceiver(settings.LIVEKIT_API_KEY, settings.LIVEKIT_API_SECRET);
  }

  async issueToken(grant: JoinGrant): Promise<IssuedToken> {
    const token = new AccessToken(this.settings.LIVEKIT_API_KEY, this.settings.LIVEKIT_API_SECRET, {
      identity: grant.identity,
      name: grant.displayName,
      ttl: grant.ttlSeconds,
    });
    token.addGrant(liveKitGrant(grant));
    const jwt = await token.toJwt();
    // AccessToken dates the token by the clock; expiresAt says what the token says.
    const exp = decodeJwt(jwt).exp ?? Math.floor(grant.now.getTime() / 1000) + grant.ttlSeconds;
    return {
      provider: this.name,
      url: this.settings.LIVEKIT_URL,
      room: grant.room,
      token: jwt,
      expiresAt: new Date(exp * 1000),
    };
  }

  async parseWebhook(rawBody: string, headers: Record<string, string>, now: Date): Promise<RoomEvent> {
    const auth = headerOf(headers, LIVEKIT_AUTH_HEADER)
      ?.trim()
      .replace(/^Bearer\s+/i, '');
    if (!auth) throw signatureError(LIVEKIT_AUTH_HEADER, 'is missing');
    let event: WebhookEvent;
    try {
      event = await this.receiver.receive(rawBody, auth);
    } catch (err) {
      if (isBodyFailure(err)) throw bodyError('is not a LiveKit webhook event');
      throw signatureError(LIVEKIT_AUTH_HEADER, `does not verify: ${(err as Error).message}`);
    }
    if (!event.id) throw bodyError('id is missing');
    if (!event.event) throw bodyError('event is missing');
    const createdAt = Number(event.createdAt);
    const at = createdAt > 0 ? new Date(createdAt * 1000) : now;
    assertFresh('createdAt', at, now, this.settings.VIDEO_WEBHOOK_TOLERANCE_SECONDS);

    const kind = KINDS[event.event] ?? 'IGNORED';
    if (kind === 'IGNORED') return { eventId: event.id, kind, room: null, identity: null, at };
    const room = event.room?.name;
    if (!room) throw bodyError('room.name is missing');
    if (kind === 'ROOM_FINISHED') return { eventId: event.id, kind, room, identity: null, at };
    const identity = event.participant?.identity;
    if (!identity) throw bodyError('participant.identity is missing');
    return { eventId: event.id, kind, room, identity, at };
  }
}
