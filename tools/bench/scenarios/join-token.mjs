/**
 * (e) A patient's join token for an online consultation (POST /v1/consultations/:id/join): gateway
 * (JWT, rate limit), NATS, teleconsultation (the session read by id, access, join window) and a
 * LiveKit token signed (HS256). Its setup books, pays and confirms an online appointment of a new
 * patient, who joins once first (the lobby is noted then; every measured join only reads).
 */
import { onlineSessions } from '../video-webhooks.mjs';

export default {
  name: 'join-token',
  title: 'join token (POST /v1/consultations/:id/join)',
  async setup(ctx) {
    const [{ patient, session }] = await onlineSessions(ctx.gatewayUrl, 1, `join${Date.now().toString(36)}`);
    return {
      url: `${ctx.gatewayUrl}/v1/consultations/${session.id}/join`,
      method: 'POST',
      headers: { authorization: `Bearer ${patient}` },
      body: {},
    };
  },
  // As `me`'s: the same hops (gateway, NATS, one service, one read by id) on a user's click path,
  // plus an HMAC signature of microseconds, so a join should cost what GET /v1/me costs.
  aims: { minRatio: 0.1, maxP99Ms: 50 },
};
