import { AppointmentStatus } from '@telehealth/contracts';
import { Action } from '../../lifecycle';
import { appointmentsHarness, booked, slotAt, type AppointmentsHarness } from '../testing/fakes';

describe('RecordPrescription', () => {
  let h: AppointmentsHarness;
  beforeEach(() => {
    h = appointmentsHarness();
  });

  const confirmed = async () => {
    const a = await booked(h, slotAt(48));
    await h.paymentOutcome.execute({
      appointmentId: a._id,
      paid: true,
      reference: `HOLD_${a._id}`,
      coveredByInsurance: false,
      correlationId: 'c',
    });
    return a;
  };
  const record = (appointmentId: string, prescriptionId = 'rx-1') =>
    h.recordPrescription.execute({ appointmentId, prescriptionId, correlationId: 'c' });

  it('marks the appointment through its log, status unchanged, nothing announced; a redelivery changes nothing', async () => {
    const a = await confirmed();
    const events = h.store.types().length;
    await record(a._id);
    await record(a._id);
    await record(a._id, 'rx-2');
    expect(await h.store.load(a._id)).toMatchObject({
      status: AppointmentStatus.CONFIRMED,
      hasPrescription: true,
      prescriptionId: 'rx-1',
    });
    expect(h.store.log.filter((l) => l.action === Action.RECORD_PRESCRIPTION)).toEqual([
      {
        id: a._id,
        action: Action.RECORD_PRESCRIPTION,
        from: AppointmentStatus.CONFIRMED,
        to: AppointmentStatus.CONFIRMED,
      },
    ]);
    expect(h.store.types()).toHaveLength(events);
  });

  it('ignores an appointment that never got to be treated (not paid) and an unknown one', async () => {
    const a = await booked(h, slotAt(48));
    await record(a._id);
    await record('nope');
    expect(await h.store.load(a._id)).toMatchObject({ status: AppointmentStatus.PENDING_PAYMENT });
    expect((await h.store.load(a._id))?.hasPrescription).not.toBe(true);
  });
});
