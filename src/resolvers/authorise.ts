// The one check of who may call a resolver (its access in the contract). Admin rights are asked of Jira as the
// calling user; billing groups are the caller's groups (read as the app) against the admin page's settings.
import type { Access } from '../contract/resolvers';
import { createJiraGateway } from '../jira/gateway';
import { createConfigStore } from '../store/config-store';

/** Answers are kept briefly: a page load calls several resolvers, and rights rarely change by the second. */
const CACHE_MS = 30_000;

export async function callerMay(access: Access, accountId: string): Promise<boolean> {
  switch (access) {
    case 'user':
      return true;
    case 'admin':
      return isJiraAdmin(accountId);
    case 'billing':
      return (await isJiraAdmin(accountId)) || inBillingGroup(accountId);
  }
}

async function cached<V>(cache: Map<string, { value: V; until: number }>, accountId: string, read: () => Promise<V>): Promise<V> {
  const now = Date.now();
  const hit = cache.get(accountId);
  if (hit && hit.until > now) return hit.value;
  const value = await read();
  cache.set(accountId, { value, until: now + CACHE_MS });
  return value;
}

const adminAnswers = new Map<string, { value: boolean; until: number }>();
const billingAnswers = new Map<string, { value: boolean; until: number }>();

function isJiraAdmin(accountId: string): Promise<boolean> {
  return cached(adminAnswers, accountId, () => createJiraGateway('user').hasGlobalPermission('ADMINISTER'));
}

function inBillingGroup(accountId: string): Promise<boolean> {
  return cached(billingAnswers, accountId, async () => {
    const groups = (await createConfigStore().getSettings())?.record.billingGroups ?? [];
    if (groups.length === 0) return false;
    const mine = new Set(await createJiraGateway('app').getUserGroups(accountId));
    return groups.some((g) => mine.has(g));
  });
}
