import { CallType, ParticipantRole, VideoProviderName } from '@telehealth/contracts';
import {
  assertFresh,
  headerOf,
  hmacBase64,
  objectAt,
  parseJsonObject,
  sameBase64,
  signatureError,
  stringAt,
} from '@telehealth/messaging';
import { SignJWT } from 'jose';
import type { VideoModuleConfig } from './video.config';
import type { IssuedToken, JoinGrant, RoomEvent, VideoProvider } from './video-provider';

export const DAILY_SIGNATURE_HEADER = 'X-Webhook-Signature';
export const DAILY_TIMESTAMP_HEADER = 'X-Webhook-Timestamp';

export type DailySettings = Pick<
  VideoModuleConfig,
  'DAILY_DOMAIN' | 'DAILY_DOMAIN_ID' | 'DAILY_API_KEY' | 'DAILY_WEBHOOK_SECRET' | 'VIDEO_WEBHOOK_TOLERANCE_SECONDS'
>;

const KINDS: Partial<Record<string, RoomEvent['kind']>> = {
  'participant.joined': 'PARTICIPANT_JOINED',
  'participant.left': 'PARTICIPANT_LEFT',
  'meeting.ended': 'ROOM_FINISHED',
};

/** Daily's abbreviated `permissions` of a self-signed token (`hp` hasPresence, `cs` canSend, `cr.b` canReceive base). */
interface DailyPermissions {
  hp: boolean;
  cs: boolean | string;
  cr: { b: boolean };
}

/**
 * The payload of a self-signed Daily meeting token, with Daily's abbreviated claim names: `r`
 * room_name, `d` domain_id, `ud` user_id, `u` user_name, `o` is_owner (the doctor only), `vo`
 * start_video_off, `p` permissions. Not admitted (the lobby): present but can neither send nor
 * receive until the doctor admits them (a new token). AUDIO: `cs` "a" (audio only) and video
 * off at start. OBSERVER (admin): hidden (`hp` false) and sends nothing.
 */
export function dailyClaims(grant: JoinGrant, settings: Pick<DailySettings, 'DAILY_DOMAIN_ID'>) {
  const owner = grant.role === ParticipantRole.HOST;
  const admitted = grant.admitted || owner;
  const audioOnly = grant.callType === CallType.AUDIO;
  const send = admitted && grant.role !== ParticipantRole.OBSERVER;
  const p: DailyPermissions = {
    hp: grant.role !== ParticipantRole.OBSERVER,
    cs: send ? (audioOnly ? 'a' : true) : false,
    cr: { b: admitted },
  };
  return {
    r: grant.room,
    d: settings.DAILY_DOMAIN_ID,
    ud: grant.identity,
    u: grant.displayName,
    o: owner,
    vo: audioOnly || !send,
    p,
  };
}

/** Daily sends Unix seconds; milliseconds are accepted too. */
function timestampOf(value: string): Date | null {
  if (!/^\d{1,16}$/.test(value)) return null;
  const n = Number(value);
  return new Date(n > 1e12 ? n : n * 1000);
}

const secondsAt = (v: unknown): Date | null => (typeof v === 'number' && v > 0 ? new Date(v * 1000) : null);

/**
 * Daily: meeting tokens are self-signed with the API key (HS256), as Daily documents, naming one
 * room and one user. Webhooks carry `X-Webhook-Signature`, the base64 HMAC-SHA256 of
 * `${X-Webhook-Timestamp}.${rawBody}` keyed with the base64-decoded webhook secret; a timestamp
 * outside the tolerance of now is refused. `participant.joined` / `participant.left` name the
 * user by `payload.user_id` (the token's `ud`); `meeting.ended` ends the room.
 */
export class DailyProvider implements VideoProvider {
  readonly name = VideoProviderName.DAILY;
  private readonly webhookKey: Buffer;

  constructor(private readonly settings: DailySettings) {
    this.webhookKey = Buffer.from(settings.DAILY_WEBHOOK_SECRET, 'base64');
  }

  async issueToken(grant: JoinGrant): Promise<IssuedToken> {
    const iat = Math.floor(grant.now.getTime() / 1000);
    const exp = iat + grant.ttlSeconds;
    const token = await new SignJWT(dailyClaims(grant, this.settings))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(this.settings.DAILY_API_KEY));
    return {
      provider: this.name,
      url: `https://${this.settings.DAILY_DOMAIN}/${encodeURIComponent(grant.room)}`,
      room: grant.room,
      token,
      expiresAt: new Date(exp * 1000),
    };
  }

  async parseWebhook(rawBody: string, headers: Record<string, string>, now: Date): Promise<RoomEvent> {
    const given = headerOf(headers, DAILY_SIGNATURE_HEADER)?.trim();
    if (!given) throw signatureError(DAILY_SIGNATURE_HEADER, 'is missing');
    const stamp = headerOf(headers, DAILY_TIMESTAMP_HEADER)?.trim();
    if (!stamp) throw signatureError(DAILY_TIMESTAMP_HEADER, 'is missing');
    const signedAt = timestampOf(stamp);
    if (!signedAt) throw signatureError(DAILY_TIMESTAMP_HEADER, 'is malformed: expected Unix seconds');
    if (!sameBase64(hmacBase64(this.webhookKey, `${stamp}.${rawBody}`), given)) {
      throw signatureError(DAILY_SIGNATURE_HEADER, 'does not match the body');
    }
    assertFresh(DAILY_TIMESTAMP_HEADER, signedAt, now, this.settings.VIDEO_WEBHOOK_TOLERANCE_SECONDS);

    const body = parseJsonObject(rawBody);
    const eventId = stringAt(body, 'id', 'id');
    const type = stringAt(body, 'type', 'type');
    const sentAt = secondsAt(body.event_ts) ?? now;
    const kind = KINDS[type] ?? 'IGNORED';
    if (kind === 'IGNORED') return { eventId, kind, room: null, identity: null, at: sentAt };
    const payload = objectAt(body, 'payload', 'payload');
    const room = stringAt(payload, 'room', 'payload.room');
    if (kind === 'ROOM_FINISHED') {
      return { eventId, kind, room, identity: null, at: secondsAt(payload.end_ts) ?? sentAt };
    }
    const identity = stringAt(payload, 'user_id', 'payload.user_id');
    const joinedAt = secondsAt(payload.joined_at);
    if (kind === 'PARTICIPANT_JOINED') return { eventId, kind, room, identity, at: joinedAt ?? sentAt };
    const duration = payload.duration;
    const leftAt =
      joinedAt && typeof duration === 'number' && duration >= 0
        ? new Date(joinedAt.getTime() + duration * 1000)
        : sentAt;
    return { eventId, kind, room, identity, at: leftAt };
  }
}
