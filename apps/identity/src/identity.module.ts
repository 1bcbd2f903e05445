import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { JwtConfig } from '@telehealth/config';
import { ServiceKitModule } from '@telehealth/service-kit';
import { IdentityConfig } from './config/identity.config';
import { PasswordHasher } from './crypto/password-hasher';
import { PiiCipher } from './crypto/pii-cipher';
import { AuditController } from './modules/audit/audit.controller';
import { AUDIT_MODEL, AuditEventSchema } from './modules/audit/audit-event.schema';
import { AuditService } from './modules/audit/audit.service';
import { AuthController } from './modules/auth/auth.controller';
import { AuthService } from './modules/auth/auth.service';
import {
  REFRESH_TOKEN_MODEL,
  REVOKED_FAMILY_MODEL,
  RefreshTokenSchema,
  RevokedFamilySchema,
} from './modules/auth/refresh-token.schema';
import { CLAIM_MODEL, ClaimSchema, OneTimeClaims } from './persistence/one-time-claims';
import { TokenService } from './modules/auth/token.service';
import { ConsentsController } from './modules/consents/consents.controller';
import { CONSENT_MODEL, ConsentSchema } from './modules/consents/consent.schema';
import { ConsentsService } from './modules/consents/consents.service';
import { DemoSeeder } from './modules/demo/demo.seeder';
import { DependentsController } from './modules/dependents/dependents.controller';
import { DEPENDENT_MODEL, DependentSchema } from './modules/dependents/dependent.schema';
import { DependentsService } from './modules/dependents/dependents.service';
import { OrganisationsController } from './modules/organisations/organisations.controller';
import { ORGANISATION_MODEL, OrganisationSchema } from './modules/organisations/organisation.schema';
import { OrganisationsService } from './modules/organisations/organisations.service';
import { StaffService } from './modules/organisations/staff.service';
import { USER_MODEL, UserSchema } from './modules/users/user.schema';
import { UsersController } from './modules/users/users.controller';
import { UsersRepository } from './modules/users/users.repository';
import { UsersService } from './modules/users/users.service';

/**
 * Identity: accounts of every role, sessions, dependents, consents, provider organisations
 * and the authentication audit trail. One Nest module; the folders are the domain concepts.
 */
@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig, jwt: JwtConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'identity', config, configClass: IdentityConfig }),
        JwtModule.register({
          secret: jwt.JWT_SECRET,
          signOptions: {
            algorithm: 'HS256',
            issuer: jwt.JWT_ISSUER,
            audience: jwt.JWT_AUDIENCE,
            expiresIn: jwt.ACCESS_TOKEN_TTL_SECONDS,
          },
        }),
        MongooseModule.forFeature([
          { name: USER_MODEL, schema: UserSchema },
          { name: REFRESH_TOKEN_MODEL, schema: RefreshTokenSchema },
          { name: REVOKED_FAMILY_MODEL, schema: RevokedFamilySchema },
          { name: CLAIM_MODEL, schema: ClaimSchema },
          { name: DEPENDENT_MODEL, schema: DependentSchema },
          { name: CONSENT_MODEL, schema: ConsentSchema },
          { name: ORGANISATION_MODEL, schema: OrganisationSchema },
          { name: AUDIT_MODEL, schema: AuditEventSchema },
        ]),
      ],
      controllers: [
        AuthController,
        UsersController,
        DependentsController,
        ConsentsController,
        OrganisationsController,
        AuditController,
      ],
      providers: [
        { provide: JwtConfig, useValue: jwt },
        PiiCipher,
        PasswordHasher,
        OneTimeClaims,
        AuditService,
        TokenService,
        UsersRepository,
        AuthService,
        UsersService,
        DependentsService,
        ConsentsService,
        OrganisationsService,
        StaffService,
        DemoSeeder,
      ],
    };
  }
}
