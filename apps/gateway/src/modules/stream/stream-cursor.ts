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
 * since the sequences are JetStream's, not the replica's.
 */
export function encodeCursor(cursor: Cursor): string {
  return [cursor.issuedAt, ...STREAMED_STREAMS.map((s) => cursor.positions[s] ?? 0)].join('-');
}

/**
 * Streams added to STREAMED_STREAMS later, at its end: an id issued before holds no position for
 * them (its positions lack them, and resuming it gives `resync`).
 */
const ADDED_LATER = 1; // EVT_NOTIFICATIONS (contracts 1.4)

/** The cursor of a `Last-Event-ID`, or null when it is not one of ours. */
export function decodeCursor(id: string | undefined): Cursor | null {
  if (!id) return null;
  const parts = id.trim().split('-');
  const streams = parts.length - 1;
  if (streams > STREAMED_STREAMS.length || streams < STREAMED_STREAMS.length - ADDED_LATER) return null;
  if (!parts.every((p) => /^\d{1,16}$/.test(p))) return null;
  const [issuedAt, ...seqs] = parts.map(Number);
  if (!Number.isSafeInteger(issuedAt) || !seqs.every(Number.isSafeInteger)) return null;
  return { issuedAt, positions: Object.fromEntries(seqs.map((seq, i) => [STREAMED_STREAMS[i], seq])) };
}
