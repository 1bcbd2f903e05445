import { RetentionPolicy, StorageType, nanos, type JetStreamManager } from 'nats';
import { streamOf, streamSubjectsOf, type ServiceName } from '@telehealth/contracts';

/** Retention of each event stream; consumers that fall further behind than this miss events. */
export const STREAM_MAX_AGE_DAYS = 30;
/** JetStream drops a second publish with the same Nats-Msg-Id inside this window. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/** Creates the producer's stream if missing. Idempotent; safe when several apps race. */
export async function ensureStream(jsm: JetStreamManager, producer: ServiceName): Promise<string> {
  const name = streamOf(producer);
  try {
    await jsm.streams.info(name);
    return name;
  } catch {
    // Not found: create below.
  }
  try {
    await jsm.streams.add({
      name,
      subjects: [streamSubjectsOf(producer)],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      max_age: nanos(STREAM_MAX_AGE_DAYS * 86_400_000),
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
  } catch (err) {
    // Another app created it between our info and add.
    await jsm.streams.info(name).catch(() => {
      throw err;
    });
  }
  return name;
}
