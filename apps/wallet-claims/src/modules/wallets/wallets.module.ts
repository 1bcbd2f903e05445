import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FinanceService } from '../finance/finance.service';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LedgerModule } from '../ledger/ledger.module';
import { PAYMENT_MODEL, PaymentSchema } from '../payments/payment.schema';
import { TOP_UP_MODEL, TopUpSchema } from '../top-ups/top-up.schema';
import { AdjustmentsService } from './adjustments.service';
import { ReconciliationService } from './reconciliation.service';
import { WalletOpeningConsumer } from './wallet-opening.consumer';
import { WalletsController } from './wallets.controller';
import { WalletsService } from './wallets.service';

/** Reading wallets, statements, operators' adjustments, reconciliation and the finance overview. */
@Module({
  imports: [
    LedgerModule,
    IdempotencyModule,
    MongooseModule.forFeature([
      { name: PAYMENT_MODEL, schema: PaymentSchema },
      { name: TOP_UP_MODEL, schema: TopUpSchema },
    ]),
  ],
  controllers: [WalletsController],
  providers: [WalletsService, AdjustmentsService, ReconciliationService, FinanceService, WalletOpeningConsumer],
})
export class WalletsModule {}
