// The one check of who may call a resolver (its access in the contract), asked of Jira as the calling user.
import type { Access } from '../contract/resolvers';
import { createJiraGateway } from '../jira/gateway';

/** Answers are kept briefly: a page load calls several resolvers, and rights rarely change by the second. */
const CACHE_MS = 30_000;
const adminCache = new Map<string, { admin: boolean; until: number }>();

export async function callerMay(access: Access, accountId: string): Promise<boolean> {
  if (access === 'user') return true;
  return isJiraAdmin(accountId);
}

async function isJiraAdmin(accountId: string): Promise<boolean> {
  const now = Date.now();
  const cached = adminCache.get(accountId);
  if (cached && cached.until > now) return cached.admin;
  const admin = await createJiraGateway('user').hasGlobalPermission('ADMINISTER');
  adminCache.set(accountId, { admin, until: now + CACHE_MS });
  return admin;
}
