import { BACKEND_SERVICES } from '@telehealth/contracts';
import { Api, gatewayUrl } from '@telehealth/testing';
import { adminSession } from '../support/actors';

describe('Gateway basics - probes, request ids, errors, docs', () => {
  const api = new Api();

  it('GET /health and GET /ready answer outside /v1', async () => {
    expect((await api.get('/health')).body).toEqual({ status: 'ok' });
    const ready = await api.get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ nats: 'up', redis: 'up' });
  });

  it('every response carries x-request-id; a well-formed incoming one is kept and reaches the error body', async () => {
    const fresh = await api.get('/v1/me');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const mine = 'trace-abc-123456';
    const res = await api.get('/v1/me', { headers: { 'x-request-id': mine } });
    expect(res.headers.get('x-request-id')).toBe(mine);
    expect(res.body.requestId).toBe(mine);
  });

  it('unknown routes get the one error body with 404', async () => {
    const res = await api.get('/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(Object.keys(res.body).sort()).toEqual(['details', 'error', 'message', 'requestId', 'statusCode']);
  });

  it('security headers are set', async () => {
    const res = await api.get('/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('GET /openapi.json documents the API and GET /docs serves the UI', async () => {
    const spec = await api.get('/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.paths['/v1/auth/register'].post.responses['400']).toBeDefined();
    expect(spec.body.components.schemas.ErrorBodyDto).toBeDefined();
    const docs = await fetch(`${gatewayUrl()}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('GET /v1/system/ping/:service round-trips through every service over NATS', async () => {
    for (const service of BACKEND_SERVICES) {
      const res = await api.get(`/v1/system/ping/${service}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ service, echo: 'pong' });
    }
    expect((await api.get('/v1/system/ping/nope')).status).toBe(400);
  });

  it('GET /v1/admin/ops/services reports every service healthy; parked events list is reachable', async () => {
    const admin = await adminSession();
    const res = await admin.api.get('/v1/admin/ops/services', { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(6);
    expect(res.body.every((s: { status: string }) => s.status === 'ok')).toBe(true);
    const parked = await admin.api.get('/v1/admin/ops/identity/parked-events', { token: admin.token });
    expect(parked.status).toBe(200);
    expect(parked.body).toMatchObject({ page: 1, items: expect.any(Array) });
  });
});
