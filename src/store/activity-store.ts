// What the app has seen of each issue through product events, in the `issue-activity` custom entity.
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { StoredRecordError } from './errors';
import { entities, keys } from './keys';

const activityRecordSchema = z.object({
  issueKey: z.string(),
  projectKey: z.string(),
  lastEventType: z.string(),
  lastEventAt: z.number().int(),
  eventCount: z.number().int().nonnegative(),
});
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

export interface ActivityStore {
  get(issueKey: string): Promise<ActivityRecord | null>;
  put(record: ActivityRecord): Promise<void>;
}

export function createActivityStore(): ActivityStore {
  const entity = kvs.entity<ActivityRecord>(entities.issueActivity);
  return {
    async get(issueKey) {
      const raw = await entity.get(keys.issueActivity(issueKey));
      if (raw === undefined) return null;
      const parsed = activityRecordSchema.safeParse(raw);
      if (!parsed.success) throw new StoredRecordError(`stored activity for ${issueKey} is malformed`);
      return parsed.data;
    },
    async put(record) {
      await entity.set(keys.issueActivity(record.issueKey), activityRecordSchema.parse(record));
    },
  };
}
