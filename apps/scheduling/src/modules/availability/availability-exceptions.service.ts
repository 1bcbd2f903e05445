import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ExceptionKind, type AvailabilityExceptionView, type CreateExceptionRequest } from '@telehealth/contracts';
import { DomainError, type RequestMeta } from '@telehealth/messaging';
import { assertCalendarDate, daysBetween, optionalText } from '../../validation/field-rules';
import { DoctorProfilesService } from '../directory/doctor-profiles.service';
import { AvailabilitySource } from './availability-source';
import { toExceptionView } from './availability.mapper';
import { AVAILABILITY_EXCEPTION_MODEL, type AvailabilityExceptionDoc } from './availability-exception.schema';
import { assertExceptionFields, type ExceptionFields } from './availability.rules';
import { StrandGuard } from './strand-guard';

/**
 * One-off exceptions to a doctor's weekly rules: blocked periods and extra hours. Blocking
 * booked time, or removing extra hours someone booked, is refused like a rule edit.
 */
@Injectable()
export class AvailabilityExceptionsService {
  constructor(
    @InjectModel(AVAILABILITY_EXCEPTION_MODEL) private readonly exceptions: Model<AvailabilityExceptionDoc>,
    private readonly profiles: DoctorProfilesService,
    private readonly source: AvailabilitySource,
    private readonly guard: StrandGuard,
  ) {}

  async list(
    q: { doctorId: string; from?: string; to?: string },
    meta: RequestMeta,
  ): Promise<AvailabilityExceptionView[]> {
    if (q.from !== undefined) assertCalendarDate(q.from, 'from');
    if (q.to !== undefined) assertCalendarDate(q.to, 'to');
    if (q.from !== undefined && q.to !== undefined && daysBetween(q.from, q.to) < 0) {
      throw DomainError.invalid('to', 'must not be before from');
    }
    const doctor = await this.profiles.requireManaged(q.doctorId, meta);
    return (await this.source.load(doctor._id, q.from, q.to)).exceptions;
  }

  async create(q: CreateExceptionRequest, meta: RequestMeta): Promise<AvailabilityExceptionView> {
    const doctor = await this.profiles.requireManaged(q.doctorId, meta);
    const fields = exceptionFields(q);
    assertExceptionFields(fields);
    await this.source.assertDoctorClinic(doctor, fields.clinicId);
    const doc = { _id: randomUUID(), doctorId: doctor._id, ...fields };
    if (fields.kind === ExceptionKind.BLOCKED) {
      const before = await this.source.load(doctor._id);
      const added = toExceptionView({ ...doc, createdAt: new Date(), updatedAt: new Date() });
      await this.guard.assertNoneStranded(doctor, before, { ...before, exceptions: [...before.exceptions, added] });
    }
    return toExceptionView((await this.exceptions.create(doc)).toObject());
  }

  async remove(q: { id: string; doctorId?: string }, meta: RequestMeta): Promise<{ ok: true }> {
    const exception = await this.exceptions.findById(q.id).lean<AvailabilityExceptionDoc>();
    if (!exception || (q.doctorId !== undefined && exception.doctorId !== q.doctorId))
      throw DomainError.notFound('Availability exception');
    const doctor = await this.profiles.requireManaged(exception.doctorId, meta, 'Availability exception');
    if (exception.kind === ExceptionKind.EXTRA) {
      const before = await this.source.load(doctor._id);
      await this.guard.assertNoneStranded(doctor, before, {
        ...before,
        exceptions: before.exceptions.filter((e) => e.id !== exception._id),
      });
    }
    await this.exceptions.deleteOne({ _id: exception._id });
    return { ok: true };
  }
}

/** The exception's fields: times and rule fields only for what its kind uses, others null. */
function exceptionFields(q: CreateExceptionRequest): ExceptionFields {
  const extra = q.kind === ExceptionKind.EXTRA;
  return {
    clinicId: q.clinicId ?? null,
    date: q.date,
    kind: q.kind,
    startTime: q.startTime ?? null,
    endTime: q.endTime ?? null,
    slotMinutes: extra ? (q.slotMinutes ?? null) : null,
    maxPatients: extra ? (q.maxPatients ?? null) : null,
    mode: extra ? (q.mode ?? null) : null,
    reason: optionalText(q.reason, 500, 'reason'),
  };
}
