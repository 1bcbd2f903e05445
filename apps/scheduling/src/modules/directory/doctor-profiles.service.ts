import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  SchedulingEvents,
  type Caller,
  type DoctorProfileView,
  type UpsertDoctorProfileRequest,
  type UserRegisteredV1,
} from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { insertUnique } from '@telehealth/persistence';
import { OutboxRelay, createEvent, outboxOnInsert, withEvents, type EventOrigin } from '@telehealth/messaging/eventing';
import { requiredText } from '../../validation/field-rules';
import { ClinicsService } from './clinics.service';
import { canManageProfile, isAdmin } from './directory-access';
import { DOCTOR_PROFILE_MODEL, type DoctorProfileDoc } from './doctor-profile.schema';
import { ALL_PROFILE_FIELDS, profileChangedPayload, toDoctorProfileView } from './doctor-profile.mapper';
import { changedFieldsOf, profileChanges, type ProfileChanges } from './doctor-profile.rules';
import { newProfile, type NewProfileDoc } from './new-profile';
import { SpecialtiesService } from './specialties.service';

/**
 * Doctor profiles. Public read of active ones; the doctor, their organisation's staff and
 * admins edit (others get 404). Every change carries `scheduling.doctor.profile-changed.v1`
 * in the same single-document write.
 */
@Injectable()
export class DoctorProfilesService {
  constructor(
    @InjectModel(DOCTOR_PROFILE_MODEL) private readonly profiles: Model<DoctorProfileDoc>,
    private readonly specialties: SpecialtiesService,
    private readonly clinics: ClinicsService,
    private readonly relay: OutboxRelay,
  ) {}

  async get(id: string, meta: RequestMeta): Promise<DoctorProfileView> {
    return toDoctorProfileView(await this.requireVisible(id, meta.caller));
  }

  /** Edits a profile; creates it when absent (the doctor themself, or an admin). */
  async upsert(q: UpsertDoctorProfileRequest, meta: RequestMeta): Promise<DoctorProfileView> {
    const caller = requireCaller(meta);
    const current = await this.profiles.findById(q.id).lean<DoctorProfileDoc>();
    if (!current) return this.create(q, caller, meta);
    if (!canManageProfile(caller, current)) throw DomainError.notFound('Doctor profile');
    const changes = await this.checkedChanges(q);
    const organisationMove = q.organisationId !== undefined && q.organisationId !== current.organisationId;
    if (organisationMove && !isAdmin(caller)) {
      throw DomainError.forbidden('Only an admin may move a profile to another organisation');
    }
    const set: Partial<DoctorProfileDoc> = {
      ...changes,
      ...(organisationMove && { organisationId: q.organisationId }),
    };
    const changedFields = changedFieldsOf(set);
    if (!changedFields.length) return toDoctorProfileView(current);
    const event = createEvent(
      SchedulingEvents.doctorProfileChanged,
      current._id,
      profileChangedPayload({ ...current, ...set }, 'UPDATED', changedFields),
      origin(meta),
    );
    const updated = await this.profiles
      .findOneAndUpdate(
        { _id: current._id },
        withEvents<DoctorProfileDoc>({ $set: { ...set, draft: false } }, [event]),
        {
          new: true,
        },
      )
      .lean<DoctorProfileDoc>();
    if (!updated) throw DomainError.notFound('Doctor profile');
    this.relay.kick();
    return toDoctorProfileView(updated);
  }

  /**
   * A new DOCTOR account gets an inactive draft profile under the id identity gave it.
   * Idempotent: the id is the key, so a repeated event (or the demo data) finds it taken.
   */
  async createDraft(e: UserRegisteredV1, correlationId: string): Promise<void> {
    if (!e.doctorProfileId) return;
    const doc = newProfile({
      id: e.doctorProfileId,
      userId: e.userId,
      organisationId: e.organisationId,
      firstName: e.firstName,
      lastName: e.lastName,
      draft: true,
    });
    await this.insert(doc, { producer: 'scheduling', correlationId });
  }

  /** The profile, if the caller may see it: active ones are public, others only to managers. */
  async requireVisible(id: string, caller: Caller | undefined): Promise<DoctorProfileDoc> {
    const doc = await this.profiles.findById(id).lean<DoctorProfileDoc>();
    if (!doc || (!doc.active && !canManageProfile(caller, doc))) throw DomainError.notFound('Doctor profile');
    return doc;
  }

  /**
   * The profile, if the caller manages it (the doctor, their organisation's staff, admins);
   * otherwise `what` (the profile, or a record of it reached by its own id) is not found.
   */
  async requireManaged(id: string, meta: RequestMeta, what = 'Doctor profile'): Promise<DoctorProfileDoc> {
    const caller = requireCaller(meta);
    const doc = await this.profiles.findById(id).lean<DoctorProfileDoc>();
    if (!doc || !canManageProfile(caller, doc)) throw DomainError.notFound(what);
    return doc;
  }

  /** An active profile, for booking (no caller: the booking checks its own access). */
  findActive(id: string): Promise<DoctorProfileDoc | null> {
    return this.profiles.findOne({ _id: id, active: true }).lean<DoctorProfileDoc>();
  }

  /** Inserts a profile with its CREATED event; null when a profile with its id exists. */
  async insert(doc: NewProfileDoc, from: EventOrigin): Promise<DoctorProfileDoc | null> {
    const event = createEvent(
      SchedulingEvents.doctorProfileChanged,
      doc._id,
      profileChangedPayload(doc, 'CREATED', [...ALL_PROFILE_FIELDS]),
      from,
    );
    const created = await insertUnique(this.profiles, { ...doc, ...outboxOnInsert([event]) });
    if (created) this.relay.kick();
    return created;
  }

  private async create(q: UpsertDoctorProfileRequest, caller: Caller, meta: RequestMeta): Promise<DoctorProfileView> {
    const own = caller.doctorProfileId === q.id;
    if (!own && !isAdmin(caller)) throw DomainError.notFound('Doctor profile');
    const changes = await this.checkedChanges(q);
    const doc: NewProfileDoc = {
      ...newProfile({
        id: q.id,
        userId: own ? caller.userId : null,
        organisationId: own ? (caller.organisationIds[0] ?? null) : (q.organisationId ?? null),
        firstName: requiredText(q.firstName, 100, 'firstName'),
        lastName: requiredText(q.lastName, 100, 'lastName'),
        draft: false,
      }),
      ...changes,
    };
    const created = await this.insert(doc, origin(meta));
    // Else the account's draft arrived meanwhile: this becomes an edit of it.
    return created ? toDoctorProfileView(created) : this.upsert(q, meta);
  }

  /** Field rules, then references: an active specialty and active clinics. */
  private async checkedChanges(q: UpsertDoctorProfileRequest): Promise<ProfileChanges> {
    const changes = profileChanges(q);
    if (changes.specialtyCode) await this.specialties.requireActiveCode(changes.specialtyCode, 'specialtyCode');
    if (changes.clinics?.length) {
      const found = await this.clinics.activeByIds(changes.clinics.map((c) => c.clinicId));
      const missing = changes.clinics.findIndex((c) => !found.has(c.clinicId));
      if (missing >= 0) throw DomainError.invalid(`clinics.${missing}.clinicId`, 'does not name an active clinic');
    }
    return changes;
  }
}

const origin = (meta: RequestMeta): EventOrigin => ({ producer: 'scheduling', correlationId: meta.requestId });
