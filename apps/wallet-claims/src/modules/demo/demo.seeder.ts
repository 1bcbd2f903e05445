import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EntryType } from '@telehealth/contracts';
import { WalletClaimsConfig } from '../../config/wallet-claims.config';
import { Ledger } from '../ledger/ledger';
import { WalletStore } from '../ledger/wallet.store';
import { DEMO_WALLETS } from './demo-wallets';

/**
 * DEMO_DATA=true: opens the demo patients' wallets and credits their opening balance once (the
 * credit's reference is fixed, so a restart finds it and moves nothing).
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly config: WalletClaimsConfig,
    private readonly wallets: WalletStore,
    private readonly ledger: Ledger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    for (const demo of DEMO_WALLETS) {
      const wallet = await this.wallets.open(demo.userId, this.config.WALLET_DEFAULT_CURRENCY, 'demo-data');
      const { created } = await this.ledger.post({
        wallet,
        type: EntryType.CREDIT,
        amountMinor: demo.openingMinor,
        reference: `DEMO_OPENING_${demo.userId}`,
        title: 'Welcome credit',
        subtitle: 'Demo opening balance',
        correlationId: 'demo-data',
      });
      if (created) this.logger.log(`demo wallet of ${demo.userId} credited ${demo.openingMinor}`);
    }
  }
}
