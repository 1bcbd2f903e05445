import type { EventEnvelope, Gender, Role } from '@telehealth/contracts';
import { IdentityEvents, UserStatus } from '@telehealth/contracts';
import { createEvent, type EventOrigin } from '@telehealth/messaging/eventing';
import type { PiiCipher } from '../../crypto/pii-cipher';
import { normaliseEmail, normalisePhone } from './user.mapper';
import type { UserDoc } from './user.schema';

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  phone?: string | null;
  dateOfBirth?: string | null;
  gender?: Gender | null;
  organisationId?: string | null;
  doctorProfileId?: string | null;
  title?: string | null;
  locale?: string;
  timeZone?: string;
  /** Admin-created and demo accounts are verified by whoever created them. */
  emailVerified: boolean;
  emailVerification?: UserDoc['emailVerification'];
}

export type NewUserDoc = Omit<UserDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt'>;

/**
 * The one way an account comes to exist: the document (PII encrypted, defaults filled) and
 * the `identity.user.registered.v1` event announcing it, to be written together.
 */
export function newUser(
  u: NewUser,
  source: 'SELF' | 'ADMIN',
  pii: PiiCipher,
  origin: EventOrigin,
): { doc: NewUserDoc; registered: EventEnvelope } {
  const email = u.email.trim();
  const phone = u.phone ? normalisePhone(u.phone) : null;
  const locale = u.locale ?? 'en';
  const timeZone = u.timeZone ?? 'Africa/Lagos';
  const doc: NewUserDoc = {
    _id: u.id,
    email,
    emailLower: normaliseEmail(email),
    passwordHash: u.passwordHash,
    firstName: u.firstName.trim(),
    lastName: u.lastName.trim(),
    phoneEnc: pii.encrypt(phone),
    phoneIndex: phone ? pii.blindIndex(phone) : null,
    dateOfBirthEnc: pii.encrypt(u.dateOfBirth ?? null),
    gender: u.gender ?? null,
    roles: u.roles,
    organisationIds: u.organisationId ? [u.organisationId] : [],
    doctorProfileId: u.doctorProfileId ?? null,
    title: u.title ?? null,
    status: UserStatus.ACTIVE,
    locale,
    timeZone,
    emailVerifiedAt: u.emailVerified ? new Date() : null,
    emailVerification: u.emailVerification ?? null,
    passwordReset: null,
    failuresResetAt: null,
    lockedUntil: null,
    deletedAt: null,
    deletedBy: null,
  };
  const registered = createEvent(
    IdentityEvents.userRegistered,
    u.id,
    {
      userId: u.id,
      email,
      firstName: doc.firstName,
      lastName: doc.lastName,
      roles: u.roles,
      locale,
      timeZone,
      source,
      doctorProfileId: doc.doctorProfileId,
      organisationId: u.organisationId ?? null,
    },
    origin,
  );
  return { doc, registered };
}
