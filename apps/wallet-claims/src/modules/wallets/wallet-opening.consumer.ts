import { Injectable } from '@nestjs/common';
import { IdentityEvents, type EventEnvelope, type UserRegisteredV1 } from '@telehealth/contracts';
import { OnEvent } from '@telehealth/messaging/eventing';
import { WalletClaimsConfig } from '../../config/wallet-claims.config';
import { WalletStore } from '../ledger/wallet.store';

/** Flow 1: register -> wallet opened (in the default currency). */
@Injectable()
export class WalletOpeningConsumer {
  constructor(
    private readonly wallets: WalletStore,
    private readonly config: WalletClaimsConfig,
  ) {}

  @OnEvent(IdentityEvents.userRegistered)
  async registered(e: EventEnvelope<UserRegisteredV1>): Promise<void> {
    await this.wallets.open(e.payload.userId, this.config.WALLET_DEFAULT_CURRENCY, e.correlationId);
  }
}
