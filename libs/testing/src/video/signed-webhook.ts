import { createHash, randomUUID } from 'node:crypto';
import { VideoProviderName } from '@telehealth/contracts';
import { hmacBase64, hmacHex } from '@telehealth/messaging';
import { SignJWT } from 'jose';

/**
 * The headers each provider signs with, written out here as the providers document them (not
 * imported from the service): a test that signs as the provider does checks the service independently.
 */
const LIVEKIT_AUTH_HEADER = 'Authorization';
const JITSI_SIGNATURE_HEADER = 'X-Jitsi-Signature';
const DAILY_SIGNATURE_HEADER = 'X-Webhook-Signature';
const DAILY_TIMESTAMP_HEADER = 'X-Webhook-Timestamp';

/** What the service acts on, per provider event. */
type RoomEventKind = 'PARTICIPANT_JOINED' | 'PARTICIPANT_LEFT' | 'ROOM_FINISHED' | 'IGNORED';

/** The secrets a provider signs webhooks with (the platform's video settings). */
export interface VideoWebhookSecrets {
  LIVEKIT_API_KEY: string;
  LIVEKIT_API_SECRET: string;
  JITSI_WEBHOOK_SECRET: string;
  DAILY_WEBHOOK_SECRET: string;
}

/** A room event to deliver as the provider would (tests and e2e post it through the gateway). */
export interface WebhookFixture {
  /** IGNORED sends an event the provider has but sessions do not act on. */
  kind: RoomEventKind;
  room: string;
  /** Our user id (JOINED / LEFT). */
  identity?: string;
  /** The provider's event id; a fresh one by default (send the same one twice for a replay). */
  id?: string;
  /** When it happened (default: signedAt). */
  at?: Date;
  /** When the provider signed it (default: now); an old one makes a stale webhook. */
  signedAt?: Date;
}

export interface SignedWebhook {
  rawBody: string;
  headers: Record<string, string>;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

const LIVEKIT_EVENTS: Record<RoomEventKind, string> = {
  PARTICIPANT_JOINED: 'participant_joined',
  PARTICIPANT_LEFT: 'participant_left',
  ROOM_FINISHED: 'room_finished',
  IGNORED: 'track_published',
};
const JITSI_EVENTS: Record<RoomEventKind, string> = {
  PARTICIPANT_JOINED: 'PARTICIPANT_JOINED',
  PARTICIPANT_LEFT: 'PARTICIPANT_LEFT',
  ROOM_FINISHED: 'ROOM_DESTROYED',
  IGNORED: 'ROOM_CREATED',
};
const DAILY_EVENTS: Record<RoomEventKind, string> = {
  PARTICIPANT_JOINED: 'participant.joined',
  PARTICIPANT_LEFT: 'participant.left',
  ROOM_FINISHED: 'meeting.ended',
  IGNORED: 'recording.started',
};

/** The body the provider sends for `event`. */
export function webhookBody(provider: VideoProviderName, event: WebhookFixture): string {
  const signedAt = event.signedAt ?? new Date();
  const at = event.at ?? signedAt;
  const id = event.id ?? `evt-${randomUUID()}`;
  const identity = event.identity ?? null;
  switch (provider) {
    case VideoProviderName.LIVEKIT:
      return JSON.stringify({
        event: LIVEKIT_EVENTS[event.kind],
        id,
        createdAt: String(seconds(at)),
        room: { name: event.room, sid: `RM_${event.room}` },
        ...(identity ? { participant: { identity, sid: `PA_${identity}` } } : {}),
      });
    case VideoProviderName.JITSI:
      return JSON.stringify({
        id,
        event: JITSI_EVENTS[event.kind],
        room: event.room,
        ...(identity ? { participant: { id: identity } } : {}),
        timestamp: at.getTime(),
      });
    case VideoProviderName.DAILY:
      return JSON.stringify({
        version: '1.0.0',
        type: DAILY_EVENTS[event.kind],
        id,
        payload: {
          room: event.room,
          ...(identity ? { user_id: identity, session_id: `s-${identity}`, joined_at: seconds(at) } : {}),
          // participant.left: left at joined_at + duration, so `at` is when they left.
          ...(event.kind === 'PARTICIPANT_LEFT' ? { duration: 0 } : {}),
          ...(event.kind === 'ROOM_FINISHED' ? { end_ts: seconds(at) } : {}),
        },
        event_ts: seconds(signedAt),
      });
  }
}

/**
 * Signs a raw body as the provider signs its webhooks: LiveKit, a JWT in `Authorization` (HS256
 * with the API secret, issuer the API key, 5 minutes long) carrying the base64 SHA-256 of the
 * body; Jitsi's relay, the hex HMAC-SHA256 of the body; Daily, the base64 HMAC-SHA256 of
 * `timestamp.body` with the base64-decoded secret.
 */
export async function signWebhookBody(
  provider: VideoProviderName,
  config: VideoWebhookSecrets,
  rawBody: string,
  signedAt = new Date(),
): Promise<SignedWebhook> {
  switch (provider) {
    case VideoProviderName.LIVEKIT: {
      const sha256 = createHash('sha256').update(rawBody, 'utf8').digest('base64');
      const jwt = await new SignJWT({ sha256 })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(config.LIVEKIT_API_KEY)
        .setNotBefore(seconds(signedAt))
        .setExpirationTime(seconds(signedAt) + 300)
        .sign(new TextEncoder().encode(config.LIVEKIT_API_SECRET));
      return { rawBody, headers: { [LIVEKIT_AUTH_HEADER]: jwt, 'Content-Type': 'application/webhook+json' } };
    }
    case VideoProviderName.JITSI: {
      const signature = hmacHex('sha256', config.JITSI_WEBHOOK_SECRET, rawBody);
      return { rawBody, headers: { [JITSI_SIGNATURE_HEADER]: signature, 'Content-Type': 'application/json' } };
    }
    case VideoProviderName.DAILY: {
      const timestamp = String(seconds(signedAt));
      const key = Buffer.from(config.DAILY_WEBHOOK_SECRET, 'base64');
      return {
        rawBody,
        headers: {
          [DAILY_SIGNATURE_HEADER]: hmacBase64(key, `${timestamp}.${rawBody}`),
          [DAILY_TIMESTAMP_HEADER]: timestamp,
          'Content-Type': 'application/json',
        },
      };
    }
  }
}

/** A webhook for `event`, signed as the provider would sign it (e2e tests post it through the gateway). */
export async function signedWebhook(
  provider: VideoProviderName,
  config: VideoWebhookSecrets,
  event: WebhookFixture,
): Promise<SignedWebhook> {
  const signedAt = event.signedAt ?? new Date();
  return signWebhookBody(provider, config, webhookBody(provider, { ...event, signedAt }), signedAt);
}
