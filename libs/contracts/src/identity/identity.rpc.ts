import { defineRpc } from '../common/contract';
import type { Page, PageQuery } from '../common/pagination';
import type {
  AuditEventView,
  JsonWebKeySet,
  AuditQuery,
  AuthTokens,
  ConsentView,
  CreateDependentRequest,
  CreateOrganisationRequest,
  CreateUserRequest,
  DependentView,
  LoginRequest,
  LogoutRequest,
  OrganisationView,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  RecordConsentRequest,
  RefreshRequest,
  RegisterRequest,
  ResendVerificationRequest,
  SetRolesRequest,
  StaffView,
  UpdateDependentRequest,
  UpdateMeRequest,
  UserContactView,
  UserSearchQuery,
  UserView,
  VerifyEmailRequest,
} from './identity.types';

type Empty = Record<string, never>;
type Ack = { ok: true };
type ById = { id: string };

/**
 * Identity request-reply patterns. The caller (from the access token) travels in the
 * `x-caller` header, so `me.*` patterns take no user id in the payload.
 */
export const IdentityRpc = {
  register: defineRpc<RegisterRequest, UserView>('identity', 'auth.register', 1, 'Patient self-registration.'),
  login: defineRpc<LoginRequest, AuthTokens>('identity', 'auth.login', 1, 'Password login; issues tokens.'),
  refresh: defineRpc<RefreshRequest, AuthTokens>('identity', 'auth.refresh', 1, 'Rotates a refresh token.'),
  logout: defineRpc<LogoutRequest, Ack>('identity', 'auth.logout', 1, 'Revokes the refresh-token family.'),
  verifyEmail: defineRpc<VerifyEmailRequest, UserView>(
    'identity',
    'auth.verify-email',
    1,
    'Confirms an email with its code.',
  ),
  resendVerification: defineRpc<ResendVerificationRequest, Ack>(
    'identity',
    'auth.verify-email.resend',
    1,
    'Issues a new verification code.',
  ),
  requestPasswordReset: defineRpc<PasswordResetRequest, Ack>(
    'identity',
    'auth.password-reset.request',
    1,
    'Starts a password reset.',
  ),
  confirmPasswordReset: defineRpc<PasswordResetConfirmRequest, Ack>(
    'identity',
    'auth.password-reset.confirm',
    1,
    'Sets a new password.',
  ),

  getMe: defineRpc<Empty, UserView>('identity', 'me.get', 1, 'The calling user.'),
  updateMe: defineRpc<UpdateMeRequest, UserView>('identity', 'me.update', 1, 'Edits the calling user.'),
  deleteMe: defineRpc<Empty, Ack>(
    'identity',
    'me.delete',
    1,
    "Erases the caller's account (soft delete, PII anonymised).",
  ),

  listDependents: defineRpc<PageQuery, Page<DependentView>>(
    'identity',
    'dependents.list',
    1,
    "The caller's dependents.",
  ),
  createDependent: defineRpc<CreateDependentRequest, DependentView>(
    'identity',
    'dependents.create',
    1,
    'Adds a dependent.',
  ),
  getDependent: defineRpc<ById, DependentView>('identity', 'dependents.get', 1, 'One dependent of the caller.'),
  updateDependent: defineRpc<UpdateDependentRequest, DependentView>(
    'identity',
    'dependents.update',
    1,
    'Edits a dependent.',
  ),
  removeDependent: defineRpc<ById, Ack>('identity', 'dependents.remove', 1, 'Soft-deletes a dependent.'),

  listConsents: defineRpc<PageQuery, Page<ConsentView>>(
    'identity',
    'consents.list',
    1,
    "The caller's consent history.",
  ),
  recordConsent: defineRpc<RecordConsentRequest, ConsentView>(
    'identity',
    'consents.record',
    1,
    'Records a consent decision.',
  ),

  createUser: defineRpc<CreateUserRequest, UserView>(
    'identity',
    'admin.users.create',
    1,
    'Admin creates a doctor, staff or admin account.',
  ),
  searchUsers: defineRpc<UserSearchQuery, Page<UserView>>('identity', 'admin.users.search', 1, 'Admin user search.'),
  getUser: defineRpc<ById, UserView>('identity', 'admin.users.get', 1, 'Admin reads one user.'),
  setRoles: defineRpc<SetRolesRequest, UserView>(
    'identity',
    'admin.users.set-roles',
    1,
    "Admin replaces a user's roles.",
  ),
  deleteUser: defineRpc<ById, Ack>('identity', 'admin.users.delete', 1, 'Soft delete with PII anonymisation.'),
  listUserDependents: defineRpc<ById & PageQuery, Page<DependentView>>(
    'identity',
    'admin.users.dependents',
    1,
    "Admin reads a user's dependents.",
  ),

  createOrganisation: defineRpc<CreateOrganisationRequest, OrganisationView>(
    'identity',
    'organisations.create',
    1,
    'Admin creates a provider organisation.',
  ),
  listOrganisations: defineRpc<PageQuery, Page<OrganisationView>>(
    'identity',
    'organisations.list',
    1,
    'Organisations visible to the caller.',
  ),
  getOrganisation: defineRpc<ById, OrganisationView>('identity', 'organisations.get', 1, 'One organisation.'),
  addStaff: defineRpc<CreateUserRequest & { organisationId: string }, StaffView>(
    'identity',
    'organisations.staff.add',
    1,
    'Creates a staff account in an organisation.',
  ),
  listStaff: defineRpc<ById & PageQuery, Page<StaffView>>(
    'identity',
    'organisations.staff.list',
    1,
    "An organisation's staff.",
  ),

  userContact: defineRpc<{ userId: string; dependentId?: string }, UserContactView>(
    'identity',
    'users.contact',
    1,
    'Service-to-service (never routed by the gateway): how to reach a user (email, decrypted phone, locale, time zone), their date of birth and gender, and with `dependentId` that dependent.',
  ),

  jwks: defineRpc<Empty, JsonWebKeySet>(
    'identity',
    'keys.jwks',
    1,
    'The public keys that verify access tokens (current and retired), served by the gateway at /.well-known/jwks.json.',
  ),

  searchAudit: defineRpc<AuditQuery, Page<AuditEventView>>(
    'identity',
    'audit.search',
    1,
    'Admin reads the authentication audit trail.',
  ),
} as const;
