// A month's invoice lines for every customer: the worklogs the app holds that started in the month (in each
// contract's zone), the issues' facts from Jira (one search per 100 issues, as the app), matched to customers
// and billed by the domain rules. Issues whose time tracking disagrees with the worklogs held are reconciled
// with Jira first; what still differs is reported as not visible to the app. A closed month is its snapshot,
// with the later changes listed beside it.
import type { BillingLine, ChangeAfterClose, NotVisibleIssue } from '../../contract/billing';
import { NO_CUSTOMER } from '../../contract/billing';
import type { Contract } from '../../contract/config';
import { billWorklog, customerOfIssue, diffSnapshot, type BillingContract, type BillingCustomer, type BillingTerms, type IssueFact } from '../../domain/billing';
import { createMatcher, type CustomerMatcher } from '../../domain/customers';
import type { JiraGateway, SearchedIssue } from '../../jira/gateway';
import type { JiraWorklog } from '../../jira/worklogs';
import type { BillingPeriod, BillingStore } from '../../store/billing-store';
import type { ConfigStore } from '../../store/config-store';
import type { WorklogStore } from '../../store/worklog-store';
import { reconcileIssue, type SyncDeps } from './sync';

export interface ReportDeps extends SyncDeps {
  jira: SyncDeps['jira'] & Pick<JiraGateway, 'searchIssues'>;
  worklogs: WorklogStore;
  billing: BillingStore;
  config: ConfigStore;
}

export interface MonthReport {
  month: string;
  terms: BillingTerms;
  contracts: ReadonlyMap<string, Contract>;
  /** The month's lines as Jira has them now, per customer key (NO_CUSTOMER for issues no customer matches). */
  live: Map<string, BillingLine[]>;
  /** The invoice's lines per customer key: the live ones, or a closed month's snapshot. */
  lines: Map<string, BillingLine[]>;
  periods: Map<string, BillingPeriod>;
  changedAfterClose: Map<string, ChangeAfterClose[]>;
  notVisible: Map<string, NotVisibleIssue[]>;
  /** When the live figures were counted: null for just now, else the time of the stored count of a large month. */
  figuresAt: string | null;
}

/** More worklogs than a resolver may count in its time: the month is counted in the background instead. */
export class MonthTooLarge extends Error {
  override readonly name = 'MonthTooLarge';
  constructor(readonly worklogs: number) {
    super(`more than ${worklogs} worklogs`);
  }
}

/** UTC offsets reach from -12 to +14 hours: a month in any zone lies inside this window around its UTC month. */
const ZONE_MARGIN_MS = 14 * 3600_000;
const SEARCH_CHUNK = 100;
const BASE_FIELDS = ['summary', 'issuetype', 'labels', 'components', 'project', 'parent', 'timespent'];

export function monthWindow(month: string): { from: number; to: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: Date.UTC(y, m - 1, 1) - ZONE_MARGIN_MS, to: Date.UTC(y, m, 1) + ZONE_MARGIN_MS };
}

export async function billingTerms(config: ConfigStore): Promise<{ terms: BillingTerms; contracts: Map<string, Contract>; matcher: CustomerMatcher; fieldIds: string[] }> {
  const [customers, contracts, calendars, matching] = await Promise.all([config.listCustomers(), config.listContracts(), config.listCalendars(), config.getMatching()]);
  const zoneOf = new Map(calendars.map((c) => [c.record.id, c.record.timeZone]));
  const byKey = new Map<string, BillingCustomer>(customers.map((c) => [c.record.key, { key: c.record.key, name: c.record.name, timeZone: c.record.timeZone }]));
  const billingContracts: BillingContract[] = contracts.map((c) => ({ ...c.record, timeZone: zoneOf.get(c.record.calendarId) ?? byKey.get(c.record.customerKey)?.timeZone ?? 'UTC' }));
  const rules = matching?.record.rules ?? [];
  const fieldIds = [...new Set(rules.flatMap((r) => r.conditions.flatMap((c) => (c.field === 'field' ? [c.fieldId] : []))))];
  return {
    terms: { customers: byKey, contracts: billingContracts },
    contracts: new Map(contracts.map((c) => [c.record.id, c.record])),
    matcher: createMatcher(rules),
    fieldIds,
  };
}

/** A field's value as the strings matching rules compare: a select's value, a user's or option's name, ... */
function fieldStrings(raw: unknown): string[] {
  if (raw === null || raw === undefined) return [];
  if (Array.isArray(raw)) return raw.flatMap(fieldStrings);
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return [String(raw)];
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    for (const k of ['value', 'name', 'key', 'displayName']) if (typeof o[k] === 'string') return [o[k] as string];
  }
  return [];
}

interface Searched {
  fact: IssueFact;
  /** Jira's time tracking total for the issue (every worklog, restricted ones included). */
  timeSpent: number;
}

function toSearched(issue: SearchedIssue, matcher: CustomerMatcher, fieldIds: readonly string[]): Searched {
  const f = issue.fields as {
    summary?: string;
    issuetype?: { name?: string; subtask?: boolean };
    labels?: string[];
    components?: { name: string }[];
    project?: { key?: string };
    parent?: { id?: string };
    timespent?: number | null;
  };
  const fields: Record<string, string[]> = {};
  for (const id of fieldIds) fields[id] = fieldStrings(issue.fields[id]);
  const match = matcher({ projectKey: f.project?.key ?? '', labels: f.labels ?? [], components: (f.components ?? []).map((c) => c.name), fields });
  return {
    fact: {
      id: issue.id,
      key: issue.key,
      summary: f.summary ?? '',
      issueType: f.issuetype?.name ?? '',
      labels: f.labels ?? [],
      // Only a sub-task inherits its parent's customer; a story's `parent` is its epic, which may be anyone's.
      parentId: f.issuetype?.subtask === true ? (f.parent?.id ?? null) : null,
      customerKey: match?.customerKey ?? null,
    },
    timeSpent: f.timespent ?? 0,
  };
}

