import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { IDEMPOTENCY_KEY_MODEL, IdempotencyStore, type IdempotencyKeyDoc } from '@telehealth/persistence';
import { SchedulingConfig } from '../../config/scheduling.config';

/**
 * Patients' Idempotency-Keys for bookings, on the platform's one {@link IdempotencyStore}: of
 * concurrent requests with one key one books and the others get its answer (waiting for it until
 * just before their RPC times out, then 409 IN_PROGRESS); the same key with another request is
 * 422 IDEMPOTENCY_KEY_REUSED; decided refusals (SLOT_FULL, ...) are replayed; keys are kept
 * IDEMPOTENCY_KEY_TTL_HOURS; a booking that died holding its key is taken over by one retry after
 * IDEMPOTENCY_KEY_LEASE_SECONDS. The booking itself is idempotent by its id, derived from the key.
 */
@Injectable()
export class BookingKeys implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BookingKeys.name);
  private readonly store: IdempotencyStore;
  private stopSweeping?: () => void;

  constructor(@InjectModel(IDEMPOTENCY_KEY_MODEL) keys: Model<IdempotencyKeyDoc>, config: SchedulingConfig) {
    this.store = new IdempotencyStore(keys, {
      ttlMs: config.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000,
      waitMs: Math.max(1_000, config.RPC_TIMEOUT_MS - 1_000),
      leaseMs: config.IDEMPOTENCY_KEY_LEASE_SECONDS * 1_000,
      // Sparse reads, so retries waiting on one booking cannot swamp the database under load.
      pollMs: 200,
    });
  }

  onModuleInit(): void {
    this.stopSweeping = this.store.sweepEvery((e) => this.logger.warn(`sweep: ${String(e)}`));
  }

  onModuleDestroy(): void {
    this.stopSweeping?.();
  }

  run<T>(patientId: string, key: string, body: unknown, work: () => Promise<T>): Promise<T> {
    return this.store.run(`booking:${patientId}:${key}`, body, work);
  }
}
