import { loadConfig } from '@telehealth/config';
import { CallType, ParticipantRole, VideoProviderName } from '@telehealth/contracts';
import { BAD_BODY, BAD_SIGNATURE } from '@telehealth/messaging';
import { jwtVerify } from 'jose';
import { JITSI_AUDIENCE, JITSI_SIGNATURE_HEADER, JitsiProvider } from './jitsi.provider';
import { DOCTOR_ID, PATIENT_ID, ROOM, doctorGrant, joinGrant, rejection } from './testing/join-grant';
import { signWebhookBody, signedWebhook } from '@telehealth/testing';
import { VideoConfig } from './video.config';

const config = loadConfig(VideoConfig, { VIDEO_PROVIDER: 'jitsi' });
const provider = new JitsiProvider(config);
const secret = new TextEncoder().encode(config.JITSI_APP_SECRET);

interface JitsiPayload {
  room: string;
  sub: string;
  moderator: boolean;
  context: {
    user: { id: string; name: string; moderator: string; lobby_bypass: boolean };
    room: { audioOnly: boolean };
    features: Record<string, string>;
  };
}

async function claimsOf(grant = joinGrant()) {
  const issued = await provider.issueToken(grant);
  const { payload } = await jwtVerify<JitsiPayload>(issued.token, secret, {
    issuer: config.JITSI_APP_ID,
    audience: JITSI_AUDIENCE,
    algorithms: ['HS256'],
  });
  return { issued, claims: payload };
}

describe('JitsiProvider.issueToken', () => {
  it('issues a prosody token_auth JWT for exactly one room and one user, valid for the TTL', async () => {
    const now = new Date();
    const { issued, claims } = await claimsOf(joinGrant({ now }));
    expect(issued).toMatchObject({
      provider: VideoProviderName.JITSI,
      url: `https://${config.JITSI_DOMAIN}/${ROOM}`,
      room: ROOM,
    });
    expect(claims).toMatchObject({ room: ROOM, sub: config.JITSI_DOMAIN, aud: 'jitsi', iss: config.JITSI_APP_ID });
    expect(claims.context.user).toMatchObject({ id: PATIENT_ID, name: 'Ada Obi' });
    expect(claims.exp! - claims.nbf!).toBe(600);
    expect(claims.nbf).toBe(Math.floor(now.getTime() / 1000));
    expect(issued.expiresAt.getTime()).toBe(claims.exp! * 1000);
    await expect(jwtVerify(issued.token, new TextEncoder().encode('x'.repeat(40)))).rejects.toThrow();
  });

  it('makes the doctor moderator ("true" as Jitsi expects), never the patient', async () => {
    const doctor = (await claimsOf(doctorGrant())).claims;
    expect(doctor.context.user).toMatchObject({ id: DOCTOR_ID, moderator: 'true', lobby_bypass: true });
    expect(doctor.moderator).toBe(true);
    for (const admitted of [true, false]) {
      const patient = (await claimsOf(joinGrant({ admitted }))).claims;
      expect(patient.context.user.moderator).toBe('false');
      expect(patient.moderator).toBe(false);
    }
  });

  it('keeps a patient not admitted in the lobby (no lobby bypass)', async () => {
    expect((await claimsOf(joinGrant({ admitted: false }))).claims.context.user.lobby_bypass).toBe(false);
    expect((await claimsOf(joinGrant({ admitted: true }))).claims.context.user.lobby_bypass).toBe(true);
  });

  it('marks an AUDIO call audio-only: the URL starts audio-only, no screen sharing', async () => {
    const { issued, claims } = await claimsOf(joinGrant({ callType: CallType.AUDIO }));
    expect(issued.url).toBe(`https://${config.JITSI_DOMAIN}/${ROOM}#config.startAudioOnly=true`);
    expect(claims.context.room.audioOnly).toBe(true);
    expect(claims.context.features['screen-sharing']).toBe('false');
    const video = (await claimsOf(joinGrant())).claims;
    expect(video.context.room.audioOnly).toBe(false);
    expect(video.context.features['screen-sharing']).toBe('true');
  });

  it('never lets anyone record by token (recording needs consent)', async () => {
    for (const grant of [doctorGrant(), joinGrant(), joinGrant({ role: ParticipantRole.OBSERVER })]) {
      expect((await claimsOf(grant)).claims.context.features).toMatchObject({
        recording: 'false',
        livestreaming: 'false',
      });
    }
  });
});

