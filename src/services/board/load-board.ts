// Use case: the priority board as one person may see it. Which issues are on it comes from one id-only Jira
// search as that person (so Jira's browse permissions decide, never our storage); what each issue shows comes
// from the read model the SLA triggers keep in KVS (no Jira call per issue).
import type { BoardItem, BoardLane, BoardRequest, BoardView } from '../../contract/board';
import type { Customer } from '../../contract/config';
import { nextForTeam, rankLane, scoreIssues, type BoardClock, type RankedItem, type ScoredIssue } from '../../domain/board';
import type { IssueSlaRecord, SlaStore } from '../../store/sla-store';
import type { ConfigStore } from '../../store/config-store';
import { settingsOrDefault } from '../config/settings';

/** The most a lane shows at once; past it the lane says so. */
export const LANE_LIMIT = 100;
const NEXT_LIMIT = 20;

export interface BoardDeps {
  /** As the viewing user. */
  jira: {
    getMyself(): Promise<{ accountId: string; accountType?: string; emailAddress?: string }>;
    searchIssueIds(jql: string): Promise<{ issues: { id: string }[] }>;
    listPriorities(): Promise<string[]>;
  };
  config: ConfigStore;
  sla: SlaStore;
  now: number;
}

export async function loadBoard(deps: BoardDeps, request: BoardRequest): Promise<BoardView> {
  const [me, visible, priorities, customers, settings] = await Promise.all([
    deps.jira.getMyself(),
    deps.jira.searchIssueIds('resolution = Unresolved'),
    deps.jira.listPriorities(),
    deps.config.listCustomers(),
    deps.config.getSettings(),
  ]);
  const visibleIds = new Set(visible.issues.map((i) => i.id));
  // A customer's contact (a portal account) sees their own company's lane only, read-only.
  const contactOf = me.accountType === 'customer' ? customers.find((c) => c.record.contacts.some((k) => k.email.toLowerCase() === me.emailAddress?.toLowerCase())) : undefined;
  const isContact = me.accountType === 'customer';
  const shown = customers
    .map((c) => c.record)
    // A contact whose email Jira does not show is placed by the issues they may see (only their company's).
    .filter((c) => (!isContact ? true : contactOf ? c.key === contactOf.record.key : true))
    .filter((c) => !request.customerKey || c.key === request.customerKey)
    .filter((c) => !request.mine || c.serviceManagerAccountId === me.accountId);
  const context = { weights: settingsOrDefault(settings).weights, priorities, now: deps.now };

  const lanes: { customer: Customer; ranked: RankedItem[]; records: Map<string, IssueSlaRecord>; open: number; breached: number }[] = [];
  for (const customer of shown) {
    const records = (await readOpen(deps.sla, customer.key)).filter((r) => visibleIds.has(r.issueId) && matches(r, request));
    const byId = new Map(records.map((r) => [r.issueId, r]));
    const scored = scoreIssues(records.map((r) => boardIssue(r, customer)), context);
    const ranked = rankLane(scored).items;
    lanes.push({ customer, ranked, records: byId, open: records.length, breached: scored.filter((s) => s.pinned).length });
  }

  const item = (ranked: { item: ScoredIssue }, records: Map<string, IssueSlaRecord>): BoardItem => toItem(records.get(ranked.item.issueId) as IssueSlaRecord, ranked.item);
  const boardLanes: BoardLane[] = lanes.filter((l) => !isContact || contactOf || l.open > 0).map((l) => ({
    customer: { key: l.customer.key, name: l.customer.name, tier: l.customer.tier },
    health: { open: l.open, breached: l.breached, includedHours: null },
    items: l.ranked.slice(0, LANE_LIMIT).map((r) => item(r, l.records)),
    truncated: l.ranked.length > LANE_LIMIT,
  }));
  const allRecords = new Map(lanes.flatMap((l) => [...l.records]));
  const next = isContact
    ? []
    : nextForTeam(lanes.map((l) => ({ customerKey: l.customer.key, lane: { items: l.ranked, unusedRanks: [], invalidRanks: [] } })), NEXT_LIMIT).map((t) => item(t, allRecords));
  return {
    viewer: isContact ? { kind: 'contact', customerKey: contactOf?.record.key ?? boardLanes[0]?.customer.key ?? '' } : { kind: 'staff' },
    lanes: boardLanes,
    next,
    generatedAt: new Date(deps.now).toISOString(),
  };
}

async function readOpen(sla: SlaStore, customerKey: string): Promise<IssueSlaRecord[]> {
  const out: IssueSlaRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await sla.openOf(customerKey, cursor);
    out.push(...page.records);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

function clocksOf(record: IssueSlaRecord): BoardClock[] {
  return Object.entries(record.property.metrics).map(([key, m]) => ({
    key,
    name: m.name,
    state: m.state,
    targetMinutes: m.targetMinutes ?? null,
    remainingMinutes: m.remainingMinutes ?? null,
    breached: m.breached === 'true',
  }));
}

function boardIssue(record: IssueSlaRecord, customer: Customer) {
  return { issueId: record.issueId, key: record.issueKey, created: record.board.created, priority: record.board.priority, tier: customer.tier, clocks: clocksOf(record) };
}

function matches(record: IssueSlaRecord, request: BoardRequest): boolean {
  if (request.issueType && record.board.issueType !== request.issueType) return false;
  if (request.assignee) {
    const assignee = record.board.assignee?.accountId ?? 'unassigned';
    if (assignee !== request.assignee) return false;
  }
  if (request.sla) {
    const clocks = clocksOf(record);
    const running = clocks.filter((c) => c.state === 'running');
    const state =
      clocks.some((c) => c.breached) ? 'breached'
      : running.some((c) => c.targetMinutes && c.remainingMinutes !== null && c.remainingMinutes < c.targetMinutes * 0.25) ? 'atRisk'
      : running.length > 0 ? 'running'
      : clocks.some((c) => c.state === 'paused') ? 'paused'
      : 'none';
    if (state !== request.sla) return false;
  }
  return true;
}

function toItem(record: IssueSlaRecord, scored: ScoredIssue): BoardItem {
  const clocks = clocksOf(record);
  const urgent = [...clocks].filter((c) => c.state === 'running' || c.breached).sort((a, b) => (a.remainingMinutes ?? Infinity) - (b.remainingMinutes ?? Infinity))[0] ?? null;
  const metric = urgent ? record.property.metrics[urgent.key] : undefined;
  return {
    issueId: record.issueId,
    key: record.issueKey,
    summary: record.board.summary,
    issueType: record.board.issueType,
    priority: record.board.priority,
    status: record.board.status,
    assignee: record.board.assignee,
    created: new Date(record.board.created).toISOString(),
    clock: urgent && {
      key: urgent.key,
      name: urgent.name,
      state: urgent.state,
      dueAt: metric?.dueAt ?? null,
      remainingMinutes: urgent.remainingMinutes,
      targetMinutes: urgent.targetMinutes,
      breached: urgent.breached,
    },
    score: { total: scored.total, pinned: scored.pinned, reasons: scored.explanation },
  };
}

