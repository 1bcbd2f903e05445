import { UserStatus, type UserContactView, type UserView } from '@telehealth/contracts';
import type { PiiCipher } from '../../crypto/pii-cipher';
import type { UserDoc } from './user.schema';

export function toUserView(u: UserDoc, pii: PiiCipher): UserView {
  return {
    id: u._id,
    email: u.email,
    emailVerified: !!u.emailVerifiedAt,
    firstName: u.firstName,
    lastName: u.lastName,
    phone: pii.decrypt(u.phoneEnc),
    dateOfBirth: pii.decrypt(u.dateOfBirthEnc),
    gender: u.gender,
    roles: u.roles,
    organisationIds: u.organisationIds,
    doctorProfileId: u.doctorProfileId,
    status: u.status,
    locale: u.locale,
    timeZone: u.timeZone,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** Addresses only for an active account: nobody contacts a deleted or suspended one. */
export function toContactView(u: UserDoc, pii: PiiCipher): UserContactView {
  const reachable = u.status === UserStatus.ACTIVE;
  return {
    userId: u._id,
    reachable,
    status: u.status,
    email: reachable ? u.email : null,
    emailVerified: !!u.emailVerifiedAt,
    phone: reachable ? pii.decrypt(u.phoneEnc) : null,
    firstName: u.firstName,
    lastName: u.lastName,
    locale: u.locale,
    timeZone: u.timeZone,
    roles: u.roles,
    organisationIds: u.organisationIds,
    doctorProfileId: u.doctorProfileId,
    dateOfBirth: pii.decrypt(u.dateOfBirthEnc),
    gender: u.gender ?? null,
  };
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
/** E.164-ish: digits with a leading +, spaces and dashes dropped. */
export const normalisePhone = (phone: string): string => phone.replace(/[\s()-]/g, '');
