import { Role, type Caller } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { held, paymentsHarness } from '../testing/fakes';

const caller = (userId: string, roles: Role[] = [Role.PATIENT]): Caller => ({ userId, roles, organisationIds: [] });
const meta = (c: Caller) => ({ requestId: 'req-1', caller: c });

describe('GetPayment and ListPayments', () => {
  it('the patient and admins see a payment; anyone else gets not found', async () => {
    const h = paymentsHarness();
    const p = await held(h, 'appt-1');
    expect(await h.get.execute(p._id, meta(caller('patient-1')))).toMatchObject({ id: p._id, appointmentId: 'appt-1' });
    expect(await h.get.execute(p._id, meta(caller('admin-1', [Role.ADMIN])))).toMatchObject({ id: p._id });
    await expect(h.get.execute(p._id, meta(caller('patient-2')))).rejects.toBeInstanceOf(DomainError);
  });

  it('a patient lists their own; an admin anyone, or one patient', async () => {
    const h = paymentsHarness();
    await held(h, 'appt-1');
    const q = { page: 1, limit: 20 };
    expect((await h.list.execute(q, meta(caller('patient-1')))).items).toHaveLength(1);
    expect((await h.list.execute(q, meta(caller('patient-2')))).items).toHaveLength(0);
    expect((await h.list.execute({ ...q, patientId: 'patient-2' }, meta(caller('patient-1')))).items).toHaveLength(1);
    const admin = meta(caller('admin-1', [Role.ADMIN]));
    expect((await h.list.execute({ ...q, patientId: 'patient-2' }, admin)).items).toHaveLength(0);
    expect((await h.list.execute(q, admin)).items).toHaveLength(1);
  });
});
