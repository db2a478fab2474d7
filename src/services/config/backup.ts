// Use cases: export all configuration as one file, and import such a file. An import is checked whole before
// anything is written; a bad file changes nothing and says what is wrong where.
import { BACKUP_FORMAT, DEFAULT_SETTINGS, type Backup, type Contract, type PolicyVersion } from '../../contract/config';
import type { ImportSummary } from '../../contract/admin';
import { contractOverlaps, periodProblem } from '../../domain/contracts';
import { MAX_WRITES_PER_COMMIT, type Write } from '../../store/config-store';
import { InvalidInputError } from '../errors';
import { checkCalendar } from './calendars';
import { nextMeta, type ConfigDeps } from './deps';
import { checkPolicy } from './policies';
import { readAllConfig } from './read-all';
import { checkMatching } from './settings';

type Problem = { field: string; message: string };

export async function exportConfig(deps: Pick<ConfigDeps, 'store' | 'now'>): Promise<Backup> {
  const { store } = deps;
  const { customers, contracts, calendars, policies: heads, settings, matching } = await readAllConfig(store);
  const policies = await Promise.all(
    heads.map(async (head) => ({
      id: head.record.id,
      versions: (await store.listPolicyVersions(head.record.id))
        .sort((a, b) => a.version - b.version)
        .map(({ savedAt: _at, savedBy: _by, ...version }) => version),
    })),
  );
  return {
    format: BACKUP_FORMAT,
    exportedAt: new Date(deps.now).toISOString(),
    customers: customers.map((c) => c.record),
    contracts: contracts.map((c) => c.record),
    calendars: calendars.map((c) => c.record),
    policies,
    settings: settings?.record ?? DEFAULT_SETTINGS,
    matching: matching?.record ?? { rules: [] },
  };
}

/** Every problem of the file, each with its path (`backup.contracts[2].calendarId`). */
export function checkBackup(backup: Backup): Problem[] {
  const problems: Problem[] = [];
  const collect = (check: () => void) => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push(...error.fields);
    }
  };
  const unique = <T>(items: readonly T[], id: (t: T) => string, path: string, what: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const earlier = seen.get(id(item));
      if (earlier !== undefined) problems.push({ field: `${path}[${i}]`, message: `${what} "${id(item)}" is also ${path}[${earlier}]` });
      seen.set(id(item), i);
    });
  };
  unique(backup.customers, (c) => c.key, 'backup.customers', 'customer key');
  unique(backup.contracts, (c) => c.id, 'backup.contracts', 'contract id');
  unique(backup.calendars, (c) => c.id, 'backup.calendars', 'calendar id');
  unique(backup.policies, (p) => p.id, 'backup.policies', 'policy id');

  backup.calendars.forEach((calendar, i) => collect(() => checkCalendar(calendar, `backup.calendars[${i}]`)));
  const calendarIds = new Set(backup.calendars.map((c) => c.id));
  backup.policies.forEach((policy, i) => {
    unique(policy.versions, (v) => String(v.version), `backup.policies[${i}].versions`, 'version');
    policy.versions.forEach((version, j) => {
      const root = `backup.policies[${i}].versions[${j}]`;
      if (version.id !== policy.id) problems.push({ field: `${root}.id`, message: `must be the policy's id "${policy.id}"` });
      collect(() => checkPolicy(version, calendarIds, root));
    });
  });

  const customerKeys = new Set(backup.customers.map((c) => c.key));
  const policyIds = new Set(backup.policies.map((p) => p.id));
  backup.contracts.forEach((contract, i) => {
    const root = `backup.contracts[${i}]`;
    if (!customerKeys.has(contract.customerKey)) problems.push({ field: `${root}.customerKey`, message: `no customer in the file has the key '${contract.customerKey}'` });
    if (!calendarIds.has(contract.calendarId)) problems.push({ field: `${root}.calendarId`, message: `no calendar in the file has the id '${contract.calendarId}'` });
    if (!policyIds.has(contract.policyId)) problems.push({ field: `${root}.policyId`, message: `no SLA policy in the file has the id '${contract.policyId}'` });
    const period = periodProblem(contract);
    if (period) problems.push({ field: `${root}.validTo`, message: period.message });
    const overlap = contractOverlaps(backup.contracts.slice(0, i), contract)[0];
    if (overlap) problems.push({ field: `${root}.validFrom`, message: `overlaps contract '${overlap.name}' of the same customer` });
  });
  problems.push(...checkMatching(backup.matching, customerKeys, 'backup.matching'));
  return problems;
}

