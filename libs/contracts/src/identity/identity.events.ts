import type { Role } from '../common/caller';
import { defineEvent } from '../common/contract';

export interface UserRegisteredV1 {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  locale: string;
  timeZone: string;
  /** SELF: patient sign-up; ADMIN: an admin created the account. */
  source: 'SELF' | 'ADMIN';
  doctorProfileId: string | null;
  organisationId: string | null;
}

export interface EmailVerificationRequestedV1 {
  userId: string;
  email: string;
  firstName: string;
  locale: string;
  /** The one-time code to send; it is also stored (hashed) by identity. */
  code: string;
  expiresAt: string;
}

export interface EmailVerifiedV1 {
  userId: string;
  email: string;
}

export interface PasswordResetRequestedV1 {
  userId: string;
  email: string;
  firstName: string;
  locale: string;
  /** One-time reset token to put in the link or message; stored hashed by identity. */
  token: string;
  expiresAt: string;
}

export interface PasswordResetCompletedV1 {
  userId: string;
  email: string;
}

export interface UserRolesChangedV1 {
  userId: string;
  roles: Role[];
  previousRoles: Role[];
  changedBy: string;
}

export interface UserProfileUpdatedV1 {
  userId: string;
  changedFields: string[];
}

export interface UserDeletedV1 {
  userId: string;
  deletedBy: string;
  deletedAt: string;
}

export interface OrganisationCreatedV1 {
  organisationId: string;
  name: string;
  city: string;
  country: string;
  timeZone: string;
}

export interface StaffAddedV1 {
  organisationId: string;
  userId: string;
  roles: Role[];
  title: string | null;
}

export interface DependentAddedV1 {
  dependentId: string;
  primaryUserId: string;
  relationship: string;
}

export interface DependentUpdatedV1 {
  dependentId: string;
  primaryUserId: string;
  changedFields: string[];
}

export interface DependentRemovedV1 {
  dependentId: string;
  primaryUserId: string;
}

export interface ConsentRecordedV1 {
  consentId: string;
  userId: string;
  type: string;
  documentVersion: string;
  granted: boolean;
}

export const IdentityEvents = {
  userRegistered: defineEvent<UserRegisteredV1>(
    'identity',
    'user.registered',
    1,
    'An account was created (self sign-up or by an admin).',
  ),
  emailVerificationRequested: defineEvent<EmailVerificationRequestedV1>(
    'identity',
    'user.email-verification-requested',
    1,
    'A verification code must be sent to the email.',
  ),
  emailVerified: defineEvent<EmailVerifiedV1>(
    'identity',
    'user.email-verified',
    1,
    'The user proved ownership of the email.',
  ),
  passwordResetRequested: defineEvent<PasswordResetRequestedV1>(
    'identity',
    'user.password-reset-requested',
    1,
    'A reset token must be sent to the email.',
  ),
  passwordResetCompleted: defineEvent<PasswordResetCompletedV1>(
    'identity',
    'user.password-reset-completed',
    1,
    'The password was changed with a reset token; all sessions revoked.',
  ),
  rolesChanged: defineEvent<UserRolesChangedV1>(
    'identity',
    'user.roles-changed',
    1,
    "An admin changed the user's roles.",
  ),
  profileUpdated: defineEvent<UserProfileUpdatedV1>(
    'identity',
    'user.profile-updated',
    1,
    'The user edited their profile (field names only, no values).',
  ),
  userDeleted: defineEvent<UserDeletedV1>(
    'identity',
    'user.deleted',
    1,
    'Soft-deleted and anonymised; subscribers should stop contacting the user.',
  ),
  dependentAdded: defineEvent<DependentAddedV1>(
    'identity',
    'dependent.added',
    1,
    'A patient enrolled a dependent (no PII in the event).',
  ),
  dependentUpdated: defineEvent<DependentUpdatedV1>(
    'identity',
    'dependent.updated',
    1,
    'A dependent was edited (field names only).',
  ),
  dependentRemoved: defineEvent<DependentRemovedV1>(
    'identity',
    'dependent.removed',
    1,
    'A dependent was removed (soft delete).',
  ),
  consentRecorded: defineEvent<ConsentRecordedV1>(
    'identity',
    'consent.recorded',
    1,
    'A user granted or withdrew a consent for a document version.',
  ),
  organisationCreated: defineEvent<OrganisationCreatedV1>(
    'identity',
    'organisation.created',
    1,
    'A provider organisation was created.',
  ),
  staffAdded: defineEvent<StaffAddedV1>(
    'identity',
    'organisation.staff-added',
    1,
    'A staff account joined a provider organisation.',
  ),
} as const;
