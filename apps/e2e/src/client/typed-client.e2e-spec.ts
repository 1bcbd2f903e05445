import { createApiClient, type ApiClient } from '@telehealth/api-client';
import { Api, gatewayUrl, registration, waitUntil } from '@telehealth/testing';
import { THREE_SEAT_DOCTOR } from '../scheduling/booking-support';

/** The typed client, as an outside app would use it: only what the OpenAPI document promises. */
describe('@telehealth/api-client against the real gateway: register -> log in -> book -> pay -> confirmed', () => {
  // A client IP of its own, as every test client has (per-IP rate limits).
  const headers = { 'x-forwarded-for': new Api().ip };
  let token: string | undefined;
  let api: ApiClient;

  beforeAll(() => {
    api = createApiClient({ baseUrl: gatewayUrl(), headers, token: () => token });
  });

  it('drives a whole booking with typed requests and responses', async () => {
    const reg = { ...registration(), gender: 'FEMALE' as const };
    const registered = await api.POST('/v1/auth/register', { body: reg });
    expect(registered.response.status).toBe(201);
    expect(registered.data?.email).toBe(reg.email);

    const login = await api.POST('/v1/auth/login', { body: { email: reg.email, password: reg.password } });
    expect(login.data?.user.id).toBe(registered.data?.id);
    token = login.data?.accessToken;
    const me = await api.GET('/v1/me');
    expect(me.data?.firstName).toBe(reg.firstName);

    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
    const slots = await api.GET('/v1/doctors/{id}/slots', {
      params: { path: { id: THREE_SEAT_DOCTOR }, query: { from, to } },
    });
    const slot = slots.data?.filter((s) => s.available > 0 && s.mode !== 'ONLINE' && s.clinicId).at(-1);
    expect(slot).toBeDefined();

    const booked = await api.POST('/v1/appointments', {
      body: { slotId: slot!.id, mode: 'IN_CLINIC', clinicId: slot!.clinicId!, paymentMethod: 'CARD' },
    });
    expect(booked.response.status).toBe(201);
    const appointmentId = booked.data!.id;
    expect(booked.data?.status).toBe('PENDING_PAYMENT');

    let checkoutUrl: string | null | undefined;
    await waitUntil(async () => {
      const payments = await api.GET('/v1/payments', { params: { query: { appointmentId } } });
      checkoutUrl = payments.data?.items[0]?.checkoutUrl;
      return !!checkoutUrl;
    }, 'the card checkout');
    const reference = checkoutUrl!.split('/').pop()!;
    const paid = await api.POST('/v1/sandbox/checkout/{reference}', {
      params: { path: { reference } },
      body: { outcome: 'SUCCEED' },
    });
    expect(paid.response.status).toBe(200);

    await waitUntil(async () => {
      const a = await api.GET('/v1/appointments/{id}', { params: { path: { id: appointmentId } } });
      return a.data?.status === 'CONFIRMED' || a.data?.status === 'PENDING_CONFIRMATION';
    }, 'the paid booking');
  });

  it('types the error body: a client branches on `reason`', async () => {
    const res = await createApiClient({ baseUrl: gatewayUrl(), headers }).POST('/v1/auth/login', {
      body: { email: 'nobody@example.com', password: 'wrong-password-1' },
    });
    expect(res.response.status).toBe(401);
    expect(res.error?.reason).toBe('INVALID_CREDENTIALS');
    expect(res.data).toBeUndefined();
  });
});
