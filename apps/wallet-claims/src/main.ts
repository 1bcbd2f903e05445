import { loadConfigOrExit } from '@telehealth/config';
import { bootstrapService } from '@telehealth/service-kit';
import { WalletClaimsConfig } from './config/wallet-claims.config';
import { WalletClaimsModule } from './wallet-claims.module';

const config = loadConfigOrExit(WalletClaimsConfig);
void bootstrapService('wallet-claims', WalletClaimsModule.forRoot(config), config);
