// The SLA backfill's bookkeeping: which run is current, how far it got, and the ids it works through (in pages
// of ids, each a KVS value well below 240 KiB).
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { StoredRecordError } from './errors';
import { keys } from './keys';

const stateSchema = z.object({
  runId: z.string(),
  reason: z.string(),
  /** ISO 8601 instants. */
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  total: z.number().int().min(0),
  done: z.number().int().min(0),
  /** Issues whose recompute failed for good in this run (Jira refused, the issue vanished mid-run ...). */
  failed: z.number().int().min(0),
  pages: z.number().int().min(0),
});
export type BackfillState = z.infer<typeof stateSchema>;

export const IDS_PER_PAGE = 2000;

export interface BackfillStore {
  state(): Promise<BackfillState | null>;
  saveState(state: BackfillState): Promise<void>;
  savePage(runId: string, page: number, issueIds: string[]): Promise<void>;
  page(runId: string, page: number): Promise<string[]>;
  deletePages(runId: string, pages: number): Promise<void>;
}

export function createBackfillStore(): BackfillStore {
  return {
    async state() {
      const raw = await kvs.get(keys.backfillState());
      if (raw === undefined) return null;
      const parsed = stateSchema.safeParse(raw);
      if (!parsed.success) throw new StoredRecordError('stored backfill state is malformed');
      return parsed.data;
    },
    async saveState(state) {
      await kvs.set(keys.backfillState(), stateSchema.parse(state));
    },
    async savePage(runId, page, issueIds) {
      await kvs.set(keys.backfillPage(runId, page), issueIds);
    },
    async page(runId, page) {
      const parsed = z.array(z.string()).safeParse(await kvs.get(keys.backfillPage(runId, page)));
      return parsed.success ? parsed.data : [];
    },
    async deletePages(runId, pages) {
      for (let page = 0; page < pages; page++) await kvs.delete(keys.backfillPage(runId, page));
    },
  };
}
