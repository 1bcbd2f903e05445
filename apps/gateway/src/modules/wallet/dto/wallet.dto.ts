import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AdjustmentType,
  EntryStatus,
  EntryType,
  PaymentMethod,
  PaymentProviderName,
  PaymentRecordStatus,
  SandboxOutcome,
  TopUpStatus,
  type FinanceOverview,
  type LedgerEntryView,
  type PaymentView,
  type ReconciliationReport,
  type StatementView,
  type TopUpView,
  type WalletView,
} from '@telehealth/contracts';
import { IsOptional, Matches } from 'class-validator';
import { CurrencyField, DateTimeField, EnumField, IntField, TextField, UuidField } from '../../../common/http/fields';
import { MoneyDto, PageQueryDto } from '../../../common/openapi/common.dto';

export class WalletDto implements WalletView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'NGN' }) currency: string;
  @ApiProperty({ type: MoneyDto, description: 'Everything in the wallet, held money included' }) balance: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Reserved for payments not yet captured' }) held: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'balance - held: what can be spent now' }) available: MoneyDto;
  @ApiProperty({ description: 'Position of the newest ledger entry' }) seq: number;
  @ApiProperty() hasActiveCard: boolean;
  @ApiProperty({ format: 'date-time' }) lastUpdated: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class LedgerEntryDto implements LedgerEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) walletId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: EntryType }) type: EntryType;
  @ApiProperty({ enum: EntryStatus, description: 'PENDING: a hold not yet captured or released' }) status: EntryStatus;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty({ example: 'TOPUP_7c9e6679-7425-40de-944b-e07fc1f90ae7_1764000000000' }) reference: string;
  @ApiProperty({ example: 'Wallet Top-up' }) title: string;
  @ApiProperty({ example: 'Payment successful' }) subtitle: string;
  @ApiProperty({ type: MoneyDto }) balanceAfter: MoneyDto;
  @ApiProperty({ type: MoneyDto }) heldAfter: MoneyDto;
  @ApiProperty({ nullable: true, type: String }) appointmentId: string | null;
  @ApiProperty({ nullable: true, type: String }) paymentId: string | null;
  @ApiProperty({ nullable: true, type: String }) topUpId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The hold a capture/release settles' })
  relatedReference: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TransactionQueryDto extends PageQueryDto {
  @EnumField(EntryType, { optional: true }) type?: EntryType;
  @EnumField(EntryStatus, { optional: true }) status?: EntryStatus;
  @DateTimeField({ optional: true, description: 'At or after' }) from?: string;
  @DateTimeField({ optional: true, description: 'Before' }) to?: string;
}

export class MonthParam {
  @ApiProperty({ example: '2026-11', description: 'YYYY-MM (UTC)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month formatted YYYY-MM' })
  month: string;
}

class StatementTypeTotalDto {
  @ApiProperty({ enum: EntryType }) type: EntryType;
  @ApiProperty() count: number;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
}

export class StatementDto implements StatementView {
  @ApiProperty({ format: 'uuid' }) walletId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ example: 'NGN' }) currency: string;
  @ApiProperty({ type: MoneyDto }) openingBalance: MoneyDto;
  @ApiProperty({ type: MoneyDto }) closingBalance: MoneyDto;
  @ApiProperty({ type: MoneyDto }) totalIn: MoneyDto;
  @ApiProperty({ type: MoneyDto }) totalOut: MoneyDto;
  @ApiProperty({ type: [StatementTypeTotalDto] }) byType: StatementTypeTotalDto[];
  @ApiProperty({ type: [LedgerEntryDto] }) entries: LedgerEntryDto[];
}

export class CreateTopUpDto {
  @IntField({ min: 1, max: 1_000_000_000_000, description: 'Integer minor units (kobo), e.g. 500000 = ₦5,000' })
  amountMinor: number;
  @EnumField(PaymentProviderName, { optional: true, description: 'Default: the first enabled provider' })
  provider?: PaymentProviderName;
  @EnumField(SandboxOutcome, {
    optional: true,
    description:
      'Sandbox only: SUCCEED (default), FAIL, or HOLD (complete it with POST /v1/sandbox/checkout/{reference})',
  })
  sandboxOutcome?: SandboxOutcome;
  @IntField({ optional: true, min: 0, max: 600_000, description: 'Sandbox only: delay before the webhook, ms' })
  sandboxDelayMs?: number;
}

