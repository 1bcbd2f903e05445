import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import {
  REFRESH_TOKEN_MODEL,
  REVOKED_FAMILY_MODEL,
  RefreshTokenSchema,
  RevokedFamilySchema,
} from './refresh-token.schema';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RevokedSessionsRepository } from './revoked-sessions.repository';
import { TokenService } from './token.service';

/**
 * Login sessions: access tokens and rotating refresh tokens with family revocation. Its own
 * module, below both users (closing an account ends its sessions) and auth (login and refresh
 * open and rotate them), so neither depends on the other in a cycle.
 */
@Module({
  imports: [
    AuditModule,
    MongooseModule.forFeature([
      { name: REFRESH_TOKEN_MODEL, schema: RefreshTokenSchema },
      { name: REVOKED_FAMILY_MODEL, schema: RevokedFamilySchema },
    ]),
  ],
  providers: [RefreshTokensRepository, RevokedSessionsRepository, TokenService],
  exports: [TokenService],
})
export class SessionsModule {}
