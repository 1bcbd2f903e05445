import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AdjustmentType, EntryType, Role, type AdjustmentRequest, type LedgerEntryView } from '@telehealth/contracts';
import { DomainError, requireRole, type RequestMeta } from '@telehealth/messaging';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { toEntryView } from '../ledger/entry.mapper';
import { Ledger } from '../ledger/ledger';
import { WalletStore } from '../ledger/wallet.store';

/** An operator's manual credit or debit, with a reason, idempotent by the client's key. */
@Injectable()
export class AdjustmentsService {
  constructor(
    private readonly wallets: WalletStore,
    private readonly ledger: Ledger,
    private readonly idempotency: IdempotencyService,
  ) {}

  adjust(q: AdjustmentRequest, meta: RequestMeta): Promise<LedgerEntryView> {
    const caller = requireRole(meta, Role.ADMIN);
    const { idempotencyKey, ...body } = q;
    return this.idempotency.run('adjustment', caller.userId, idempotencyKey, body, async () => {
      const wallet = await this.wallets.findById(q.walletId);
      if (!wallet) throw DomainError.notFound('Wallet');
      const keyHash = createHash('sha256').update(`${caller.userId}:${idempotencyKey}`).digest('hex').slice(0, 24);
      const { entry } = await this.ledger.post({
        wallet,
        type: q.type === AdjustmentType.CREDIT ? EntryType.CREDIT : EntryType.DEBIT,
        amountMinor: q.amountMinor,
        // Derived from the key: a re-run after a crash finds this entry instead of moving money again.
        reference: `ADJ_${wallet._id}_${keyHash}`,
        title: q.type === AdjustmentType.CREDIT ? 'Adjustment (credit)' : 'Adjustment (debit)',
        subtitle: q.reason,
        correlationId: meta.requestId,
      });
      return toEntryView(entry);
    });
  }
}
