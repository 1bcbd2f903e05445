import { Module, type DynamicModule } from '@nestjs/common';
import { JobsModule } from '@telehealth/jobs';
import { ServiceKitModule } from '@telehealth/service-kit';
import { WalletClaimsConfig } from './config/wallet-claims.config';
import { DemoModule } from './modules/demo/demo.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { ProvidersModule } from './modules/providers/providers.module';
import { WalletsModule } from './modules/wallets/wallets.module';

/**
 * wallet-claims: wallets with an append-only ledger, top-ups through payment providers, and
 * the payment step of booking. Insurance (plans, claims) is added by a later issue.
 */
@Module({})
export class WalletClaimsModule {
  static forRoot(config: WalletClaimsConfig): DynamicModule {
    return {
      module: WalletClaimsModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'wallet-claims', config, configClass: WalletClaimsConfig }),
        JobsModule.forRoot(config),
        ProvidersModule.forRoot(config),
        WalletsModule,
        PaymentsModule,
        DemoModule,
      ],
    };
  }
}
