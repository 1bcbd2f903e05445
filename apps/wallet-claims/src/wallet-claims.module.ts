import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@telehealth/service-kit';
import { WalletClaimsConfig } from './config/wallet-claims.config';

/** Root module of the wallet-claims service; its domain modules are added by later issues. */
@Module({})
export class WalletClaimsModule {
  static forRoot(config: WalletClaimsConfig): DynamicModule {
    return {
      module: WalletClaimsModule,
      imports: [ServiceKitModule.forRoot({ service: 'wallet-claims', config, configClass: WalletClaimsConfig })],
    };
  }
}
