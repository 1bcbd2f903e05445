import { Injectable } from '@nestjs/common';
import { IdentityEvents, Role, type EventEnvelope, type UserRegisteredV1 } from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { DoctorProfilesService } from './doctor-profiles.service';

/** Gives every new DOCTOR account its (inactive) draft profile under the id identity assigned. */
@Injectable()
export class DoctorAccountsConsumer {
  constructor(private readonly profiles: DoctorProfilesService) {}

  @OnEvent(IdentityEvents.userRegistered)
  async onUserRegistered(e: EventEnvelope<UserRegisteredV1>): Promise<void> {
    if (!e.payload.roles.includes(Role.DOCTOR) || !e.payload.doctorProfileId) return;
    await this.profiles.createDraft(e.payload, e.correlationId);
  }
}
