import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { WalletRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
import { CallMeta } from '../../common/http/call-meta.decorator';
import { ApiIdempotencyKey, IdempotencyKey } from '../../common/http/idempotency-key';
import { ApiErrors, IdParam, PageOf } from '../../common/openapi/common.dto';
import {
  CreateTopUpDto,
  LedgerEntryDto,
  MonthParam,
  StatementDto,
  TopUpDto,
  TopUpQueryDto,
  TransactionQueryDto,
  WalletDto,
} from './dto/wallet.dto';

/** The caller's own wallet: balance, ledger, statements and top-ups. */
@ApiTags('wallet')
@Controller('wallet')
export class WalletController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Your wallet: balance, held and available (opened on first use)' })
  @ApiResponse({ status: 200, type: WalletDto })
  @ApiErrors(401)
  get(@CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.getWallet, {}, meta);
  }

  @Get('transactions')
  @ApiOperation({ summary: 'Your ledger entries, newest first, by type, status and date' })
  @ApiResponse({ status: 200, type: PageOf(LedgerEntryDto) })
  @ApiErrors(400, 401)
  transactions(@Query() q: TransactionQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.listTransactions, { ...q }, meta);
  }

  @Get('statements/:month')
  @ApiOperation({ summary: 'A monthly statement: opening and closing balance, totals, entries' })
  @ApiResponse({ status: 200, type: StatementDto })
  @ApiErrors(400, 401)
  statement(@Param() p: MonthParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.statement, { month: p.month }, meta);
  }

  @Post('top-ups')
  @ApiOperation({ summary: 'Start a top-up: pay at checkoutUrl; the wallet is credited on the provider webhook' })
  @ApiIdempotencyKey(true, 'Required: a retry with the same key and body returns the first top-up')
  @ApiResponse({ status: 201, type: TopUpDto })
  @ApiErrors(400, 401, 409, 422, 503)
  topUp(@Body() body: CreateTopUpDto, @IdempotencyKey(true) key: string, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.createTopUp, { ...body, idempotencyKey: key }, meta);
  }

  @Get('top-ups')
  @ApiOperation({ summary: 'Your top-ups, newest first' })
  @ApiResponse({ status: 200, type: PageOf(TopUpDto) })
  @ApiErrors(400, 401)
  topUps(@Query() q: TopUpQueryDto, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.listTopUps, { ...q }, meta);
  }

  @Get('top-ups/:id')
  @ApiOperation({ summary: 'One of your top-ups' })
  @ApiResponse({ status: 200, type: TopUpDto })
  @ApiErrors(400, 401, 404)
  getTopUp(@Param() p: IdParam, @CallMeta() meta: RequestMeta) {
    return this.rpc.call(WalletRpc.getTopUp, { id: p.id }, meta);
  }
}
