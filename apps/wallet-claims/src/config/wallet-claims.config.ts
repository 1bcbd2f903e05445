import { ServiceConfig } from '@telehealth/config';

export class WalletClaimsConfig extends ServiceConfig {
  override MONGO_DB = 'telehealth_wallet_claims';
  override HEALTH_PORT = 3104;
}
