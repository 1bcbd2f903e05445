import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CLAIM_MODEL, ClaimSchema } from './one-time-claim.schema';
import { OneTimeClaimsRepository } from './one-time-claims.repository';

/**
 * Registration, login and lockout, refresh, logout, email verification and password reset:
 * accounts through the users module, sessions through the sessions module, and the one-time
 * claims that make a reset token single-use.
 */
@Module({
  imports: [
    UsersModule,
    SessionsModule,
    AuditModule,
    MongooseModule.forFeature([{ name: CLAIM_MODEL, schema: ClaimSchema }]),
  ],
  controllers: [AuthController],
  providers: [OneTimeClaimsRepository, AuthService],
})
export class AuthModule {}
