import { loadConfig } from '@telehealth/config';
import { CallType, ParticipantRole, VideoProviderName } from '@telehealth/contracts';
import { BAD_BODY, BAD_SIGNATURE } from '@telehealth/messaging';
import { jwtVerify } from 'jose';
import { DAILY_SIGNATURE_HEADER, DAILY_TIMESTAMP_HEADER, DailyProvider } from './daily.provider';
import { DOCTOR_ID, PATIENT_ID, ROOM, doctorGrant, joinGrant, rejection } from './testing/join-grant';
import { signWebhookBody, signedWebhook } from '@telehealth/testing';
import { VideoConfig } from './video.config';

const config = loadConfig(VideoConfig, { VIDEO_PROVIDER: 'daily' });
const provider = new DailyProvider(config);

interface DailyPayload {
  r: string;
  d: string;
  ud: string;
  u: string;
  o: boolean;
  vo: boolean;
  p: { hp: boolean; cs: boolean | string; cr: { b: boolean } };
}

async function claimsOf(grant = joinGrant()) {
  const issued = await provider.issueToken(grant);
  const { payload } = await jwtVerify<DailyPayload>(issued.token, new TextEncoder().encode(config.DAILY_API_KEY), {
    algorithms: ['HS256'],
  });
  return { issued, claims: payload };
}

describe('DailyProvider.issueToken', () => {
  it('self-signs a meeting token for exactly one room and one user, valid for the TTL', async () => {
    const now = new Date();
    const { issued, claims } = await claimsOf(joinGrant({ now }));
    expect(issued).toMatchObject({
      provider: VideoProviderName.DAILY,
      url: `https://${config.DAILY_DOMAIN}/${ROOM}`,
      room: ROOM,
    });
    expect(claims).toMatchObject({ r: ROOM, d: config.DAILY_DOMAIN_ID, ud: PATIENT_ID, u: 'Ada Obi' });
    expect(claims.exp! - claims.nbf!).toBe(600);
    expect(claims.exp! - claims.iat!).toBe(600);
    expect(issued.expiresAt.getTime()).toBe(claims.exp! * 1000);
  });

  it('makes the doctor owner, never the patient', async () => {
    expect((await claimsOf(doctorGrant())).claims).toMatchObject({ ud: DOCTOR_ID, o: true });
    for (const admitted of [true, false]) expect((await claimsOf(joinGrant({ admitted }))).claims.o).toBe(false);
  });

  it('lets a patient not admitted neither send nor receive', async () => {
    expect((await claimsOf(joinGrant({ admitted: false }))).claims.p).toEqual({
      hp: true,
      cs: false,
      cr: { b: false },
    });
    expect((await claimsOf(joinGrant({ admitted: true }))).claims.p).toEqual({ hp: true, cs: true, cr: { b: true } });
  });

  it('lets an AUDIO call send audio only, video off at start', async () => {
    for (const grant of [joinGrant({ callType: CallType.AUDIO }), doctorGrant({ callType: CallType.AUDIO })]) {
      const { claims } = await claimsOf(grant);
      expect(claims.p.cs).toBe('a');
      expect(claims.vo).toBe(true);
    }
    expect((await claimsOf(joinGrant())).claims.vo).toBe(false);
  });

  it('makes an observer hidden and silent', async () => {
    const { claims } = await claimsOf(joinGrant({ role: ParticipantRole.OBSERVER, identity: 'adm-1' }));
    expect(claims).toMatchObject({ o: false, p: { hp: false, cs: false, cr: { b: true } } });
  });
});

