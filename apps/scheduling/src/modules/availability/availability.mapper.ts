import type { AvailabilityExceptionView, AvailabilityRuleView } from '@telehealth/contracts';
import type { AvailabilityExceptionDoc } from './availability-exception.schema';
import type { AvailabilityRuleDoc } from './availability-rule.schema';

export const toRuleView = (r: AvailabilityRuleDoc): AvailabilityRuleView => ({
  id: r._id,
  doctorId: r.doctorId,
  clinicId: r.clinicId,
  weekday: r.weekday,
  startTime: r.startTime,
  endTime: r.endTime,
  slotMinutes: r.slotMinutes,
  maxPatients: r.maxPatients,
  fee: r.fee ? { amountMinor: r.fee.amountMinor, currency: r.fee.currency } : null,
  mode: r.mode,
  validFrom: r.validFrom,
  validTo: r.validTo,
  active: r.active,
});

export const toExceptionView = (e: AvailabilityExceptionDoc): AvailabilityExceptionView => ({
  id: e._id,
  doctorId: e.doctorId,
  clinicId: e.clinicId,
  date: e.date,
  kind: e.kind,
  startTime: e.startTime,
  endTime: e.endTime,
  slotMinutes: e.slotMinutes,
  maxPatients: e.maxPatients,
  mode: e.mode,
  reason: e.reason,
});