export class TopUpDto implements TopUpView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) walletId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: PaymentProviderName }) provider: PaymentProviderName;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty({ enum: TopUpStatus }) status: TopUpStatus;
  @ApiProperty() reference: string;
  @ApiProperty({ nullable: true, type: String, description: 'Send the payer here' }) checkoutUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) providerReference: string | null;
  @ApiProperty({ nullable: true, type: String }) failureReason: string | null;
  @ApiProperty({ nullable: true, type: String }) entryId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
}

export class TopUpQueryDto extends PageQueryDto {
  @EnumField(TopUpStatus, { optional: true }) status?: TopUpStatus;
}

export class ReferenceParam {
  @ApiProperty({ example: 'TOPUP_7c9e6679-7425-40de-944b-e07fc1f90ae7_1764000000000' })
  @Matches(/^[A-Za-z0-9_-]{1,120}$/, { message: 'must be a top-up reference' })
  reference: string;
}

export class SandboxKeyQuery {
  @ApiPropertyOptional({ description: "The checkout link's key (from its checkoutUrl): pays without a token" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be the key of a checkout link' })
  key?: string;
}

export class SandboxCompleteDto {
  @EnumField(['SUCCEED', 'FAIL']) outcome: 'SUCCEED' | 'FAIL';
}

export class ProviderParam {
  @ApiProperty({ enum: PaymentProviderName })
  @Matches(/^[a-z]{1,20}$/, { message: 'must be a payment provider name' })
  provider: string;
}

export class WebhookAckDto {
  @ApiProperty({ example: true }) received: true;
  @ApiProperty({ description: 'False for a replay or an event of no interest' }) applied: boolean;
}

export class PaymentRecordDto implements PaymentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) appointmentId: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty({ enum: PaymentMethod }) method: PaymentMethod;
  @ApiProperty({ enum: PaymentRecordStatus }) status: PaymentRecordStatus;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ nullable: true, type: String }) providerReference: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'CARD: where the payer pays' }) checkoutUrl: string | null;
  @ApiProperty({ type: MoneyDto }) refunded: MoneyDto;
  @ApiProperty({ nullable: true, type: String }) failureReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) holdExpiresAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PaymentQueryDto extends PageQueryDto {
  @UuidField({ optional: true }) appointmentId?: string;
  @UuidField({ optional: true, description: 'Admins only' }) patientId?: string;
  @EnumField(PaymentRecordStatus, { optional: true }) status?: PaymentRecordStatus;
}

export class AdjustmentDto {
  @EnumField(AdjustmentType) type: AdjustmentType;
  @IntField({ min: 1, max: 1_000_000_000_000, description: 'Integer minor units' }) amountMinor: number;
  @TextField({ max: 300, description: 'Why (shown as the entry subtitle)' }) reason: string;
}

export class OpenWalletDto {
  @UuidField({ description: 'The identity user id' }) userId: string;
  @CurrencyField({ optional: true, description: 'Default: WALLET_DEFAULT_CURRENCY' }) currency?: string;
}

export class WalletListQueryDto extends PageQueryDto {
  @UuidField({ optional: true }) userId?: string;
}

class MismatchDto {
  @ApiProperty() walletId: string;
  @ApiProperty({ nullable: true, type: Number }) seq: number | null;
  @ApiProperty() problem: string;
}

export class ReconciliationDto implements ReconciliationReport {
  @ApiProperty() walletsChecked: number;
  @ApiProperty() entriesChecked: number;
  @ApiProperty({ type: [MismatchDto] }) mismatches: MismatchDto[];
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
}

export class FinanceQueryDto {
  @DateTimeField({ description: 'Period start (inclusive)' }) from: string;
  @DateTimeField({ description: 'Period end (exclusive)' }) to: string;
  @CurrencyField({ optional: true }) currency?: string;
}

class TypeStatusTotalDto {
  @ApiProperty({ enum: EntryType }) type: EntryType;
  @ApiProperty({ enum: EntryStatus }) status: EntryStatus;
  @ApiProperty() count: number;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
}
class PaymentTotalDto {
  @ApiProperty({ enum: PaymentRecordStatus }) status: PaymentRecordStatus;
  @ApiProperty() count: number;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
}
class TopUpTotalDto {
  @ApiProperty({ enum: TopUpStatus }) status: TopUpStatus;
  @ApiProperty() count: number;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
}

export class FinanceOverviewDto implements FinanceOverview {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() currency: string;
  @ApiProperty({ type: [TypeStatusTotalDto] }) totals: TypeStatusTotalDto[];
  @ApiProperty({ type: [PaymentTotalDto] }) payments: PaymentTotalDto[];
  @ApiProperty({ type: [TopUpTotalDto] }) topUps: TopUpTotalDto[];
}
