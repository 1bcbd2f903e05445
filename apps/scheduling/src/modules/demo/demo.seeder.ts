import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SchedulingEvents } from '@telehealth/contracts';
import { claimOnce } from '@telehealth/persistence';
import { OutboxRelay, createEvent, withEvents } from '@telehealth/messaging/eventing';
import { SchedulingConfig } from '../../config/scheduling.config';
import { AVAILABILITY_RULE_MODEL, type AvailabilityRuleDoc } from '../availability/availability-rule.schema';
import { CLINIC_MODEL, type ClinicDoc } from '../directory/clinic.schema';
import { DOCTOR_PROFILE_MODEL, type DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { profileChangedPayload } from '../directory/doctor-profile.mapper';
import { changedFieldsOf } from '../directory/doctor-profile.rules';
import { DoctorProfilesService } from '../directory/doctor-profiles.service';
import { newProfile } from '../directory/new-profile';
import { SPECIALTY_MODEL, type SpecialtyDoc } from '../directory/specialty.schema';
import { DEMO_CLINICS, DEMO_DOCTORS, DEMO_ORGANISATION_ID, DEMO_SPECIALTIES, type DemoDoctor } from './demo-directory';

const origin = { producer: 'scheduling' as const, correlationId: 'demo-data' };

/**
 * Loads the demo directory when DEMO_DATA=true: specialties, two Lagos clinics, the two demo
 * doctors' profiles and their weekly availability. Idempotent: existing records are left alone,
 * except a doctor's draft (made from identity's account event) which the demo profile fills in.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly config: SchedulingConfig,
    private readonly profiles: DoctorProfilesService,
    private readonly relay: OutboxRelay,
    @InjectModel(SPECIALTY_MODEL) private readonly specialties: Model<SpecialtyDoc>,
    @InjectModel(CLINIC_MODEL) private readonly clinics: Model<ClinicDoc>,
    @InjectModel(DOCTOR_PROFILE_MODEL) private readonly profileDocs: Model<DoctorProfileDoc>,
    @InjectModel(AVAILABILITY_RULE_MODEL) private readonly rules: Model<AvailabilityRuleDoc>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    let created = 0;
    for (const { id, ...s } of DEMO_SPECIALTIES) {
      created += await insertOnce(this.specialties, { _id: id, ...s, active: true });
    }
    for (const { id, ...c } of DEMO_CLINICS) {
      created += await insertOnce(this.clinics, { _id: id, ...c, cityKey: c.address.city.toLowerCase(), active: true });
    }
    for (const d of DEMO_DOCTORS) {
      created += await this.seedProfile(d);
      for (const { id, ...r } of d.rules) {
        created += await insertOnce(this.rules, { _id: id, doctorId: d.id, ...r, active: true });
      }
    }
    this.logger.log(created ? `demo data: ${created} records created` : 'demo data already present');
  }

  private async seedProfile(d: DemoDoctor): Promise<number> {
    const doc = {
      ...newProfile({ id: d.id, userId: d.userId, organisationId: DEMO_ORGANISATION_ID, ...d.profile, draft: false }),
      ...d.profile,
    };
    if (await this.profiles.insert(doc, origin)) return 1;
    // The account's draft came first: fill it in (an edited profile is left alone).
    const event = createEvent(
      SchedulingEvents.doctorProfileChanged,
      d.id,
      profileChangedPayload(doc, 'UPDATED', changedFieldsOf(d.profile)),
      origin,
    );
    const filled = await this.profileDocs.updateOne(
      { _id: d.id, draft: true },
      withEvents<DoctorProfileDoc>({ $set: { ...d.profile, draft: false } }, [event]),
    );
    if (filled.modifiedCount) this.relay.kick();
    return filled.modifiedCount;
  }
}

/** Inserts a record unless its id exists (seeded before, or by another replica); 1 when this call created it. */
async function insertOnce<T>(model: Model<T>, doc: Partial<T> & { _id: string }): Promise<number> {
  return (await claimOnce(model, doc)) ? 1 : 0;
}
