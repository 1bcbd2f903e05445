import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role, WalletRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { Roles } from '../../common/auth/public.decorator';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiIdempotencyKey, IdempotencyKey } from '../../common/http/idempotency-key';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import {
  AdjustmentDto,
  FinanceOverviewDto,
  FinanceQueryDto,
  LedgerEntryDto,
  WalletMonthParam,
  OpenWalletDto,
  ReconciliationDto,
  StatementDto,
  TransactionQueryDto,
  WalletDto,
  WalletListQueryDto,
} from './dto/wallet.dto';

/** Operators' view of the money: any wallet, adjustments, reconciliation, the finance overview. */
@ApiTags('admin')
@Roles(Role.ADMIN)
@Controller('admin')
export class AdminFinanceController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('finance')
  @ApiOperation({ summary: 'Totals by entry type and status, payments and top-ups, over a period' })
  @ApiResponse({ status: 200, type: FinanceOverviewDto })
  @ApiErrors(400, 401, 403)
  overview(@Query() q: FinanceQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.financeOverview, { ...q }, meta);
  }

  @Post('finance/reconciliation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay every ledger and report each mismatch (read-only)' })
  @ApiResponse({ status: 200, type: ReconciliationDto })
  @ApiErrors(401, 403)
  reconcile(@CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.reconcile, {}, meta);
  }

  @Get('wallets')
  @ApiOperation({ summary: 'Wallets, newest first' })
  @ApiResponse({ status: 200, type: PageOf(WalletDto) })
  @ApiErrors(400, 401, 403)
  wallets(@Query() q: WalletListQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.listWallets, { ...q }, meta);
  }

  @Post('wallets')
  @ApiOperation({ summary: "Open a user's wallet in a currency (returns the one already open, if any)" })
  @ApiResponse({ status: 201, type: WalletDto })
  @ApiErrors(400, 401, 403)
  open(@Body() body: OpenWalletDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.openWallet, { ...body }, meta);
  }

  @Get('wallets/:id')
  @ApiOperation({ summary: 'One wallet' })
  @ApiResponse({ status: 200, type: WalletDto })
  @ApiErrors(400, 401, 403, 404)
  wallet(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.getWallet, { walletId: p.id }, meta);
  }

  @Get('wallets/:id/transactions')
  @ApiOperation({ summary: "A wallet's ledger entries" })
  @ApiResponse({ status: 200, type: PageOf(LedgerEntryDto) })
  @ApiErrors(400, 401, 403, 404)
  transactions(@Param() p: IdParam, @Query() q: TransactionQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.listTransactions, { ...q, walletId: p.id }, meta);
  }

  @Get('wallets/:id/statements/:month')
  @ApiOperation({ summary: "A wallet's monthly statement" })
  @ApiResponse({ status: 200, type: StatementDto })
  @ApiErrors(400, 401, 403, 404)
  statement(@Param() p: WalletMonthParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.statement, { walletId: p.id, month: p.month }, meta);
  }

  @Post('wallets/:id/reconciliation')
  @HttpCode(200)
  @ApiOperation({ summary: "Replay one wallet's ledger and report each mismatch" })
  @ApiResponse({ status: 200, type: ReconciliationDto })
  @ApiErrors(400, 401, 403, 404)
  reconcileOne(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.reconcile, { walletId: p.id }, meta);
  }

  @Post('wallets/:id/adjustments')
  @ApiOperation({ summary: 'Credit or debit a wallet with a reason (never below zero)' })
  @ApiIdempotencyKey(true, 'Required: a retry with the same key and body returns the first entry')
  @ApiResponse({ status: 201, type: LedgerEntryDto })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  adjust(
    @Param() p: IdParam,
    @Body() body: AdjustmentDto,
    @IdempotencyKey(true) key: string,
    @CallMeta() meta: RequestMeta,
  ) {
    return this.rpc.call(WalletRpc.adjust, { ...body, walletId: p.id, idempotencyKey: key }, meta);
  }
}
