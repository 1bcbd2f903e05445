import type { Model, UpdateQuery } from 'mongoose';
import { claimOnce } from './claim-once';

/** One change in an aggregate's log: `_id` = `${aggregateId}:${version}` (unique). */
export interface LogEntry {
  _id: string;
  aggregateId: string;
  version: number;
}

/** The projection document of an aggregate: its state as of `version` (0 when created). */
export interface Versioned {
  _id: string;
  version: number;
}

export const logEntryIdOf = (aggregateId: string, version: number): string => `${aggregateId}:${version}`;

export interface VersionedLogOptions<E extends LogEntry, P extends Versioned> {
  /** How an entry changes the projection (`version` is set for you). */
  toUpdate: (entry: E) => UpdateQuery<P>;
  /** Called after each projection write (e.g. to kick the outbox relay the update fed). */
  onProjected?: (doc: P) => void;
}

/**
 * An aggregate kept as an append-only log of versioned changes plus a projection document.
 *
 * A change is decided by inserting its log entry `${id}:${version + 1}`: of two changes made
 * from one version, exactly one insert succeeds (unique `_id`), so a transition can never happen
 * twice or from a state that is gone; the loser reloads and decides again. The projection is
 * then moved forward by a conditional single-document update guarded by its version
 * (`{_id, version: v - 1}`), which applies each entry exactly once and in order. A crash between
 * the two writes leaves the projection behind its log; {@link VersionedLog.catchUp} (run by every
 * {@link VersionedLog.load}) applies what is missing, probing the log by primary key.
 *
 * Why both tools: the log insert is the decision and the history (who did what, from which
 * state: an audit trail that is never rewritten); the guarded update only replays a decided
 * entry into a readable document. When no history is wanted and a change depends only on the
 * document itself, a conditional update alone (`findOneAndUpdate({_id, status: FROM}, ...)`) is
 * the simpler and equally atomic tool.
 */
export class VersionedLog<E extends LogEntry, P extends Versioned> {
  constructor(
    private readonly log: Model<E>,
    private readonly projections: Model<P>,
    private readonly options: VersionedLogOptions<E, P>,
  ) {}

  /** The projection, brought up to date with its log; null when there is none. */
  async load(id: string): Promise<P | null> {
    const doc = await this.projections.findById(id).lean<P>();
    return doc ? this.catchUp(doc) : null;
  }

  /**
   * Appends `change` after `current` (a projection as loaded); returns the projection as of it, or
   * null when another change from `current.version` was appended first (reload and decide again).
   */
  async append(current: P, change: Omit<E, '_id' | 'aggregateId' | 'version'>): Promise<P | null> {
    const version = current.version + 1;
    const entry = { ...change, _id: logEntryIdOf(current._id, version), aggregateId: current._id, version } as E;
    if (!(await claimOnce(this.log, entry))) return null;
    return (await this.apply(current._id, entry)) ?? this.catchUp(await this.projection(current._id));
  }

  /** `doc` with every logged change after its version applied (a crash left it behind). */
  async catchUp(doc: P): Promise<P> {
    let current = doc;
    for (;;) {
      const next = await this.log.findById(logEntryIdOf(current._id, current.version + 1)).lean<E>();
      if (!next) return current;
      // Another reader applied it (or more) first: continue from what it wrote.
      current = (await this.apply(current._id, next)) ?? (await this.projection(current._id));
    }
  }

  /** Every entry of the aggregate, oldest first. */
  async history(aggregateId: string): Promise<E[]> {
    return this.log.find({ aggregateId }).sort({ version: 1 }).lean<E[]>();
  }

  /**
   * Applies `entry` to the projection `id` if it is exactly one version behind it; null otherwise.
   * The id comes from the caller (the entry was found by it), not from `entry.aggregateId`, so
   * entries a service logged before it named the field so are replayed too.
   */
  private async apply(id: string, entry: E): Promise<P | null> {
    const update = this.options.toUpdate(entry) as Record<string, Record<string, unknown> | undefined>;
    const updated = await this.projections
      .findOneAndUpdate(
        { _id: id, version: entry.version - 1 },
        { ...update, $set: { ...(update.$set ?? {}), version: entry.version } } as UpdateQuery<P>,
        { new: true },
      )
      .lean<P>();
    if (updated) this.options.onProjected?.(updated);
    return updated;
  }

  private async projection(id: string): Promise<P> {
    const doc = await this.projections.findById(id).lean<P>();
    if (!doc) throw new Error(`${this.projections.modelName} ${id} has a log but no document`);
    return doc;
  }
}