export async function importConfig(deps: ConfigDeps, backup: Backup): Promise<ImportSummary> {
  const problems = checkBackup(backup);
  if (problems.length > 0) throw new InvalidInputError(problems);
  const { store } = deps;
  const { customers, contracts, calendars, policies, settings, matching } = await readAllConfig(store);
  const byKey = <T>(items: T[], key: (t: T) => string) => new Map(items.map((i) => [key(i), i]));
  const storedCustomers = byKey(customers, (c) => c.record.key);
  const storedContracts = byKey(contracts, (c) => c.record.id);
  const storedCalendars = byKey(calendars, (c) => c.record.id);
  const storedPolicies = byKey(policies, (p) => p.record.id);

  const writes: Write[] = [];
  for (const calendar of backup.calendars) {
    const stored = storedCalendars.get(calendar.id);
    writes.push({ kind: 'calendar', value: { record: calendar, meta: nextMeta(deps, stored?.meta ?? null) }, expectedRevision: stored?.meta.revision ?? null });
  }
  for (const policy of backup.policies) writes.push(...(await policyWrites(deps, policy, storedPolicies.get(policy.id) ?? null)));
  const contractsOf = new Map<string, Contract[]>();
  for (const contract of backup.contracts) contractsOf.set(contract.customerKey, [...(contractsOf.get(contract.customerKey) ?? []), contract]);
  for (const customer of backup.customers) {
    const stored = storedCustomers.get(customer.key);
    writes.push({
      kind: 'customer',
      value: {
        record: customer,
        meta: nextMeta(deps, stored?.meta ?? null),
        contractIds: (contractsOf.get(customer.key) ?? []).map((c) => c.id).sort(),
        contractsRevision: (stored?.contractsRevision ?? 0) + 1,
      },
      expected: { revision: stored?.meta.revision ?? null },
    });
  }
  for (const contract of backup.contracts) {
    const stored = storedContracts.get(contract.id);
    writes.push({ kind: 'contract', value: { record: contract, meta: nextMeta(deps, stored?.meta ?? null) }, expectedRevision: stored?.meta.revision ?? null });
  }
  writes.push({ kind: 'settings', value: { record: backup.settings, meta: nextMeta(deps, settings?.meta ?? null) }, expectedRevision: settings?.meta.revision ?? null });
  writes.push({ kind: 'matching', value: { record: backup.matching, meta: nextMeta(deps, matching?.meta ?? null) }, expectedRevision: matching?.meta.revision ?? null });

  // Then what the file no longer has, dependants first.
  const keep = { contracts: new Set(backup.contracts.map((c) => c.id)), customers: new Set(backup.customers.map((c) => c.key)), policies: new Set(backup.policies.map((p) => p.id)), calendars: new Set(backup.calendars.map((c) => c.id)) };
  let removed = 0;
  const remove = (table: 'contract' | 'customer' | 'policy' | 'calendar', key: string, revision: number) => {
    writes.push({ kind: 'delete', table, key, expectedRevision: revision });
    removed++;
  };
  for (const c of contracts) if (!keep.contracts.has(c.record.id)) remove('contract', c.record.id, c.meta.revision);
  for (const c of customers) if (!keep.customers.has(c.record.key)) remove('customer', c.record.key, c.meta.revision);
  for (const p of policies) if (!keep.policies.has(p.record.id)) remove('policy', p.record.id, p.meta.revision);
  for (const c of calendars) if (!keep.calendars.has(c.record.id)) remove('calendar', c.record.id, c.meta.revision);

  for (let i = 0; i < writes.length; i += MAX_WRITES_PER_COMMIT) await store.commit(writes.slice(i, i + MAX_WRITES_PER_COMMIT));
  return { customers: backup.customers.length, contracts: backup.contracts.length, calendars: backup.calendars.length, policies: backup.policies.length, removed };
}

/** Versions never change: the file's versions that are not stored are added, and a different latest becomes a new version. */
async function policyWrites(deps: ConfigDeps, policy: Backup['policies'][number], stored: Awaited<ReturnType<ConfigDeps['store']['getPolicy']>>): Promise<Write[]> {
  const existing = stored ? await deps.store.listPolicyVersions(policy.id) : [];
  const have = new Map(existing.map((v) => [v.version, v]));
  const meta = nextMeta(deps, stored?.meta ?? null);
  const stamp = (v: Backup['policies'][number]['versions'][number], version: number): PolicyVersion => ({ ...v, version, savedAt: meta.updatedAt, savedBy: meta.updatedBy });
  const writes: Write[] = [];
  for (const v of policy.versions) if (!have.has(v.version)) writes.push({ kind: 'policyVersion', value: stamp(v, v.version) });
  const fileLatest = [...policy.versions].sort((a, b) => b.version - a.version)[0] as Backup['policies'][number]['versions'][number];
  let latestVersion = Math.max(fileLatest.version, ...existing.map((v) => v.version));
  const storedLatest = have.get(latestVersion);
  if (storedLatest && fileLatest.version <= latestVersion && !sameContent(storedLatest, fileLatest)) {
    latestVersion += 1;
    writes.push({ kind: 'policyVersion', value: stamp(fileLatest, latestVersion) });
  }
  writes.unshift({ kind: 'policy', value: { record: { id: policy.id, name: fileLatest.name, latestVersion }, meta }, expectedRevision: stored?.meta.revision ?? null });
  return writes;
}

function sameContent(a: PolicyVersion, b: Backup['policies'][number]['versions'][number]): boolean {
  const strip = (v: { name: string; description: string; metrics: unknown }) => JSON.stringify({ name: v.name, description: v.description, metrics: v.metrics });
  return strip(a) === strip(b);
}
