// Use cases: the app settings and the ordered customer-matching rules (singletons).
import { DEFAULT_SETTINGS, type Matching, type RecordMeta, type RuleFinding, type Settings, type WithMeta } from '../../contract/config';
import { analyseRules } from '../../domain/customers';
import type { Stored } from '../../store/config-store';
import { InvalidInputError } from '../errors';
import { commit, nextMeta, requireRevision, type ConfigDeps } from './deps';

/** A singleton never saved: its defaults at revision 0, which a first save names as its expected revision. */
const NEVER_SAVED: RecordMeta = { revision: 0, updatedAt: new Date(0).toISOString(), updatedBy: { accountId: '', displayName: '' } };

export function settingsOrDefault(stored: Stored<Settings> | null): WithMeta<Settings> {
  return stored ? { ...stored.record, meta: stored.meta } : { ...DEFAULT_SETTINGS, meta: NEVER_SAVED };
}

export function matchingOrDefault(stored: Stored<Matching> | null): WithMeta<Matching> & { findings: RuleFinding[] } {
  const matching = stored ? { ...stored.record, meta: stored.meta } : { rules: [], meta: NEVER_SAVED };
  return { ...matching, findings: analyseRules(matching.rules) };
}

export async function saveSettings(deps: ConfigDeps, settings: Settings, expectedRevision: number | null): Promise<WithMeta<Settings>> {
  const stored = await deps.store.getSettings();
  requireRevision('The settings', stored?.meta ?? null, expectedRevision);
  const meta = nextMeta(deps, stored?.meta ?? null);
  await commit(deps.store, [{ kind: 'settings', value: { record: settings, meta }, expectedRevision: stored?.meta.revision ?? null }]);
  return { ...settings, meta };
}

/** Every rule must name a stored customer, and rule ids are unique. */
export function checkMatching(matching: Matching, customerKeys: ReadonlySet<string>, root: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const ids = new Map<string, number>();
  matching.rules.forEach((rule, i) => {
    if (!customerKeys.has(rule.customerKey)) problems.push({ field: `${root}.rules[${i}].customerKey`, message: `no customer has the key '${rule.customerKey}'` });
    const earlier = ids.get(rule.id);
    if (earlier !== undefined) problems.push({ field: `${root}.rules[${i}].id`, message: `"${rule.id}" is also the id of rules[${earlier}]` });
    ids.set(rule.id, i);
  });
  return problems;
}

export async function saveMatchingRules(deps: ConfigDeps, matching: Matching, expectedRevision: number | null): Promise<WithMeta<Matching> & { findings: RuleFinding[] }> {
  const customers = await deps.store.listCustomers();
  const problems = checkMatching(matching, new Set(customers.map((c) => c.record.key)), 'matching');
  if (problems.length > 0) throw new InvalidInputError(problems);
  const stored = await deps.store.getMatching();
  requireRevision('The matching rules', stored?.meta ?? null, expectedRevision);
  const meta = nextMeta(deps, stored?.meta ?? null);
  await commit(deps.store, [{ kind: 'matching', value: { record: matching, meta }, expectedRevision: stored?.meta.revision ?? null }]);
  return { ...matching, meta, findings: analyseRules(matching.rules) };
}