async function searchFacts(deps: ReportDeps, ids: readonly string[], matcher: CustomerMatcher, fieldIds: readonly string[]): Promise<Map<string, Searched>> {
  const out = new Map<string, Searched>();
  const fields = [...BASE_FIELDS, ...fieldIds];
  for (let i = 0; i < ids.length; i += SEARCH_CHUNK) {
    const chunk = ids.slice(i, i + SEARCH_CHUNK);
    const found = await deps.jira.searchIssues(`id in (${chunk.join(',')})`, fields, [], { maxResults: chunk.length });
    for (const issue of found.issues) out.set(issue.id, toSearched(issue, matcher, fieldIds));
  }
  // Jira's search lags behind writes: what it did not return yet is asked again with read-after-write consistency.
  const missing = ids.filter((id) => !out.has(id));
  for (let i = 0; i < missing.length; i += 50) {
    const chunk = missing.slice(i, i + 50);
    const found = await deps.jira.searchIssues(`id in (${chunk.join(',')})`, fields, [], { maxResults: chunk.length, reconcileIssues: chunk });
    for (const issue of found.issues) out.set(issue.id, toSearched(issue, matcher, fieldIds));
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The month counted now; `maxWorklogs` stops early (MonthTooLarge) when the month holds more than that. */
export async function buildMonthReport(deps: ReportDeps, month: string, options: { maxWorklogs?: number } = {}): Promise<MonthReport> {
  const { from, to } = monthWindow(month);
  const { terms, contracts, matcher, fieldIds } = await billingTerms(deps.config);

  const byIssue = new Map<string, JiraWorklog[]>();
  let read = 0;
  for await (const page of deps.worklogs.startedBetween(from, to)) {
    for (const w of page) push(byIssue, w.issueId, w);
    read += page.length;
    if (options.maxWorklogs !== undefined && read > options.maxWorklogs) throw new MonthTooLarge(options.maxWorklogs);
  }
  const issueIds = [...byIssue.keys()];
  const issues = await searchFacts(deps, issueIds, matcher, fieldIds);

  // Time tracking against the worklogs held: a difference is reconciled with Jira; what remains, the app cannot read.
  const totals = await deps.worklogs.totals(issueIds);
  const differing = issueIds.filter((id) => issues.has(id) && (issues.get(id) as Searched).timeSpent !== (totals.get(id)?.seconds ?? 0));
  for (const issueId of differing) {
    await reconcileIssue(deps, issueId, from, to);
    byIssue.set(issueId, await deps.worklogs.ofIssue(issueId, from, to));
  }
  const after = await deps.worklogs.totals(differing);

  const parentIds = [...new Set([...issues.values()].map((s) => s.fact.parentId).filter((p): p is string => p !== null && !issues.has(p)))];
  const parents = await searchFacts(deps, parentIds, matcher, fieldIds);
  const facts = new Map<string, IssueFact>([...issues, ...parents].map(([id, s]) => [id, s.fact]));

  const live = new Map<string, BillingLine[]>();
  const notVisible = new Map<string, NotVisibleIssue[]>();
  for (const [issueId, worklogs] of byIssue) {
    const fact = facts.get(issueId);
    // Neither searchable nor reconcilable: the issue is deleted or hidden from the app; it bills nothing.
    if (!fact) continue;
    for (const w of worklogs) {
      const line = billWorklog(w, fact, facts, terms);
      if (!line.date.startsWith(month)) continue;
      push(live, line.customerKey ?? NO_CUSTOMER, line);
    }
  }
  for (const issueId of differing) {
    const searched = issues.get(issueId) as Searched;
    const hidden = searched.timeSpent - (after.get(issueId)?.seconds ?? 0);
    if (hidden <= 0) continue;
    const key = customerOfIssue(searched.fact, facts) ?? NO_CUSTOMER;
    push(notVisible, key, { issueKey: searched.fact.key, summary: searched.fact.summary, seconds: hidden });
  }

  for (const key of terms.customers.keys()) if (!live.has(key)) live.set(key, []);
  for (const list of live.values()) sortLines(list);
  return withClosures(deps, { month, terms, contracts, live, notVisible, figuresAt: null });
}

/** The report with each closed month's snapshot as its invoice, and what changed in Jira since the closing. */
export async function withClosures(
  deps: Pick<ReportDeps, 'billing'>,
  base: Pick<MonthReport, 'month' | 'terms' | 'contracts' | 'live' | 'notVisible' | 'figuresAt'>,
): Promise<MonthReport> {
  const lines = new Map<string, BillingLine[]>();
  const periods = new Map<string, BillingPeriod>();
  const changedAfterClose = new Map<string, ChangeAfterClose[]>();
  for (const [key, current] of base.live) {
    const period = key === NO_CUSTOMER ? null : await deps.billing.period(key, base.month);
    if (period) periods.set(key, period);
    if (period?.snapshotId) {
      const closed = await deps.billing.snapshotLines(period);
      lines.set(key, closed);
      changedAfterClose.set(key, diffSnapshot(closed, current));
    } else {
      lines.set(key, current);
    }
  }
  return { ...base, lines, periods, changedAfterClose };
}

/** Invoice order: by day, then issue, then start. */
export function sortLines(lines: BillingLine[]): BillingLine[] {
  return lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true }) || a.started - b.started || a.worklogId.localeCompare(b.worklogId)));
}
