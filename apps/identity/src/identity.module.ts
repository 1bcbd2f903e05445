import { Module, type DynamicModule } from '@nestjs/common';
import type { JwtSigningConfig } from '@telehealth/config';
import { ServiceKitModule } from '@telehealth/service-kit';
import { IdentityConfig } from './config/identity.config';
import { CryptoModule } from './crypto/crypto.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ConsentsModule } from './modules/consents/consents.module';
import { DemoModule } from './modules/demo/demo.module';
import { DependentsModule } from './modules/dependents/dependents.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { KeysModule } from './modules/keys/keys.module';
import { SessionsModule } from './modules/sessions/sessions.module';
import { StaffModule } from './modules/staff/staff.module';
import { UsersModule } from './modules/users/users.module';

/**
 * Identity: accounts of every role, sessions, dependents, consents, provider organisations
 * and the authentication audit trail. One Nest module per concept folder; each owns its
 * collections through its repositories (the only classes that inject a Model: see the lint rule).
 */
@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig, jwt: JwtSigningConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'identity', config, configClass: IdentityConfig }),
        CryptoModule.forRoot({ ...jwt, NODE_ENV: config.NODE_ENV }),
        AuditModule,
        SessionsModule,
        KeysModule,
        UsersModule,
        AuthModule,
        DependentsModule,
        ConsentsModule,
        OrganisationsModule,
        StaffModule,
        DemoModule,
      ],
    };
  }
}
