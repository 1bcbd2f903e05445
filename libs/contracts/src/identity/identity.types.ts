import type { Role } from '../common/caller';
import type { PageQuery } from '../common/pagination';

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  OTHER = 'OTHER',
  UNDISCLOSED = 'UNDISCLOSED',
}

export enum UserStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DELETED = 'DELETED',
}

/** Seed 000 enrollees. */
export enum Relationship {
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  PARENT = 'PARENT',
  SIBLING = 'SIBLING',
  OTHER = 'OTHER',
}

export enum EnrollmentStatus {
  ACTIVE = 'ACTIVE',
  PENDING = 'PENDING',
  INACTIVE = 'INACTIVE',
}

/** Seed 002 patient_consents. */
export enum ConsentType {
  TERMS_OF_SERVICE = 'TERMS_OF_SERVICE',
  PRIVACY_POLICY = 'PRIVACY_POLICY',
  TELEHEALTH = 'TELEHEALTH',
  DATA_SHARING = 'DATA_SHARING',
  MARKETING = 'MARKETING',
  /** Consultations may be recorded when the doctor asks (teleconsultation checks it). Added in 1.4. */
  CALL_RECORDING = 'CALL_RECORDING',
}

export enum AuditEventType {
  LOGIN_SUCCEEDED = 'LOGIN_SUCCEEDED',
  LOGIN_FAILED = 'LOGIN_FAILED',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  LOGOUT = 'LOGOUT',
  EMAIL_VERIFIED = 'EMAIL_VERIFIED',
  PASSWORD_RESET_REQUESTED = 'PASSWORD_RESET_REQUESTED',
  PASSWORD_RESET_COMPLETED = 'PASSWORD_RESET_COMPLETED',
  ROLE_CHANGED = 'ROLE_CHANGED',
  USER_CREATED = 'USER_CREATED',
  USER_DELETED = 'USER_DELETED',
}

export interface UserView {
  id: string;
  email: string;
  emailVerified: boolean;
  firstName: string;
  lastName: string;
  phone: string | null;
  dateOfBirth: string | null;
  gender: Gender | null;
  roles: Role[];
  organisationIds: string[];
  doctorProfileId: string | null;
  status: UserStatus;
  locale: string;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  phone: string;
  dateOfBirth: string;
  gender: Gender;
  locale?: string;
  timeZone?: string;
}

/** Where the request came from: recorded in the audit trail. */
export interface ClientContext {
  ip?: string;
  userAgent?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
  client?: ClientContext;
}

export interface AuthTokens {
  tokenType: 'Bearer';
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: UserView;
}

export interface RefreshRequest {
  refreshToken: string;
  client?: ClientContext;
}

export interface LogoutRequest {
  refreshToken?: string;
}

export interface VerifyEmailRequest {
  email: string;
  code: string;
}

export interface ResendVerificationRequest {
  email: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  newPassword: string;
}

export interface UpdateMeRequest {
  firstName?: string;
  lastName?: string;
  phone?: string;
  dateOfBirth?: string;
  gender?: Gender;
  locale?: string;
  timeZone?: string;
}

export interface CreateUserRequest {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  phone?: string;
  roles: Role[];
  /** DOCTOR accounts: the public doctor profile id scheduling owns (generated when absent). */
  doctorProfileId?: string;
  organisationId?: string;
  title?: string;
}

export interface UserSearchQuery extends PageQuery {
  q?: string;
  role?: Role;
  status?: UserStatus;
  organisationId?: string;
  createdFrom?: string;
  createdTo?: string;
}

export interface SetRolesRequest {
  userId: string;
  roles: Role[];
}

export interface DependentView {
  id: string;
  primaryUserId: string;
  firstName: string;
  lastName: string;
  relationship: Relationship;
  dateOfBirth: string;
  gender: Gender | null;
  enrollmentStatus: EnrollmentStatus;
  createdAt: string;
  updatedAt: string;
}

export interface CreateDependentRequest {
  firstName: string;
  lastName: string;
  relationship: Relationship;
  dateOfBirth: string;
  gender?: Gender;
}

export interface UpdateDependentRequest {
  id: string;
  firstName?: string;
  lastName?: string;
  relationship?: Relationship;
  dateOfBirth?: string;
  gender?: Gender;
  enrollmentStatus?: EnrollmentStatus;
}

export interface ConsentView {
  id: string;
  type: ConsentType;
  documentVersion: string;
  granted: boolean;
  recordedAt: string;
}

export interface RecordConsentRequest {
  type: ConsentType;
  documentVersion: string;
  granted: boolean;
  client?: ClientContext;
}

export enum OrganisationStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  SUSPENDED = 'SUSPENDED',
}

/** Seed 002 providers. */
export interface OrganisationView {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  bio: string | null;
  city: string;
  country: string;
  timeZone: string;
  status: OrganisationStatus;
  createdAt: string;
}

export interface CreateOrganisationRequest {
  name: string;
  email: string;
  phone?: string;
  bio?: string;
  city: string;
  country: string;
  timeZone: string;
}

export interface StaffView {
  userId: string;
  organisationId: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string | null;
  roles: Role[];
}

export interface AuditEventView {
  id: string;
  type: AuditEventType;
  userId: string | null;
  actorId: string | null;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
  at: string;
}

export interface AuditQuery extends PageQuery {
  userId?: string;
  type?: AuditEventType;
  from?: string;
  to?: string;
}

/**
 * How to reach a user, for the notifications service (identity owns and decrypts it). A deleted
 * or suspended account answers with `reachable: false` and no addresses.
 */
export interface UserContactView {
  userId: string;
  reachable: boolean;
  status: UserStatus;
  email: string | null;
  emailVerified: boolean;
  /** Decrypted phone number (E.164-ish), when the user gave one. */
  phone: string | null;
  firstName: string;
  lastName: string;
  locale: string;
  timeZone: string;
  roles: Role[];
  organisationIds: string[];
  doctorProfileId: string | null;
  /** YYYY-MM-DD, decrypted (added in 1.5: a prescription's patient snapshot). */
  dateOfBirth: string | null;
  gender: Gender | null;
  /** Asked with `dependentId`: that dependent of the user (null when it is not theirs or was removed). */
  dependent?: {
    id: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string | null;
    gender: Gender | null;
  } | null;
}

/** A public key that verifies access tokens (RFC 7517), as identity publishes it. */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

/** Identity's token-verifying keys: the current one and the retired ones still in their overlap. */
export interface JsonWebKeySet {
  keys: PublicJwk[];
}
