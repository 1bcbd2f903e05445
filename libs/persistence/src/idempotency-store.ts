import { createHash, randomUUID } from 'node:crypto';
import { Schema, type Model } from 'mongoose';
import { ErrorCode, type WireError } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { claimOnce } from './claim-once';

/**
 * A client's Idempotency-Key for one request. The claim `_id` (the caller's scoped key) is taken
 * by unique insert (IN_PROGRESS), so of concurrent requests with one key exactly one does the
 * work; its answer is a second document, `${_id}#answer` (DONE), also written by insert, so a
 * decided answer is never rewritten. Both are kept until `expiresAt`.
 */
export interface IdempotencyKeyDoc {
  _id: string;
  requestHash: string;
  state: 'IN_PROGRESS' | 'DONE';
  /** The JSON answer, or the JSON wire error (on the DONE document). */
  response: string | null;
  failed: boolean;
  /** Who runs the work now (a claim); a retry that takes over a stale claim replaces it. */
  owner?: string | null;
  /** Until when the owner is presumed alive; after it, a retry takes the work over. */
  leaseUntil?: Date | null;
  createdAt: Date;
  expiresAt: Date;
}

export const IDEMPOTENCY_KEY_MODEL = 'IdempotencyKey';

/** Register it as {@link IDEMPOTENCY_KEY_MODEL} in a service's database (collection `idempotency_keys`). */
export const IdempotencyKeySchema = new Schema<IdempotencyKeyDoc>(
  {
    _id: { type: String, required: true },
    requestHash: { type: String, required: true },
    state: { type: String, enum: ['IN_PROGRESS', 'DONE'], required: true },
    response: { type: String, default: null },
    failed: { type: Boolean, default: false },
    owner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'idempotency_keys', versionKey: false },
);
IdempotencyKeySchema.index({ expiresAt: 1 });

export interface IdempotencyOptions {
  /** How long a key and its answer are kept (after that, the key is new again). */
  ttlMs: number;
  /** How long a retry waits for a running first request before answering 409 IN_PROGRESS. */
  waitMs: number;
  /** A claim whose work has not answered within this (its worker died) is taken over. 30 s. */
  leaseMs?: number;
  /** How often a waiting retry looks for the answer. 50 ms. */
  pollMs?: number;
}

/** Outcomes worth replaying: the request was understood and decided. Others may be retried afresh. */
const DECIDED: ErrorCode[] = [ErrorCode.UNPROCESSABLE, ErrorCode.CONFLICT, ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN];

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
 * Idempotency-Key handling: the first request with a key does the work; retries with the same
 * body get its answer (also while it is still running, by waiting for it, up to `waitMs`, then
 * 409 `IN_PROGRESS`); the same key with another body is 422 `IDEMPOTENCY_KEY_REUSED`. Answers
 * and decided errors (409, 404, 403, 422) are replayed; other failures free the key for a retry.
 * Keys expire after `ttlMs`.
 *
 * Two tools, each where it fits: the claim is a unique insert (nothing exists yet to guard); a
 * stale claim (its worker died: no answer within `leaseMs`) is taken over by a conditional
 * single-document update on its `owner`, so exactly one retry re-runs the work. The work itself
 * should still be idempotent by a reference derived from the key (a ledger reference, a derived
 * id): a worker presumed dead may only have been slow.
 */
export class IdempotencyStore {
  private readonly leaseMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly keys: Model<IdempotencyKeyDoc>,
    private readonly options: IdempotencyOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 50;
  }

  /** Runs `work` once for the key `id` (scope it: `${scope}:${ownerId}:${key}`) and `body`. */
  async run<T>(id: string, body: unknown, work: () => Promise<T>): Promise<T> {
    const requestHash = requestHashOf(body);
    const deadline = Date.now() + this.options.waitMs;
    for (;;) {
      const now = new Date();
      const owner = randomUUID();
      const claim: IdempotencyKeyDoc = {
        _id: id,
        requestHash,
        state: 'IN_PROGRESS',
        response: null,
        failed: false,
        owner,
        leaseUntil: new Date(now.getTime() + this.leaseMs),
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.options.ttlMs),
      };
      if (await claimOnce(this.keys, claim)) return this.work(id, owner, requestHash, work);

      const answer = await this.keys.findById(answerIdOf(id)).lean<IdempotencyKeyDoc>();
      const doc = answer ?? (await this.keys.findById(id).lean<IdempotencyKeyDoc>());
      if (!doc) continue; // expired and swept between our insert and read
      if (doc.expiresAt <= now) {
        await this.keys.deleteMany({ _id: { $in: [id, answerIdOf(id)] }, expiresAt: { $lte: now } });
        continue;
      }
      if (doc.requestHash !== requestHash)
        throw new DomainError(ErrorCode.UNPROCESSABLE, 'This Idempotency-Key was used with a different request', {
          reason: 'IDEMPOTENCY_KEY_REUSED',
          details: [{ field: 'Idempotency-Key', problem: 'was first used with a different request body' }],
        });
      if (answer) return replay<T>(answer);
      const leaseUntil = doc.leaseUntil ?? new Date(doc.createdAt.getTime() + this.leaseMs);
      if (leaseUntil <= now && (await this.takeOver(doc, owner, now))) return this.work(id, owner, requestHash, work);
      if (Date.now() > deadline)
        throw DomainError.conflict('A request with this Idempotency-Key is still being processed', 'IN_PROGRESS');
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }

  /** Drops keys past their time (a TTL index would, on MongoDB; this works on every engine). */
  async sweep(now = new Date()): Promise<number> {
    const { deletedCount } = await this.keys.deleteMany({ expiresAt: { $lte: now } });
    return deletedCount;
  }

  /**
   * Sweeps every `intervalMs` (10 minutes) until the returned function is called; a failed sweep
   * goes to `onError` and the next one runs as planned. The timer never keeps the process alive.
   */
  sweepEvery(onError: (err: unknown) => void, intervalMs = 10 * 60_000): () => void {
    const timer = setInterval(() => void this.sweep().catch(onError), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Makes `owner` the claim's owner, if it is still the stale one we read: one retry wins. */
  private async takeOver(stale: IdempotencyKeyDoc, owner: string, now: Date): Promise<boolean> {
    const taken = await this.keys.findOneAndUpdate(
      { _id: stale._id, state: 'IN_PROGRESS', owner: stale.owner ?? null },
      { $set: { owner, leaseUntil: new Date(now.getTime() + this.leaseMs) } },
      { new: true, projection: { _id: 1 } },
    );
    return taken !== null;
  }

  private async work<T>(id: string, owner: string, requestHash: string, work: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await work();
    } catch (err) {
      if (err instanceof DomainError && DECIDED.includes(err.code))
        await this.answer(id, requestHash, err.toWire(), true);
      else await this.keys.deleteOne({ _id: id, owner }); // not decided: a retry may try again
      throw err;
    }
    await this.answer(id, requestHash, result, false);
    return result;
  }

  /** Stores the answer by insert; a taken-over run that answered first wrote the same outcome. */
  private async answer(id: string, requestHash: string, response: unknown, failed: boolean): Promise<void> {
    const now = new Date();
    await claimOnce(this.keys, {
      _id: answerIdOf(id),
      requestHash,
      state: 'DONE',
      response: JSON.stringify(response),
      failed,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.options.ttlMs),
    });
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
