import type { Schema } from 'mongoose';

let version = 0;

/** Changes whenever anything slots are computed from was written in this process. */
export const slotInputsVersion = (): number => version;

/**
 * Mongoose plugin for the schemas slots are computed from (clinics, doctor profiles, rules,
 * exceptions): every write bumps the version, so a cached slot listing is never served after a
 * change made through this instance (other replicas' changes show within the cache's TTL).
 */
export function bumpsSlotInputs(schema: Schema): void {
  for (const op of ['save', 'updateOne', 'updateMany', 'findOneAndUpdate', 'deleteOne', 'deleteMany'] as const) {
    schema.post(op, () => {
      version++;
    });
  }
}