describe('JitsiProvider.parseWebhook', () => {
  const joined = { kind: 'PARTICIPANT_JOINED' as const, room: ROOM, identity: PATIENT_ID };

  it('parses relay events: joined, left, room destroyed; ignores others', async () => {
    const at = new Date(Date.now() - 1_000);
    const hook = await signedWebhook(VideoProviderName.JITSI, config, { ...joined, id: 'j-1', at });
    expect(await provider.parseWebhook(hook.rawBody, hook.headers, new Date())).toEqual({
      eventId: 'j-1',
      kind: 'PARTICIPANT_JOINED',
      room: ROOM,
      identity: PATIENT_ID,
      at,
    });
    const left = await signedWebhook(VideoProviderName.JITSI, config, { ...joined, kind: 'PARTICIPANT_LEFT' });
    expect((await provider.parseWebhook(left.rawBody, left.headers, new Date())).kind).toBe('PARTICIPANT_LEFT');
    const ended = await signedWebhook(VideoProviderName.JITSI, config, { kind: 'ROOM_FINISHED', room: ROOM });
    expect(await provider.parseWebhook(ended.rawBody, ended.headers, new Date())).toMatchObject({
      kind: 'ROOM_FINISHED',
      room: ROOM,
      identity: null,
    });
    const other = await signedWebhook(VideoProviderName.JITSI, config, { kind: 'IGNORED', room: ROOM });
    expect((await provider.parseWebhook(other.rawBody, other.headers, new Date())).kind).toBe('IGNORED');
  });

  it('reduces a MUC JID to the room name', async () => {
    const body = JSON.stringify({
      id: 'j-2',
      event: 'PARTICIPANT_LEFT',
      room: `${ROOM}@conference.meet.jitsi`,
      participant: { id: PATIENT_ID },
      timestamp: Date.now(),
    });
    const hook = await signWebhookBody(VideoProviderName.JITSI, config, body);
    expect((await provider.parseWebhook(hook.rawBody, hook.headers, new Date())).room).toBe(ROOM);
  });

  it('refuses a tampered body, a wrong secret, a missing header, a stale event', async () => {
    const hook = await signedWebhook(VideoProviderName.JITSI, config, joined);
    const tampered = hook.rawBody.replace(PATIENT_ID, 'pat-other');
    expect((await rejection(provider.parseWebhook(tampered, hook.headers, new Date()))).reason).toBe(BAD_SIGNATURE);
    const other = { ...config, JITSI_WEBHOOK_SECRET: 'another-webhook-secret-0123456789abcdef' };
    const forged = await signedWebhook(VideoProviderName.JITSI, other, joined);
    expect((await rejection(provider.parseWebhook(forged.rawBody, forged.headers, new Date()))).reason).toBe(
      BAD_SIGNATURE,
    );
    expect(await rejection(provider.parseWebhook(hook.rawBody, {}, new Date()))).toEqual({
      reason: BAD_SIGNATURE,
      message: `${JITSI_SIGNATURE_HEADER}: is missing`,
    });
    const old = await signedWebhook(VideoProviderName.JITSI, config, {
      ...joined,
      signedAt: new Date(Date.now() - 10 * 60_000),
    });
    const stale = await rejection(provider.parseWebhook(old.rawBody, old.headers, new Date()));
    expect(stale.reason).toBe(BAD_SIGNATURE);
    expect(stale.message).toMatch(/^timestamp: /);
  });

  it.each([
    ['not JSON', 'nope'],
    ['an array', '[1]'],
    ['without an id', JSON.stringify({ event: 'PARTICIPANT_JOINED', room: ROOM, timestamp: Date.now() })],
    ['without a timestamp', JSON.stringify({ id: 'x', event: 'PARTICIPANT_JOINED', room: ROOM })],
    [
      'joined without a participant',
      JSON.stringify({ id: 'x', event: 'PARTICIPANT_JOINED', room: ROOM, timestamp: Date.now() }),
    ],
  ])('refuses a verified body %s with WEBHOOK_BODY_INVALID', async (_what, rawBody) => {
    const hook = await signWebhookBody(VideoProviderName.JITSI, config, rawBody);
    expect((await rejection(provider.parseWebhook(hook.rawBody, hook.headers, new Date()))).reason).toBe(BAD_BODY);
  });
});
