import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IdentityRpc, type ClientContext } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Public } from '../../common/auth/public.decorator';
import { TokenDenylist } from '../../common/auth/token-denylist';
import { CallMeta, Client, type AuthedRequest } from '../../common/http/call-meta.decorator';
import { AckDto, ApiErrors } from '../../common/openapi/common.dto';
import { AuthRateLimit } from '../../common/rate-limit/rate-limit';
import {
  EmailOnlyDto,
  LoginDto,
  LogoutDto,
  PasswordResetConfirmDto,
  RefreshDto,
  RegisterDto,
  VerifyEmailDto,
} from './dto/auth-requests.dto';
import { AuthTokensDto, UserDto } from './dto/user.dto';

@ApiTags('auth')
@AuthRateLimit()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly denylist: TokenDenylist,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Patient self-registration; a verification code is emailed' })
  @ApiResponse({ status: 201, type: UserDto })
  @ApiErrors(400, 409, 413)
  register(@Body() body: RegisterDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.register, body, meta);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Password login: an access token (15 min) and a rotating refresh token' })
  @ApiResponse({ status: 200, type: AuthTokensDto })
  @ApiErrors(400, 401)
  login(@Body() body: LoginDto, @Client() client: ClientContext, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.login, { ...body, client }, meta);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; reusing an old one revokes the session family' })
  @ApiResponse({ status: 200, type: AuthTokensDto })
  @ApiErrors(400, 401)
  refresh(@Body() body: RefreshDto, @Client() client: ClientContext, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.refresh, { ...body, client }, meta);
  }

  @Post('logout')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke the session (or all sessions) and this access token' })
  @ApiResponse({ status: 200, type: AckDto })
  @ApiErrors(400, 401)
  async logout(@Body() body: LogoutDto, @Req() req: AuthedRequest, @CallMeta() meta: RequestMeta) {
    const result = await this.rpc.call(IdentityRpc.logout, body, meta);
    if (req.user?.jti && req.user.exp) await this.denylist.revoke(req.user.jti, req.user.exp);
    return result;
  }

  @Public()
  @Post('verify-email')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the email with the 6-digit code' })
  @ApiResponse({ status: 200, type: UserDto })
  @ApiErrors(400)
  verifyEmail(@Body() body: VerifyEmailDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.verifyEmail, body, meta);
  }

  @Public()
  @Post('verify-email/resend')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a new verification code (answers the same whether or not the email exists)' })
  @ApiResponse({ status: 202, type: AckDto })
  @ApiErrors(400)
  resend(@Body() body: EmailOnlyDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.resendVerification, body, meta);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'Request a password reset (answers the same whether or not the email exists)' })
  @ApiResponse({ status: 202, type: AckDto })
  @ApiErrors(400)
  requestReset(@Body() body: EmailOnlyDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.requestPasswordReset, body, meta);
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with the reset token; every session ends' })
  @ApiResponse({ status: 200, type: AckDto })
  @ApiErrors(400)
  confirmReset(@Body() body: PasswordResetConfirmDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(IdentityRpc.confirmPasswordReset, body, meta);
  }
}
