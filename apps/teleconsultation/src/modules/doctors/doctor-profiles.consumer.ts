import { Injectable } from '@nestjs/common';
import { SchedulingEvents, type DoctorProfileChangedV1, type EventEnvelope } from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { DoctorDirectory } from './doctor-directory';

@Injectable()
export class DoctorProfilesConsumer {
  constructor(private readonly directory: DoctorDirectory) {}

  @OnEvent(SchedulingEvents.doctorProfileChanged)
  changed(e: EventEnvelope<DoctorProfileChangedV1>): Promise<void> {
    const p = e.payload;
    return this.directory.record({
      _id: p.doctorProfileId,
      userId: p.userId,
      firstName: p.firstName,
      lastName: p.lastName,
      specialtyCode: p.specialtyCode,
      availableOnline: p.availableOnline,
      active: p.active,
      asOf: new Date(e.occurredAt),
    });
  }
}
