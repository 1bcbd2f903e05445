import { CallType, ParticipantRole, VideoProviderName } from '@telehealth/contracts';
import { assertFresh, bodyError, objectAt, parseJsonObject, stringAt, verifyBodyHmac } from '@telehealth/messaging';
import { SignJWT } from 'jose';
import type { VideoModuleConfig } from './video.config';
import type { IssuedToken, JoinGrant, RoomEvent, VideoProvider } from './video-provider';

/** Hex HMAC-SHA256 of the raw body with JITSI_WEBHOOK_SECRET, set by the prosody event relay. */
export const JITSI_SIGNATURE_HEADER = 'X-Jitsi-Signature';
/** prosody token_auth accepts this audience (`asap_accepted_audiences`, the usual "jitsi"). */
export const JITSI_AUDIENCE = 'jitsi';

export type JitsiSettings = Pick<
  VideoModuleConfig,
  'JITSI_DOMAIN' | 'JITSI_APP_ID' | 'JITSI_APP_SECRET' | 'JITSI_WEBHOOK_SECRET' | 'VIDEO_WEBHOOK_TOLERANCE_SECONDS'
>;

/** The event names of the relay (those of Jitsi-as-a-Service webhooks). */
const KINDS: Partial<Record<string, RoomEvent['kind']>> = {
  PARTICIPANT_JOINED: 'PARTICIPANT_JOINED',
  PARTICIPANT_LEFT: 'PARTICIPANT_LEFT',
  ROOM_DESTROYED: 'ROOM_FINISHED',
};

const flag = (on: boolean): 'true' | 'false' => (on ? 'true' : 'false');

/**
 * The claims of a prosody token_auth JWT for one person in one room. Jitsi's convention is
 * followed: `context.user.moderator` is the string "true"/"false" (JaaS), and the top-level
 * `moderator` boolean is there for deployments whose token moderation module reads that instead.
 *
 * What Jitsi cannot do from a token, and what is done instead:
 * - the lobby: prosody's lobby (muc_lobby_rooms) holds whoever has no `lobby_bypass`; a patient not
 *   yet admitted gets `lobby_bypass: false` and waits there until the doctor (moderator) admits
 *   them. A token cannot forbid publishing; the lobby keeps them unseen and unheard.
 * - AUDIO calls: Jitsi has no per-token media permission. The token marks `context.room.audioOnly`,
 *   turns the `screen-sharing` feature off, and the URL carries `#config.startAudioOnly=true`
 *   (Jitsi Meet applies config overrides from the URL fragment), so clients start without video.
 * - recording, live streaming and transcription are off for everyone (recording needs consent).
 */
export function jitsiClaims(grant: JoinGrant, settings: Pick<JitsiSettings, 'JITSI_DOMAIN'>) {
  const moderator = grant.role === ParticipantRole.HOST;
  const admitted = grant.admitted || moderator;
  const audioOnly = grant.callType === CallType.AUDIO;
  return {
    room: grant.room,
    sub: settings.JITSI_DOMAIN,
    moderator,
    context: {
      user: {
        id: grant.identity,
        name: grant.displayName,
        moderator: flag(moderator),
        lobby_bypass: admitted,
      },
      room: { audioOnly },
      features: {
        recording: 'false',
        livestreaming: 'false',
        transcription: 'false',
        'outbound-call': 'false',
        'screen-sharing': flag(!audioOnly && grant.role !== ParticipantRole.OBSERVER),
      },
    },
  };
}

/**
 * Jitsi Meet with prosody token_auth: HS256 tokens with the app secret (`iss` = app id, `aud` =
 * "jitsi", `sub` = the domain, one `room`, `nbf`/`exp` the TTL). Jitsi has no webhooks of its own:
 * a prosody event module (or relay) POSTs JSON events signed in {@link JITSI_SIGNATURE_HEADER}:
 *
 *     { "id": "<unique per event>", "event": "PARTICIPANT_JOINED" | "PARTICIPANT_LEFT" |
 *       "ROOM_DESTROYED" | <other, ignored>, "room": "room-<appointmentId>",
 *       "participant": { "id": "<context.user.id of the token>" }, "timestamp": <Unix ms> }
 *
 * `participant` is needed for the two participant events only; `timestamp` (inside the signed
 * body) must be within the tolerance of now; a `room@conference.domain` JID is reduced to the room.
 */
export class JitsiProvider implements VideoProvider {
  readonly name = VideoProviderName.JITSI;

  constructor(private readonly settings: JitsiSettings) {}

  async issueToken(grant: JoinGrant): Promise<IssuedToken> {
    const iat = Math.floor(grant.now.getTime() / 1000);
    const exp = iat + grant.ttlSeconds;
    const token = await new SignJWT(jitsiClaims(grant, this.settings))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.settings.JITSI_APP_ID)
      .setAudience(JITSI_AUDIENCE)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(this.settings.JITSI_APP_SECRET));
    const audio = grant.callType === CallType.AUDIO ? '#config.startAudioOnly=true' : '';
    return {
      provider: this.name,
      url: `https://${this.settings.JITSI_DOMAIN}/${encodeURIComponent(grant.room)}${audio}`,
      room: grant.room,
      token,
      expiresAt: new Date(exp * 1000),
    };
  }

  async parseWebhook(rawBody: string, headers: Record<string, string>, now: Date): Promise<RoomEvent> {
    verifyBodyHmac(headers, JITSI_SIGNATURE_HEADER, 'sha256', this.settings.JITSI_WEBHOOK_SECRET, rawBody);
    const body = parseJsonObject(rawBody);
    const eventId = stringAt(body, 'id', 'id');
    const name = stringAt(body, 'event', 'event');
    const timestamp = body.timestamp;
    if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp <= 0) {
      throw bodyError('timestamp must be Unix milliseconds');
    }
    const at = new Date(timestamp);
    assertFresh('timestamp', at, now, this.settings.VIDEO_WEBHOOK_TOLERANCE_SECONDS);

    const kind = KINDS[name] ?? 'IGNORED';
    if (kind === 'IGNORED') return { eventId, kind, room: null, identity: null, at };
    const room = stringAt(body, 'room', 'room').split('@')[0];
    if (!room) throw bodyError('room is empty');
    if (kind === 'ROOM_FINISHED') return { eventId, kind, room, identity: null, at };
    const identity = stringAt(objectAt(body, 'participant', 'participant'), 'id', 'participant.id');
    return { eventId, kind, room, identity, at };
  }
}
