// Bookkeeping of the scheduled SLA sweep.
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { StoredRecordError } from './errors';
import { keys } from './keys';

const sweepStateSchema = z.object({ lastRunAt: z.number().int(), runs: z.number().int().nonnegative() });
export type SweepState = z.infer<typeof sweepStateSchema>;

export interface SweepStore {
  get(): Promise<SweepState | null>;
  put(state: SweepState): Promise<void>;
}

export function createSweepStore(): SweepStore {
  return {
    async get() {
      const raw = await kvs.get(keys.sweepState());
      if (raw === undefined) return null;
      const parsed = sweepStateSchema.safeParse(raw);
      if (!parsed.success) throw new StoredRecordError('stored sweep state is malformed');
      return parsed.data;
    },
    async put(state) {
      await kvs.set(keys.sweepState(), sweepStateSchema.parse(state));
    },
  };
}
