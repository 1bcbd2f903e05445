import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ErrorCode, type WireError } from '@telehealth/contracts';
import { DomainError, isDuplicateKey } from '@telehealth/messaging';
import { WalletClaimsConfig } from '../../config/wallet-claims.config';
import { IDEMPOTENCY_KEY_MODEL, type IdempotencyKeyDoc } from './idempotency-key.schema';

/** Outcomes worth replaying: the request was understood and decided. Others may be retried afresh. */
const DECIDED: ErrorCode[] = [ErrorCode.UNPROCESSABLE, ErrorCode.CONFLICT, ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN];
/** A claim this old whose work never finished (a crash) is re-run by the next retry. */
const STALE_MS = 30_000;
const POLL_MS = 50;
const SWEEP_MS = 10 * 60_000;

/** A stable hash of a request body: key order does not matter. */
export function requestHashOf(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

/**
 * Idempotency-Key handling for every money-moving request: the first request with a key does
 * the work; retries with the same body get its answer (also while it is still running, by
 * waiting for it); the same key with another body is 422. The work itself must be idempotent
 * by a reference derived from the key (every caller here does that), so a claim whose worker
 * crashed is simply re-run by the next retry without moving money twice.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyService.name);
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectModel(IDEMPOTENCY_KEY_MODEL) private readonly keys: Model<IdempotencyKeyDoc>,
    private readonly config: WalletClaimsConfig,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep().catch((e) => this.logger.warn(`sweep: ${e}`)), SWEEP_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  async run<T>(scope: string, ownerId: string, key: string, body: unknown, work: () => Promise<T>): Promise<T> {
    const _id = `${scope}:${ownerId}:${key}`;
    const requestHash = requestHashOf(body);
    const deadline = Date.now() + Math.max(1_000, this.config.RPC_TIMEOUT_MS - 1_000);
    for (;;) {
      const now = new Date();
      try {
        await this.keys.create({
          _id,
          requestHash,
          state: 'IN_PROGRESS',
          createdAt: now,
          expiresAt: new Date(now.getTime() + this.config.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000),
        });
        return await this.work(_id, requestHash, work);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const answer = await this.keys.findById(answerIdOf(_id)).lean<IdempotencyKeyDoc>();
      const doc = answer ?? (await this.keys.findById(_id).lean<IdempotencyKeyDoc>());
      if (!doc) continue; // expired and swept between our insert and read
      if (doc.expiresAt <= now) {
        await this.keys.deleteMany({ _id: { $in: [_id, answerIdOf(_id)] }, expiresAt: { $lte: now } });
        continue;
      }
      if (doc.requestHash !== requestHash)
        throw new DomainError(ErrorCode.UNPROCESSABLE, 'This Idempotency-Key was used with a different request', {
          reason: 'IDEMPOTENCY_KEY_REUSED',
          details: [{ field: 'Idempotency-Key', problem: 'was first used with a different request body' }],
        });
      if (answer) return replay<T>(answer);
      if (now.getTime() - doc.createdAt.getTime() > STALE_MS) return this.work(_id, requestHash, work);
      if (Date.now() > deadline)
        throw DomainError.conflict('A request with this Idempotency-Key is still being processed', 'IN_PROGRESS');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  private async work<T>(_id: string, requestHash: string, work: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await work();
    } catch (err) {
      if (err instanceof DomainError && DECIDED.includes(err.code))
        await this.answer(_id, requestHash, err.toWire(), true);
      else await this.keys.deleteOne({ _id }); // not decided: a retry may try again
      throw err;
    }
    await this.answer(_id, requestHash, result, false);
    return result;
  }

  /** Stores the answer by insert; a stale re-run that answered first wrote the same outcome. */
  private async answer(_id: string, requestHash: string, response: unknown, failed: boolean): Promise<void> {
    const now = new Date();
    await this.keys
      .create({
        _id: answerIdOf(_id),
        requestHash,
        state: 'DONE',
        response: JSON.stringify(response),
        failed,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.config.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000),
      })
      .catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
      });
  }

  /** Drops keys past their time (a TTL index would, on MongoDB; this works on both). */
  async sweep(now = new Date()): Promise<number> {
    const { deletedCount } = await this.keys.deleteMany({ expiresAt: { $lte: now } });
    return deletedCount;
  }
}

const answerIdOf = (claimId: string) => `${claimId}#answer`;

function replay<T>(doc: IdempotencyKeyDoc): T {
  const parsed = JSON.parse(doc.response ?? 'null') as unknown;
  if (doc.failed) {
    const wire = parsed as WireError;
    throw new DomainError(wire.code, wire.message, {
      reason: wire.reason,
      details: wire.details,
      retryAfterSeconds: wire.retryAfterSeconds,
    });
  }
  return parsed as T;
}
