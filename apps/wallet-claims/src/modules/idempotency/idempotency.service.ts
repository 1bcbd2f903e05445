import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { IDEMPOTENCY_KEY_MODEL, IdempotencyStore, type IdempotencyKeyDoc } from '@telehealth/persistence';
import { WalletClaimsConfig } from '../../config/wallet-claims.config';

/**
 * Idempotency-Key handling for every money-moving request, on the platform's one
 * {@link IdempotencyStore}: keys kept IDEMPOTENCY_KEY_TTL_HOURS, a retry waits for a running first
 * request until just before its RPC times out, a claim whose worker died is taken over after 30 s.
 * The work itself is idempotent by a reference derived from the key (every caller here does
 * that), so a taken-over claim never moves money twice.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyService.name);
  private readonly store: IdempotencyStore;
  private stopSweeping?: () => void;

  constructor(@InjectModel(IDEMPOTENCY_KEY_MODEL) keys: Model<IdempotencyKeyDoc>, config: WalletClaimsConfig) {
    this.store = new IdempotencyStore(keys, {
      ttlMs: config.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000,
      waitMs: Math.max(1_000, config.RPC_TIMEOUT_MS - 1_000),
    });
  }

  onModuleInit(): void {
    this.stopSweeping = this.store.sweepEvery((e) => this.logger.warn(`sweep: ${String(e)}`));
  }

  onModuleDestroy(): void {
    this.stopSweeping?.();
  }

  run<T>(scope: string, ownerId: string, key: string, body: unknown, work: () => Promise<T>): Promise<T> {
    return this.store.run(`${scope}:${ownerId}:${key}`, body, work);
  }
}
