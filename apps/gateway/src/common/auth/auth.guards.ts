import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@telehealth/contracts';
import type { AuthedRequest } from '../http/call-meta.decorator';
import { IS_PUBLIC, OPTIONAL_AUTH, ROLES } from './public.decorator';

/** Every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(ctx: ExecutionContext) {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      const optional = this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets);
      if (!optional || !ctx.switchToHttp().getRequest<AuthedRequest>().headers.authorization) return true;
    }
    return super.canActivate(ctx);
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err || !user) {
      const why = info instanceof Error ? info.message : err instanceof Error ? err.message : 'missing bearer token';
      throw new UnauthorizedException({ message: `Authentication required: ${why}`, reason: 'INVALID_ACCESS_TOKEN' });
    }
    return user;
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [ctx.getHandler(), ctx.getClass()]);
    if (!roles?.length) return true;
    const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
    if (!user || !roles.some((r) => user.roles.includes(r))) {
      throw new ForbiddenException({ message: `Requires role ${roles.join(' or ')}`, reason: 'FORBIDDEN' });
    }
    return true;
  }
}
