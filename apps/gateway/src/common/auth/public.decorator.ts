import { SetMetadata, applyDecorators } from '@nestjs/common';
import type { Role } from '@telehealth/contracts';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';
export const OPTIONAL_AUTH = 'auth:optional';

/** The route needs no access token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * Public, but a bearer token, when sent, identifies the caller (it must then be valid), so the
 * owning service can show its managers what the public does not see (drafts, inactive records).
 */
export const OptionalAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(OPTIONAL_AUTH, true));

/** The caller must hold one of these roles (ownership is still checked by the service). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);
