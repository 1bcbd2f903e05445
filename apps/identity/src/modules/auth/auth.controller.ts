import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  IdentityRpc,
  type LoginRequest,
  type LogoutRequest,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type RefreshRequest,
  type RegisterRequest,
  type ResendVerificationRequest,
  type VerifyEmailRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { AuthService } from './auth.service';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Rpc(IdentityRpc.register)
  register(@Payload() q: RegisterRequest, @Meta() m: RequestMeta) {
    return this.auth.register(q, m);
  }

  @Rpc(IdentityRpc.login)
  login(@Payload() q: LoginRequest, @Meta() m: RequestMeta) {
    return this.auth.login(q, m);
  }

  @Rpc(IdentityRpc.refresh)
  refresh(@Payload() q: RefreshRequest, @Meta() m: RequestMeta) {
    return this.auth.refresh(q, m);
  }

  @Rpc(IdentityRpc.logout)
  logout(@Payload() q: LogoutRequest, @Meta() m: RequestMeta) {
    return this.auth.logout(q, m);
  }

  @Rpc(IdentityRpc.verifyEmail)
  verifyEmail(@Payload() q: VerifyEmailRequest, @Meta() m: RequestMeta) {
    return this.auth.verifyEmail(q, m);
  }

  @Rpc(IdentityRpc.resendVerification)
  resendVerification(@Payload() q: ResendVerificationRequest, @Meta() m: RequestMeta) {
    return this.auth.resendVerification(q, m);
  }

  @Rpc(IdentityRpc.requestPasswordReset)
  requestPasswordReset(@Payload() q: PasswordResetRequest, @Meta() m: RequestMeta) {
    return this.auth.requestPasswordReset(q, m);
  }

  @Rpc(IdentityRpc.confirmPasswordReset)
  confirmPasswordReset(@Payload() q: PasswordResetConfirmRequest, @Meta() m: RequestMeta) {
    return this.auth.confirmPasswordReset(q, m);
  }
}