describe('DailyProvider.parseWebhook', () => {
  const joined = { kind: 'PARTICIPANT_JOINED' as const, room: ROOM, identity: PATIENT_ID };

  it('parses participant.joined, participant.left, meeting.ended; ignores other types', async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_000);
    const hook = await signedWebhook(VideoProviderName.DAILY, config, { ...joined, id: 'd-1', at });
    expect(await provider.parseWebhook(hook.rawBody, hook.headers, new Date())).toEqual({
      eventId: 'd-1',
      kind: 'PARTICIPANT_JOINED',
      room: ROOM,
      identity: PATIENT_ID,
      at,
    });
    const left = await signedWebhook(VideoProviderName.DAILY, config, { ...joined, kind: 'PARTICIPANT_LEFT', at });
    expect(await provider.parseWebhook(left.rawBody, left.headers, new Date())).toMatchObject({
      kind: 'PARTICIPANT_LEFT',
      identity: PATIENT_ID,
      at,
    });
    const ended = await signedWebhook(VideoProviderName.DAILY, config, { kind: 'ROOM_FINISHED', room: ROOM });
    expect(await provider.parseWebhook(ended.rawBody, ended.headers, new Date())).toMatchObject({
      kind: 'ROOM_FINISHED',
      room: ROOM,
      identity: null,
    });
    const other = await signedWebhook(VideoProviderName.DAILY, config, { kind: 'IGNORED', room: ROOM });
    expect((await provider.parseWebhook(other.rawBody, other.headers, new Date())).kind).toBe('IGNORED');
  });

  it('refuses a tampered body, a wrong secret, a missing header, a stale timestamp', async () => {
    const hook = await signedWebhook(VideoProviderName.DAILY, config, joined);
    const tampered = hook.rawBody.replace(PATIENT_ID, 'pat-other');
    expect((await rejection(provider.parseWebhook(tampered, hook.headers, new Date()))).reason).toBe(BAD_SIGNATURE);
    const other = {
      ...config,
      DAILY_WEBHOOK_SECRET: Buffer.from('another-secret-32-bytes-long-xyz').toString('base64'),
    };
    const forged = await signedWebhook(VideoProviderName.DAILY, other, joined);
    expect((await rejection(provider.parseWebhook(forged.rawBody, forged.headers, new Date()))).reason).toBe(
      BAD_SIGNATURE,
    );
    for (const header of [DAILY_SIGNATURE_HEADER, DAILY_TIMESTAMP_HEADER]) {
      const headers = Object.fromEntries(Object.entries(hook.headers).filter(([k]) => k !== header));
      expect(await rejection(provider.parseWebhook(hook.rawBody, headers, new Date()))).toEqual({
        reason: BAD_SIGNATURE,
        message: `${header}: is missing`,
      });
    }
    // The timestamp is signed: moving it to now breaks the signature.
    const moved = {
      ...hook.headers,
      [DAILY_TIMESTAMP_HEADER]: String(Number(hook.headers[DAILY_TIMESTAMP_HEADER]) + 1),
    };
    expect((await rejection(provider.parseWebhook(hook.rawBody, moved, new Date()))).reason).toBe(BAD_SIGNATURE);
    const old = await signedWebhook(VideoProviderName.DAILY, config, {
      ...joined,
      signedAt: new Date(Date.now() - 10 * 60_000),
    });
    const stale = await rejection(provider.parseWebhook(old.rawBody, old.headers, new Date()));
    expect(stale.reason).toBe(BAD_SIGNATURE);
    expect(stale.message).toMatch(new RegExp(`^${DAILY_TIMESTAMP_HEADER}: .* outside the 300 s tolerance`));
  });

  it.each([
    ['not JSON', 'nope'],
    ['without a type', JSON.stringify({ id: 'x', payload: { room: ROOM } })],
    ['joined without a payload', JSON.stringify({ id: 'x', type: 'participant.joined' })],
    ['joined without a user_id', JSON.stringify({ id: 'x', type: 'participant.joined', payload: { room: ROOM } })],
  ])('refuses a verified body %s with WEBHOOK_BODY_INVALID', async (_what, rawBody) => {
    const hook = await signWebhookBody(VideoProviderName.DAILY, config, rawBody);
    expect((await rejection(provider.parseWebhook(hook.rawBody, hook.headers, new Date()))).reason).toBe(BAD_BODY);
  });
});
