import { randomUUID } from 'node:crypto';
import { SchedulingEvents, type ReviewSubmittedV1, type ReviewVisibilityChangedV1 } from '@telehealth/contracts';
import { Api, EventTap, waitUntil } from '@telehealth/testing';
import { adminSession, login, newPatient, type Session } from '../support/actors';
import { SlotDealer, THREE_SEAT_DOCTOR, book, freeSlots, pay } from './booking-support';

/** The demo doctor of THREE_SEAT_DOCTOR. */
const DOCTOR_LOGIN = { email: 'dr.nwosu@demo.health', password: 'DemoPass2026' };

interface ListedReview {
  id: string;
  overall: number;
}

/** Every published review of the doctor, over all pages. */
async function publishedReviews(doctorId: string): Promise<ListedReview[]> {
  const all: ListedReview[] = [];
  for (let page = 1; ; page++) {
    const res = await new Api().get(`/v1/doctors/${doctorId}/reviews?page=${page}&limit=100`);
    expect(res.status).toBe(200);
    all.push(...res.body.items);
    if (!res.body.hasMore) return all;
  }
}

/** The rating the doctor's profile must show for these published reviews. */
const expectedRating = (reviews: ListedReview[]) => ({
  average: reviews.length
    ? Math.round((reviews.reduce((sum, r) => sum + r.overall, 0) / reviews.length) * 100) / 100
    : 0,
  count: reviews.length,
});

const ratingOf = async (doctorId: string) => (await new Api().get(`/v1/doctors/${doctorId}`)).body.rating;

