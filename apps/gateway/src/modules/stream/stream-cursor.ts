import { streamOf } from '@telehealth/contracts';

/** The JetStream streams the gateway relays to client apps, in the order their sequences appear in an id. */
export const STREAMED_STREAMS: readonly string[] = [
  streamOf('scheduling'),
  streamOf('wallet-claims'),
  streamOf('teleconsultation'),
  streamOf('notifications'),
];

/** Per stream: the last sequence taken into account (every event up to it was sent, or concerned someone else). */
export type Positions = Record<string, number>;

export interface Cursor {
  /** When the id was issued (ms since the epoch): an id older than the resume window gets `resync`. */
  issuedAt: number;
  positions: Positions;
}

/**
 * A message id is `<issuedAt ms>-<EVT_SCHEDULING seq>-<EVT_WALLET_CLAIMS seq>-<EVT_TELECONSULTATION seq>-<EVT_NOTIFICATIONS seq>`:
 * where the gateway was in each stream when it sent the message. Any replica can resume from it,
 * since the sequences are JetStream's, not the replica's. An id of the three-stream format (before
 * notifications were streamed) is not one of ours: the client gets `resync`.
 */
export function encodeCursor(cursor: Cursor): string {
  return [cursor.issuedAt, ...STREAMED_STREAMS.map((s) => cursor.positions[s] ?? 0)].join('-');
}

/** The cursor of a `Last-Event-ID`, or null when it is not one of ours. */
export function decodeCursor(id: string | undefined): Cursor | null {
  if (!id) return null;
  const parts = id.trim().split('-');
  if (parts.length !== STREAMED_STREAMS.length + 1 || !parts.every((p) => /^\d{1,16}$/.test(p))) return null;
  const [issuedAt, ...seqs] = parts.map(Number);
  if (!Number.isSafeInteger(issuedAt) || !seqs.every(Number.isSafeInteger)) return null;
  return { issuedAt, positions: Object.fromEntries(STREAMED_STREAMS.map((s, i) => [s, seqs[i]])) };
}
