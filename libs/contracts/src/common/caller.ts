export enum Role {
  PATIENT = 'PATIENT',
  DOCTOR = 'DOCTOR',
  PROVIDER_STAFF = 'PROVIDER_STAFF',
  ADMIN = 'ADMIN',
}
export const ROLES = Object.values(Role);

/**
 * Who is calling, as the gateway established it from the access token. It travels in the
 * `x-caller` NATS header so services check ownership themselves, never trusting the payload.
 */
export interface Caller {
  userId: string;
  roles: Role[];
  /** Provider organisations the caller is staff of. */
  organisationIds: string[];
  /** Public doctor profile id (owned by scheduling) for DOCTOR accounts. */
  doctorProfileId?: string;
}

export const hasRole = (caller: Caller | undefined, role: Role): boolean => !!caller && caller.roles.includes(role);
