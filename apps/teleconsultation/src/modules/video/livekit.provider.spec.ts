import { loadConfig } from '@telehealth/config';
import { CallType, ParticipantRole, VideoProviderName } from '@telehealth/contracts';
import { BAD_BODY, BAD_SIGNATURE } from '@telehealth/messaging';
import { TokenVerifier } from 'livekit-server-sdk';
import { DOCTOR_ID, PATIENT_ID, ROOM, doctorGrant, joinGrant, rejection } from './testing/join-grant';
import { signWebhookBody, signedWebhook } from '@telehealth/testing';
import { LIVEKIT_AUTH_HEADER, LiveKitProvider } from './livekit.provider';
import { VideoConfig } from './video.config';

const config = loadConfig(VideoConfig, {});
const provider = new LiveKitProvider(config);
const verifier = new TokenVerifier(config.LIVEKIT_API_KEY, config.LIVEKIT_API_SECRET);

async function claimsOf(grant = joinGrant()) {
  const issued = await provider.issueToken(grant);
  return { issued, claims: await verifier.verify(issued.token) };
}

describe('LiveKitProvider.issueToken', () => {
  it('issues a token LiveKit verifies, for exactly one room and one identity, valid for the TTL', async () => {
    const now = new Date();
    const { issued, claims } = await claimsOf(joinGrant({ now }));
    expect(issued).toMatchObject({ provider: VideoProviderName.LIVEKIT, url: config.LIVEKIT_URL, room: ROOM });
    expect(claims.sub).toBe(PATIENT_ID);
    expect(claims.iss).toBe(config.LIVEKIT_API_KEY);
    expect(claims.name).toBe('Ada Obi');
    expect(claims.video).toMatchObject({ roomJoin: true, room: ROOM, roomCreate: false, roomList: false });
    expect(claims.exp! - claims.nbf!).toBe(600);
    expect(issued.expiresAt.getTime()).toBe(claims.exp! * 1000);
  });

  it('is refused by a verifier with another secret', async () => {
    const { issued } = await claimsOf();
    await expect(
      new TokenVerifier(config.LIVEKIT_API_KEY, 'another-secret-of-at-least-32-characters').verify(issued.token),
    ).rejects.toThrow();
  });

  it('makes the doctor room admin, never the patient (admitted or not)', async () => {
    expect((await claimsOf(doctorGrant({ admitted: false }))).claims.video).toMatchObject({
      roomAdmin: true,
      canPublish: true,
      canSubscribe: true,
    });
    expect((await claimsOf(doctorGrant())).claims.sub).toBe(DOCTOR_ID);
    for (const admitted of [true, false]) {
      expect((await claimsOf(joinGrant({ admitted }))).claims.video?.roomAdmin).toBe(false);
    }
  });

  it('lets a patient in the lobby neither publish nor subscribe until admitted', async () => {
    expect((await claimsOf(joinGrant({ admitted: false }))).claims.video).toMatchObject({
      canPublish: false,
      canPublishData: false,
      canSubscribe: false,
    });
    expect((await claimsOf(joinGrant({ admitted: true }))).claims.video).toMatchObject({
      canPublish: true,
      canSubscribe: true,
    });
  });

  it('lets an AUDIO call publish the microphone only', async () => {
    for (const grant of [joinGrant({ callType: CallType.AUDIO }), doctorGrant({ callType: CallType.AUDIO })]) {
      expect((await claimsOf(grant)).claims.video?.canPublishSources).toEqual(['microphone']);
    }
    expect((await claimsOf(joinGrant())).claims.video?.canPublishSources).toBeUndefined();
  });

  it('makes an observer hidden, unable to publish', async () => {
    const { claims } = await claimsOf(joinGrant({ role: ParticipantRole.OBSERVER, identity: 'adm-1' }));
    expect(claims.video).toMatchObject({ hidden: true, canPublish: false, canSubscribe: true, roomAdmin: false });
  });
});

