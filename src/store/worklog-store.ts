// The app's copy of Jira's worklogs (fed by the worklog feeds, the worklog events and per-issue
// reconciliation), by worklog id; and each issue's total of the seconds the app holds, to compare with Jira's
// time tracking. Epoch ms are floats: a custom-entity integer is 32-bit.
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { JiraWorklog } from '../jira/worklogs';
import { entities, keys } from './keys';

interface EntityValue {
  id: string;
  issueId: string;
  started: number;
  updated: number;
  seconds: number;
  data: { authorAccountId: string; authorName: string };
}

const totalSchema = z.object({ seconds: z.number(), count: z.number() });
export type IssueWorklogTotal = z.infer<typeof totalSchema>;

const syncSchema = z.object({
  updatedSince: z.number(),
  deletedSince: z.number(),
  /** ISO 8601 of the last completed run. */
  lastSyncedAt: z.string().nullable(),
});
export type WorklogSyncState = z.infer<typeof syncSchema>;
export const INITIAL_SYNC: WorklogSyncState = { updatedSince: 0, deletedSince: 0, lastSyncedAt: null };

const BATCH = 25;
const PAGE = 100;

const toValue = (w: JiraWorklog): EntityValue => ({
  id: w.id,
  issueId: w.issueId,
  started: w.started,
  updated: w.updated,
  seconds: w.seconds,
  data: { authorAccountId: w.authorAccountId, authorName: w.authorName },
});
const fromValue = (v: EntityValue): JiraWorklog => ({
  id: v.id,
  issueId: v.issueId,
  started: v.started,
  updated: v.updated,
  seconds: v.seconds,
  authorAccountId: v.data.authorAccountId,
  authorName: v.data.authorName,
});

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface WorklogStore {
  /** Stores worklogs (a newer `updated` already held is kept); answers the issue ids whose worklogs changed. */
  upsert(worklogs: readonly JiraWorklog[]): Promise<Set<string>>;
  /** Removes worklogs by id; answers the issue ids they belonged to. */
  remove(worklogIds: readonly string[]): Promise<Set<string>>;
  /** Worklogs started in `[from, to)`, oldest first, page by page. */
  startedBetween(from: number, to: number): AsyncGenerator<JiraWorklog[]>;
  ofIssue(issueId: string, from?: number, to?: number): Promise<JiraWorklog[]>;
  /** Recounts the issues' totals from the worklogs held. */
  recount(issueIds: Iterable<string>): Promise<void>;
  totals(issueIds: readonly string[]): Promise<Map<string, IssueWorklogTotal>>;
  /** When the copy last changed (epoch ms), 0 before any change. */
  changedAt(): Promise<number>;
  syncState(): Promise<WorklogSyncState>;
  saveSyncState(state: WorklogSyncState): Promise<void>;
}

export function createWorklogStore(): WorklogStore {
  const entity = () => kvs.entity<EntityValue>(entities.worklog);
  // Its own key, written by the feeds, the events and reconciliation alike (the cursors' record is the sync's only).
  const markChanged = () => kvs.set(keys.worklogsChanged(), Date.now());

  async function current(ids: readonly string[]): Promise<Map<string, EntityValue>> {
    const out = new Map<string, EntityValue>();
    for (const part of chunks(ids, BATCH)) {
      const got = await kvs.batchGet<EntityValue>(part.map((id) => ({ key: keys.worklog(id), entityName: entities.worklog })));
      for (const item of got.successfulKeys) if (item.value) out.set(item.value.id, item.value);
    }
    return out;
  }

  async function ofIssue(issueId: string, from = -Number.MAX_VALUE, to = Number.MAX_VALUE): Promise<JiraWorklog[]> {
    const out: JiraWorklog[] = [];
    let cursor: string | undefined;
    do {
      let query = entity().query().index('by-issue', { partition: [issueId] }).where(WhereConditions.between(from, to)).sort(Sort.ASC).limit(PAGE);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const r of page.results) if (r.value.started < to) out.push(fromValue(r.value));
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  return {
    async upsert(worklogs) {
      const held = await current(worklogs.map((w) => w.id));
      const changed = new Set<string>();
      const writes: JiraWorklog[] = [];
      for (const w of worklogs) {
        const before = held.get(w.id);
        // An older read (a late event) never replaces a newer one.
        if (before && before.updated > w.updated) continue;
        if (before && before.updated === w.updated && before.seconds === w.seconds && before.started === w.started && before.issueId === w.issueId) continue;
        writes.push(w);
        changed.add(w.issueId);
        if (before && before.issueId !== w.issueId) changed.add(before.issueId);
      }
      for (const part of chunks(writes, BATCH)) {
        const result = await kvs.batchSet(part.map((w) => ({ key: keys.worklog(w.id), value: toValue(w), entityName: entities.worklog })));
        if (result.failedKeys.length > 0) throw new Error(`${result.failedKeys.length} worklogs could not be stored: ${result.failedKeys[0]?.error.message ?? ''}`);
      }
      if (writes.length > 0) await markChanged();
      return changed;
    },
    async remove(worklogIds) {
      const held = await current(worklogIds);
      for (const part of chunks([...held.keys()], BATCH)) {
        await kvs.batchDelete(part.map((id) => ({ key: keys.worklog(id), entityName: entities.worklog })));
      }
      if (held.size > 0) await markChanged();
      return new Set([...held.values()].map((v) => v.issueId));
    },
    async *startedBetween(from, to) {
      let cursor: string | undefined;
      do {
        let query = entity().query().index('by-started').where(WhereConditions.between(from, to)).sort(Sort.ASC).limit(PAGE);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        // `between` includes its upper bound; the window is half-open.
        const worklogs = page.results.map((r) => fromValue(r.value)).filter((w) => w.started < to);
        if (worklogs.length > 0) yield worklogs;
        cursor = page.nextCursor;
      } while (cursor);
    },
    ofIssue,
    async recount(issueIds) {
      // A batch of issues at a time: each is its own index query, and they need not wait for one another.
      for (const part of chunks([...issueIds], BATCH)) {
        const totals = await Promise.all(
          part.map(async (issueId) => {
            const worklogs = await ofIssue(issueId);
            return { key: keys.worklogTotal(issueId), value: { seconds: worklogs.reduce((s, w) => s + w.seconds, 0), count: worklogs.length } };
          }),
        );
        await kvs.batchSet(totals);
      }
    },
    async totals(issueIds) {
      const out = new Map<string, IssueWorklogTotal>();
      for (const part of chunks(issueIds, BATCH)) {
        const got = await kvs.batchGet(part.map((id) => ({ key: keys.worklogTotal(id) })));
        for (const item of got.successfulKeys) {
          const parsed = totalSchema.safeParse(item.value);
          if (parsed.success) out.set(item.key.slice(keys.worklogTotal('').length), parsed.data);
        }
      }
      return out;
    },
    async changedAt() {
      const value = await kvs.get(keys.worklogsChanged());
      return typeof value === 'number' ? value : 0;
    },
    async syncState() {
      const parsed = syncSchema.safeParse(await kvs.get(keys.worklogSync()));
      return parsed.success ? parsed.data : INITIAL_SYNC;
    },
    async saveSyncState(state) {
      await kvs.set(keys.worklogSync(), syncSchema.parse(state));
    },
  };
}
