// Use cases: SLA policies are versioned. Saving creates the next version and keeps every earlier one, so a
// clock that closed under version 3 can still say so.
import type { CalendarRecord, PolicyDraft, PolicyMetric, PolicySummary, PolicyVersion } from '../../contract/config';
import { parsePolicy, ValidationError, type Metric, type Policy } from '../../domain/sla';
import type { Stored, PolicyHead } from '../../store/config-store';
import { InvalidInputError, NotFoundError, RefusedError } from '../errors';
import { commit, nextMeta, requireRevision, type ConfigDeps } from './deps';

/** The engine's policy for a stored version: metric calendars resolved (absent = the contract's calendar). */
export function toEnginePolicy(version: Pick<PolicyDraft, 'id' | 'name' | 'metrics'> & { version?: number }, calendars: ReadonlyMap<string, CalendarRecord>): Policy {
  return {
    id: version.id,
    name: version.name,
    ...(version.version ? { version: version.version } : {}),
    metrics: version.metrics.map((m) => toEngineMetric(m, calendars)),
  };
}

function toEngineMetric(metric: PolicyMetric, calendars: ReadonlyMap<string, CalendarRecord>): Metric {
  const { calendarId, pause, ...rest } = metric;
  const calendar = calendarId ? calendars.get(calendarId) : undefined;
  return { ...rest, ...(pause.length > 0 ? { pause } : {}), ...(calendar ? { calendar } : {}) };
}

/** Checks the policy's meaning with the engine's parser; paths name the draft's fields (`policy.metrics[0]...`). */
export function checkPolicy(draft: PolicyDraft, calendarIds: ReadonlySet<string>, root: string): void {
  const problems: { field: string; message: string }[] = [];
  try {
    parsePolicy({ name: draft.name, metrics: draft.metrics.map(({ calendarId: _unused, pause, ...m }) => ({ ...m, ...(pause.length > 0 ? { pause } : {}) })) }, root);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...error.issues.map((i) => ({ field: i.path, message: i.message })));
  }
  draft.metrics.forEach((m, i) => {
    if (m.calendarId && !calendarIds.has(m.calendarId)) problems.push({ field: `${root}.metrics[${i}].calendarId`, message: `no calendar has the id '${m.calendarId}'` });
  });
  if (problems.length > 0) throw new InvalidInputError(problems);
}

export function summarise(head: Stored<PolicyHead>, latest: PolicyVersion): PolicySummary {
  return { id: head.record.id, latest, versions: head.record.latestVersion, meta: head.meta };
}

export async function saveSlaPolicy(deps: ConfigDeps, draft: PolicyDraft, expectedRevision: number | null): Promise<PolicySummary> {
  const calendars = await deps.store.listCalendars();
  checkPolicy(draft, new Set(calendars.map((c) => c.record.id)), 'policy');
  const stored = await deps.store.getPolicy(draft.id);
  requireRevision(`SLA policy '${draft.id}'`, stored?.meta ?? null, expectedRevision);
  // A policy deleted and created again continues its numbering: old version keys are never reused.
  const previousVersion = stored?.record.latestVersion ?? Math.max(0, ...(await deps.store.listPolicyVersions(draft.id)).map((v) => v.version));
  const meta = nextMeta(deps, stored?.meta ?? null);
  const version: PolicyVersion = { ...draft, version: previousVersion + 1, savedAt: meta.updatedAt, savedBy: meta.updatedBy };
  const head: Stored<PolicyHead> = { record: { id: draft.id, name: draft.name, latestVersion: version.version }, meta };
  await commit(deps.store, [
    { kind: 'policy', value: head, expectedRevision: stored?.meta.revision ?? null },
    { kind: 'policyVersion', value: version },
  ]);
  return summarise(head, version);
}

export async function listSlaPolicyVersions(deps: Pick<ConfigDeps, 'store'>, id: string): Promise<PolicyVersion[]> {
  const head = await deps.store.getPolicy(id);
  if (!head) throw new NotFoundError(`SLA policy '${id}' does not exist.`);
  return (await deps.store.listPolicyVersions(id)).sort((a, b) => b.version - a.version);
}

/** Refused while a contract uses the policy. Its versions go too (in batches: there may be many). */
export async function deleteSlaPolicy(deps: ConfigDeps, id: string, expectedRevision: number): Promise<void> {
  const stored = await deps.store.getPolicy(id);
  if (!stored) throw new NotFoundError(`SLA policy '${id}' does not exist (it may have been deleted already).`);
  requireRevision(`SLA policy '${stored.record.name}'`, stored.meta, expectedRevision);
  const users = (await deps.store.listContracts()).filter((c) => c.record.policyId === id);
  if (users.length > 0) {
    throw new RefusedError(`SLA policy '${stored.record.name}' is used by ${users.map((c) => `contract '${c.record.name}'`).join(', ')}. Choose another policy there first.`);
  }
  await commit(deps.store, [{ kind: 'delete', table: 'policy', key: id, expectedRevision: stored.meta.revision }]);
  const versions = await deps.store.listPolicyVersions(id);
  for (let i = 0; i < versions.length; i += 25) {
    await deps.store.commit(versions.slice(i, i + 25).map((v) => ({ kind: 'deleteVersion' as const, policyId: id, version: v.version })));
  }
}
