import { Role, type Caller } from '@telehealth/contracts';

/** Who may manage what in the directory. Anything a caller may not manage they see as public. */
export const isAdmin = (caller: Caller | undefined): boolean => !!caller && caller.roles.includes(Role.ADMIN);

/** Provider staff of the given organisation. */
export const isStaffOf = (caller: Caller | undefined, organisationId: string | null): boolean =>
  !!caller &&
  !!organisationId &&
  caller.roles.includes(Role.PROVIDER_STAFF) &&
  caller.organisationIds.includes(organisationId);

export const canManageClinic = (caller: Caller | undefined, clinic: { organisationId: string | null }): boolean =>
  isAdmin(caller) || isStaffOf(caller, clinic.organisationId);

/** The doctor themself (by the profile id in their token), their organisation's staff, or an admin. */
export const canManageProfile = (
  caller: Caller | undefined,
  profile: { _id: string; organisationId: string | null },
): boolean =>
  isAdmin(caller) ||
  (!!caller?.doctorProfileId && caller.doctorProfileId === profile._id) ||
  isStaffOf(caller, profile.organisationId);
