import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  WalletRpc,
  type AdjustmentRequest,
  type FinanceOverviewQuery,
  type StatementRequest,
  type TransactionQuery,
  type WalletRef,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { FinanceService } from '../finance/finance.service';
import { AdjustmentsService } from './adjustments.service';
import { ReconciliationService } from './reconciliation.service';
import { WalletsService } from './wallets.service';

@Controller()
export class WalletsController {
  constructor(
    private readonly wallets: WalletsService,
    private readonly adjustments: AdjustmentsService,
    private readonly reconciliation: ReconciliationService,
    private readonly finance: FinanceService,
  ) {}

  @Rpc(WalletRpc.getWallet)
  get(@Payload() q: WalletRef, @Meta() m: RequestMeta) {
    return this.wallets.get(q, m);
  }

  @Rpc(WalletRpc.openWallet)
  open(@Payload() q: { userId: string; currency?: string }, @Meta() m: RequestMeta) {
    return this.wallets.open(q, m);
  }

  @Rpc(WalletRpc.listWallets)
  list(@Payload() q: { userId?: string; page: number; limit: number }, @Meta() m: RequestMeta) {
    return this.wallets.list(q, m);
  }

  @Rpc(WalletRpc.listTransactions)
  transactions(@Payload() q: TransactionQuery, @Meta() m: RequestMeta) {
    return this.wallets.transactions(q, m);
  }

  @Rpc(WalletRpc.statement)
  statement(@Payload() q: StatementRequest, @Meta() m: RequestMeta) {
    return this.wallets.statement(q, m);
  }

  @Rpc(WalletRpc.adjust)
  adjust(@Payload() q: AdjustmentRequest, @Meta() m: RequestMeta) {
    return this.adjustments.adjust(q, m);
  }

  @Rpc(WalletRpc.reconcile)
  reconcile(@Payload() q: { walletId?: string }, @Meta() m: RequestMeta) {
    return this.reconciliation.run(q, m);
  }

  @Rpc(WalletRpc.financeOverview)
  overview(@Payload() q: FinanceOverviewQuery, @Meta() m: RequestMeta) {
    return this.finance.overview(q, m);
  }
}
