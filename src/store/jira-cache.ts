// Facts about the Jira site the SLA recompute needs on every event but that rarely change (status categories, a
// person's groups): kept in KVS with an expiry, so an event costs no extra Jira call in the steady state.
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { keys } from './keys';

const categoriesSchema = z.record(z.string(), z.enum(['new', 'indeterminate', 'done']));
const groupsSchema = z.array(z.string());

export interface JiraCache {
  statusCategories(): Promise<Record<string, 'new' | 'indeterminate' | 'done'> | null>;
  setStatusCategories(categories: Record<string, 'new' | 'indeterminate' | 'done'>): Promise<void>;
  groupsOf(accountId: string): Promise<string[] | null>;
  setGroupsOf(accountId: string, groups: string[]): Promise<void>;
}

/** Statuses change when an admin edits a workflow: an hour is late enough. Group membership: six hours. */
const STATUS_TTL = { value: 1, unit: 'HOURS' } as const;
const GROUPS_TTL = { value: 6, unit: 'HOURS' } as const;

export function createJiraCache(): JiraCache {
  const read = async <T>(key: string, schema: z.ZodType<T>): Promise<T | null> => {
    const parsed = schema.safeParse(await kvs.get(key));
    // A missing or unreadable entry is only a cache miss: it is read from Jira again.
    return parsed.success ? parsed.data : null;
  };
  return {
    statusCategories: () => read(keys.statusCategories(), categoriesSchema),
    async setStatusCategories(categories) {
      await kvs.set(keys.statusCategories(), categories, { ttl: STATUS_TTL });
    },
    groupsOf: (accountId) => read(keys.accountGroups(accountId), groupsSchema),
    async setGroupsOf(accountId, groups) {
      await kvs.set(keys.accountGroups(accountId), groups, { ttl: GROUPS_TTL });
    },
  };
}
