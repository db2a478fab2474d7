// Each issue's published SLA state, keyed by issue id (keys change when an issue moves), in the `issue-sla`
// custom entity: what was last written to the issue property, from which Jira state, and when a clock next
// crosses a warning or target (the sweep's index).
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { SlaProperty } from '../contract/sla';
import { StoredRecordError } from './errors';
import { entities, keys } from './keys';

const crossingSchema = z.object({ metricKey: z.string(), kind: z.enum(['warning', 'breach']), at: z.number() });

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
});
export type IssueSlaRecord = z.infer<typeof recordSchema>;

interface EntityValue {
  issueId: string;
  customerKey: string;
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
  return {
    async get(issueId) {
      const value = await entity().get(keys.issueSla(issueId));
      return value === undefined ? null : parse(value, issueId);
    },
    async save(record) {
      const value: EntityValue = {
        issueId: record.issueId,
        customerKey: record.property.customer ?? '',
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
    async dueForSweep(until, cursor) {
      let query = entity().query().index('by-next-crossing').where(WhereConditions.lessThanEqualTo(until)).sort(Sort.ASC).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      return { issueIds: page.results.map((r) => r.value.issueId), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
    },
  };
}
