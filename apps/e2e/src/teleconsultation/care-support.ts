import { Api, waitUntil } from '@telehealth/testing';
import { login, newPatient, type Session } from '../support/actors';
import { SlotDealer, THREE_SEAT_DOCTOR, bookingFor, freeSlots } from '../scheduling/booking-support';
import { fund } from '../wallet/wallet-support';

/** Demo doctors: dr.nwosu has THREE_SEAT_DOCTOR's slots; dr.adeyemi treats nobody in these tests. */
export const treatingDoctor = () => login(new Api(), 'dr.nwosu@demo.health', 'DemoPass2026');
export const otherDoctor = () => login(new Api(), 'dr.adeyemi@demo.health', 'DemoPass2026');

let dealer: SlotDealer | undefined;

/**
 * A new patient with a confirmed, paid appointment with dr.nwosu, once teleconsultation knows of
 * it (the doctor can read the patient's record): a care relationship.
 */
export async function treatedPatient(doctor: Session): Promise<{ p: Session; appointmentId: string }> {
  dealer ??= new SlotDealer(await freeSlots(THREE_SEAT_DOCTOR));
  const slot = dealer.take();
  const p = await newPatient();
  await fund(p, slot.fee.amountMinor);
  const booked = await p.api.post('/v1/appointments', bookingFor(slot, { paymentMethod: 'WALLET' }), {
    token: p.token,
  });
  if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${JSON.stringify(booked.body)}`);
  const appointmentId = booked.body.id as string;
  const status = async () => (await p.api.get(`/v1/appointments/${appointmentId}`, { token: p.token })).body.status;
  await waitUntil(async () => (await status()) !== 'PENDING_PAYMENT', 'the payment', 30_000);
  if ((await status()) === 'PENDING_CONFIRMATION')
    await doctor.api.post(`/v1/appointments/${appointmentId}/confirm`, {}, { token: doctor.token });
  await waitUntil(
    async () =>
      (await doctor.api.get(`/v1/patients/${p.userId}/medical-record`, { token: doctor.token })).status === 200,
    'teleconsultation to learn of the appointment',
    30_000,
  );
  return { p, appointmentId };
}
