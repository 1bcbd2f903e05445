import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LEDGER_ENTRY_MODEL, LedgerEntrySchema } from './ledger-entry.schema';
import { Ledger } from './ledger';
import { WALLET_MODEL, WalletSchema } from './wallet.schema';
import { WalletStore } from './wallet.store';

/** Wallets and their append-only ledgers: the only code that writes either. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: WALLET_MODEL, schema: WalletSchema },
      { name: LEDGER_ENTRY_MODEL, schema: LedgerEntrySchema },
    ]),
  ],
  providers: [Ledger, WalletStore],
  exports: [Ledger, WalletStore, MongooseModule],
})
export class LedgerModule {}