describe('Reviews - /v1/appointments/{id}/review, /v1/doctors/{id}/reviews', () => {
  let slots: SlotDealer;
  let doctor: Session;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  let aliceVisit: string;
  let submitted: EventTap<ReviewSubmittedV1>;
  let visibility: EventTap<ReviewVisibilityChangedV1>;

  const statusOf = async (s: Session, id: string): Promise<string> =>
    (await s.api.get(`/v1/appointments/${id}`, { token: s.token })).body.status;

  /** Books a slot of the demo doctor for `p`, pays it, and has the doctor confirm, start and complete it. */
  async function completedAppointment(p: Session): Promise<string> {
    const booked = await book(p, slots.take());
    expect(booked.status).toBe(201);
    const id: string = booked.body.id;
    await pay(p, id);
    await waitUntil(async () => (await statusOf(p, id)) !== 'PENDING_PAYMENT', 'the payment to be applied');
    if ((await statusOf(p, id)) === 'PENDING_CONFIRMATION') {
      expect((await doctor.api.post(`/v1/appointments/${id}/confirm`, {}, { token: doctor.token })).status).toBe(200);
    }
    for (const action of ['start', 'complete']) {
      const res = await doctor.api.post(`/v1/appointments/${id}/${action}`, {}, { token: doctor.token });
      expect({ action, status: res.status }).toEqual({ action, status: 200 });
    }
    expect(await statusOf(p, id)).toBe('COMPLETED');
    return id;
  }

  const review = (s: Session, appointmentId: string, body: Record<string, unknown>) =>
    s.api.post(`/v1/appointments/${appointmentId}/review`, body, { token: s.token });

  beforeAll(async () => {
    // Slots are dealt per file; other files book this doctor's earliest slots, so start further out.
    slots = new SlotDealer((await freeSlots(THREE_SEAT_DOCTOR)).slice(40));
    [doctor, admin, alice, bob] = await Promise.all([
      login(new Api(), DOCTOR_LOGIN.email, DOCTOR_LOGIN.password),
      adminSession(),
      newPatient(),
      newPatient(),
    ]);
    submitted = await EventTap.open(SchedulingEvents.reviewSubmitted);
    visibility = await EventTap.open(SchedulingEvents.reviewVisibilityChanged);
    aliceVisit = await completedAppointment(alice);
  }, 120_000);
  afterAll(async () => {
    await submitted.close();
    await visibility.close();
  });

  it('an appointment that is not completed cannot be reviewed (409)', async () => {
    const booked = (await book(alice, slots.take())).body;
    const res = await review(alice, booked.id, { overall: 5 });
    expect(res.status).toBe(409);
    expect(res.body.reason).toBe('APPOINTMENT_NOT_COMPLETED');
    expect(res.body.message).toContain('PENDING_PAYMENT');
  });

  it("another patient cannot review someone else's appointment (404), nor a missing one", async () => {
    expect((await review(bob, aliceVisit, { overall: 1 })).status).toBe(404);
    expect((await review(bob, randomUUID(), { overall: 1 })).status).toBe(404);
  });

  it('only patients review; the doctor and an admin get 403', async () => {
    expect((await review(doctor, aliceVisit, { overall: 5 })).status).toBe(403);
    expect((await review(admin, aliceVisit, { overall: 5 })).status).toBe(403);
  });

  it.each([
    ['overall', { overall: 0 }],
    ['overall', { overall: 6 }],
    ['overall', { overall: 4.5 }],
    ['overall', {}],
    ['facets.punctuality', { overall: 4, facets: { punctuality: 7 } }],
    ['facets.bedsideManner', { overall: 4, facets: { bedsideManner: 3 } }],
    ['text', { overall: 4, text: 'x'.repeat(2001) }],
  ])('400 naming %s', async (field, body) => {
    const res = await review(alice, aliceVisit, body);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('5 concurrent submits of one review: exactly one 201, the rest 409; the event is published', async () => {
    const body = { overall: 5, facets: { punctuality: 4, communication: 5 }, text: 'On time and very clear.' };
    const results = await Promise.all(Array.from({ length: 5 }, () => review(alice, aliceVisit, body)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(4);
    expect(results.find((r) => r.status === 409)?.body.reason).toBe('ALREADY_REVIEWED');
    const created = results.find((r) => r.status === 201)!.body;
    expect(created).toMatchObject({
      appointmentId: aliceVisit,
      doctorId: THREE_SEAT_DOCTOR,
      patientId: alice.userId,
      overall: 5,
      facets: { punctuality: 4, communication: 5 },
      text: 'On time and very clear.',
      published: true,
    });
    const e = await submitted.waitFor((x) => x.payload.reviewId === created.id);
    expect(e.payload).toEqual({
      reviewId: created.id,
      appointmentId: aliceVisit,
      doctorId: THREE_SEAT_DOCTOR,
      patientId: alice.userId,
      overall: 5,
      facets: { punctuality: 4, communication: 5 },
      submittedAt: created.submittedAt,
    });
    // A later, single submit is refused too.
    expect((await review(alice, aliceVisit, { overall: 1 })).status).toBe(409);
  });

  it("the doctor's rating is the mean of the published reviews; admins unpublish and republish", async () => {
    const bobVisit = await completedAppointment(bob);
    const bobs = await review(bob, bobVisit, { overall: 2, text: 'Waited an hour.' });
    expect(bobs.status).toBe(201);

    let listed = await publishedReviews(THREE_SEAT_DOCTOR);
    expect(listed.map((r) => r.id)).toContain(bobs.body.id);
    // Newest first, and the public list names no patient.
    expect(listed[0]).toMatchObject({ id: bobs.body.id, overall: 2, text: 'Waited an hour.' });
    expect(listed[0]).not.toHaveProperty('patientId');
    expect(listed.filter((r) => r.overall === 5).length).toBeGreaterThanOrEqual(1);
    expect(await ratingOf(THREE_SEAT_DOCTOR)).toEqual(expectedRating(listed));

    // Only admins moderate.
    expect((await bob.api.post(`/v1/admin/reviews/${bobs.body.id}/unpublish`, {}, { token: bob.token })).status).toBe(
      403,
    );
    const hidden = await admin.api.post(`/v1/admin/reviews/${bobs.body.id}/unpublish`, {}, { token: admin.token });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ id: bobs.body.id, published: false });
    const e = await visibility.waitFor((x) => x.payload.reviewId === bobs.body.id && !x.payload.published);
    expect(e.payload).toMatchObject({ doctorId: THREE_SEAT_DOCTOR, appointmentId: bobVisit, published: false });

    listed = await publishedReviews(THREE_SEAT_DOCTOR);
    expect(listed.map((r) => r.id)).not.toContain(bobs.body.id);
    expect(await ratingOf(THREE_SEAT_DOCTOR)).toEqual(expectedRating(listed));

    // Unpublishing again changes nothing; republishing restores it to the list and the rating.
    const again = await admin.api.post(`/v1/admin/reviews/${bobs.body.id}/unpublish`, {}, { token: admin.token });
    expect(again.status).toBe(200);
    expect(again.body.published).toBe(false);
    const shown = await admin.api.post(`/v1/admin/reviews/${bobs.body.id}/publish`, {}, { token: admin.token });
    expect(shown.body).toMatchObject({ id: bobs.body.id, published: true });
    await visibility.waitFor((x) => x.payload.reviewId === bobs.body.id && x.payload.published);
    listed = await publishedReviews(THREE_SEAT_DOCTOR);
    expect(listed.map((r) => r.id)).toContain(bobs.body.id);
    expect(await ratingOf(THREE_SEAT_DOCTOR)).toEqual(expectedRating(listed));

    expect(
      (await admin.api.post(`/v1/admin/reviews/${randomUUID()}/unpublish`, {}, { token: admin.token })).status,
    ).toBe(404);
  });

  it('the list of an unknown doctor is 404, and the page size is bounded (400)', async () => {
    expect((await new Api().get(`/v1/doctors/${randomUUID()}/reviews`)).status).toBe(404);
    const res = await new Api().get(`/v1/doctors/${THREE_SEAT_DOCTOR}/reviews?limit=1000`);
    expect(res.status).toBe(400);
  });
});