describe('LiveKitProvider.parseWebhook', () => {
  const joined = { kind: 'PARTICIPANT_JOINED' as const, room: ROOM, identity: PATIENT_ID };

  it('parses a signed participant_joined, participant_left, room_finished; ignores other events', async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 2_000);
    const hook = await signedWebhook(VideoProviderName.LIVEKIT, config, { ...joined, id: 'EV_1', at });
    expect(await provider.parseWebhook(hook.rawBody, hook.headers, new Date())).toEqual({
      eventId: 'EV_1',
      kind: 'PARTICIPANT_JOINED',
      room: ROOM,
      identity: PATIENT_ID,
      at,
    });
    const left = await signedWebhook(VideoProviderName.LIVEKIT, config, { ...joined, kind: 'PARTICIPANT_LEFT' });
    expect(await provider.parseWebhook(left.rawBody, left.headers, new Date())).toMatchObject({
      kind: 'PARTICIPANT_LEFT',
      identity: PATIENT_ID,
    });
    const finished = await signedWebhook(VideoProviderName.LIVEKIT, config, { kind: 'ROOM_FINISHED', room: ROOM });
    expect(await provider.parseWebhook(finished.rawBody, finished.headers, new Date())).toMatchObject({
      kind: 'ROOM_FINISHED',
      room: ROOM,
      identity: null,
    });
    const other = await signedWebhook(VideoProviderName.LIVEKIT, config, { kind: 'IGNORED', room: ROOM, id: 'EV_9' });
    expect(await provider.parseWebhook(other.rawBody, other.headers, new Date())).toMatchObject({
      eventId: 'EV_9',
      kind: 'IGNORED',
      room: null,
    });
  });

  it('accepts the header in any case and with a Bearer prefix', async () => {
    const hook = await signedWebhook(VideoProviderName.LIVEKIT, config, joined);
    const headers = { authorization: `Bearer ${hook.headers[LIVEKIT_AUTH_HEADER]}` };
    expect((await provider.parseWebhook(hook.rawBody, headers, new Date())).kind).toBe('PARTICIPANT_JOINED');
  });

  it('refuses a tampered body, a wrong secret, a missing header, a stale token or event', async () => {
    const hook = await signedWebhook(VideoProviderName.LIVEKIT, config, joined);
    const tampered = hook.rawBody.replace(PATIENT_ID, 'pat-other');
    expect((await rejection(provider.parseWebhook(tampered, hook.headers, new Date()))).reason).toBe(BAD_SIGNATURE);

    const other = { ...config, LIVEKIT_API_SECRET: 'another-secret-of-at-least-32-characters' };
    const forged = await signedWebhook(VideoProviderName.LIVEKIT, other, joined);
    expect((await rejection(provider.parseWebhook(forged.rawBody, forged.headers, new Date()))).reason).toBe(
      BAD_SIGNATURE,
    );

    const missing = await rejection(provider.parseWebhook(hook.rawBody, {}, new Date()));
    expect(missing).toEqual({ reason: BAD_SIGNATURE, message: 'Authorization: is missing' });

    const old = new Date(Date.now() - 10 * 60_000);
    const expired = await signedWebhook(VideoProviderName.LIVEKIT, config, { ...joined, signedAt: old });
    expect((await rejection(provider.parseWebhook(expired.rawBody, expired.headers, new Date()))).reason).toBe(
      BAD_SIGNATURE,
    );

    // A fresh signature over an event created long ago (a replayed body re-signed): refused too.
    const replay = await signedWebhook(VideoProviderName.LIVEKIT, config, { ...joined, at: old });
    const stale = await rejection(provider.parseWebhook(replay.rawBody, replay.headers, new Date()));
    expect(stale.reason).toBe(BAD_SIGNATURE);
    expect(stale.message).toMatch(/^createdAt: .* outside the 300 s tolerance/);
  });

  it.each([
    ['not JSON', 'not json'],
    ['not an event', '{"foo":1}'],
    ['no id', '{"event":"participant_joined","room":{"name":"r"},"participant":{"identity":"p"}}'],
    ['joined without a participant', `{"event":"participant_joined","id":"EV_2","room":{"name":"r"}}`],
    ['finished without a room', `{"event":"room_finished","id":"EV_3"}`],
  ])('refuses a verified body that is %s with WEBHOOK_BODY_INVALID', async (_what, rawBody) => {
    const hook = await signWebhookBody(VideoProviderName.LIVEKIT, config, rawBody);
    expect((await rejection(provider.parseWebhook(hook.rawBody, hook.headers, new Date()))).reason).toBe(BAD_BODY);
  });
});
