// Each issue's published SLA state, keyed by issue id (keys change when an issue moves), in the `issue-sla`
// custom entity: what was last written to the issue property, from which Jira state, and when a clock next
// crosses a warning or target (the sweep's index).
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { SlaProperty } from '../contract/sla';
import { StoredRecordError } from './errors';
import { entities, keys } from './keys';

const crossingSchema = z.object({ metricKey: z.string(), kind: z.enum(['warning', 'breach']), at: z.number() });

/** What the priority board shows of an issue, kept with its SLA state so the board needs no Jira read per issue. */
const boardFactsSchema = z.object({
  summary: z.string(),
  issueType: z.string().nullable(),
  priority: z.string().nullable(),
  status: z.object({ name: z.string(), category: z.enum(['new', 'indeterminate', 'done']) }),
  assignee: z.object({ accountId: z.string(), displayName: z.string() }).nullable(),
  /** Epoch ms. */
  created: z.number(),
  /** Epoch ms of the resolution; null while open (and in records written before it was kept). */
  resolved: z.number().nullable().default(null),
});
export type BoardFacts = z.infer<typeof boardFactsSchema>;

const recordSchema = z.object({
  issueId: z.string(),
  issueKey: z.string(),
  /** Jira's `updated` of the state the record was computed from (epoch ms): an older state never overwrites a newer one. */
  basisAt: z.number(),
  /** The property as last written to Jira, and a stable hash of it. */
  property: z.custom<SlaProperty>((v) => typeof v === 'object' && v !== null),
  hash: z.string(),
  /** Crossings still ahead when it was computed, earliest first. */
  crossings: z.array(crossingSchema),
  /** Crossings already announced, as `metric:kind:cycle`, so each is announced once. */
  announced: z.array(z.string()),
  board: boardFactsSchema,
});
export type IssueSlaRecord = z.infer<typeof recordSchema>;

interface EntityValue {
  issueId: string;
  customerKey: string;
  /** `open` or `done` (the status category): the board reads a customer's open issues by this partition. */
  openState: string;
  basisAt: number;
  /** Absent when no clock will cross anything: such issues are not in the sweep's index. */
  nextCrossingAt?: number;
  data: IssueSlaRecord;
}

export type SaveOutcome = 'saved' | 'stale';

export interface SlaStore {
  get(issueId: string): Promise<IssueSlaRecord | null>;
  /** Saves unless a record computed from a newer Jira state is already stored. */
  save(record: IssueSlaRecord): Promise<SaveOutcome>;
  delete(issueId: string): Promise<void>;
  /** A customer's open issues (the board's read model), a page of up to 100 at a time. */
  openOf(customerKey: string, cursor?: string): Promise<{ records: IssueSlaRecord[]; cursor?: string }>;
  /** A customer's resolved issues (open and recently resolved are tracked), a page at a time. */
  doneOf(customerKey: string, cursor?: string): Promise<{ records: IssueSlaRecord[]; cursor?: string }>;
  /** Issues whose next crossing is at or before `until`, earliest first, a page at a time. */
  dueForSweep(until: number, cursor?: string): Promise<{ issueIds: string[]; cursor?: string }>;
}

function parse(value: unknown, issueId: string): IssueSlaRecord {
  const parsed = recordSchema.safeParse((value as { data?: unknown } | undefined)?.data);
  if (!parsed.success) throw new StoredRecordError(`stored SLA state of issue ${issueId} is malformed`);
  return parsed.data;
}

export function createSlaStore(): SlaStore {
  const entity = () => kvs.entity<EntityValue>(entities.issueSla);
  const byCustomer = async (customerKey: string, openState: 'open' | 'done', cursor?: string) => {
    let query = entity().query().index('by-customer', { partition: [customerKey, openState] }).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    return { records: page.results.map((r) => parse(r.value, r.key)), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
  };
  return {
    async get(issueId) {
      const value = await entity().get(keys.issueSla(issueId));
      if (value === undefined) return null;
      try {
        return parse(value, issueId);
      } catch (error) {
        // Derived data: one written by an older app version is recomputed rather than trusted.
        console.warn(`issue-sla: ${error instanceof Error ? error.message : String(error)}; recomputing it`);
        return null;
      }
    },
    async save(record) {
      const value: EntityValue = {
        issueId: record.issueId,
        customerKey: record.property.customer ?? '',
        openState: record.board.status.category === 'done' ? 'done' : 'open',
        basisAt: record.basisAt,
        ...(record.crossings[0] ? { nextCrossingAt: record.crossings[0].at } : {}),
        data: recordSchema.parse(record),
      };
      const notNewer = new Filter<EntityValue>()
        .or('basisAt', FilterConditions.notExists())
        .or('basisAt', FilterConditions.lessThanEqualTo(record.basisAt));
      try {
        await kvs.transact().set(keys.issueSla(record.issueId), value, { entityName: entities.issueSla, conditions: notNewer }).execute();
        return 'saved';
      } catch (error) {
        // Refused: only when a newer state is stored (a real failure leaves the stored one older or absent).
        const stored = await entity().get(keys.issueSla(record.issueId));
        if (stored && stored.basisAt > record.basisAt) return 'stale';
        throw error;
      }
    },
    async delete(issueId) {
      await entity().delete(keys.issueSla(issueId));
    },
    openOf: (customerKey, cursor) => byCustomer(customerKey, 'open', cursor),
    doneOf: (customerKey, cursor) => byCustomer(customerKey, 'done', cursor),
    async dueForSweep(until, cursor) {
      let query = entity().query().index('by-next-crossing').where(WhereConditions.lessThanEqualTo(until)).sort(Sort.ASC).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      return { issueIds: page.results.map((r) => r.value.issueId), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
    },
  };
}
