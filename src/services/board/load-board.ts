// Use case: the priority board as one person may see it. Which issues are on it comes from one id-only Jira
// search as that person (so Jira's browse permissions decide, never our storage); what each issue shows comes
// from the read model the SLA triggers keep in KVS (no Jira call per issue).
import type { BoardItem, BoardLane, BoardRequest, BoardView } from '../../contract/board';
import type { Customer, Settings } from '../../contract/config';
import { contractInForce, localDate, monthOf } from '../../domain/contracts';
import { nextForTeam, rankLane, scoreIssues, slaBand, type BoardClock, type RankedItem, type Reason, type ScoredIssue } from '../../domain/board';
import type { BoardRank, BoardRankStore } from '../../store/board-rank-store';
import type { IssueSlaRecord, SlaStore } from '../../store/sla-store';
import type { ConfigStore } from '../../store/config-store';
import { settingsOrDefault } from '../config/settings';

/** The most a lane shows on the whole board; past it the lane says so, and the lane alone shows the rest. */
export const LANE_LIMIT = 100;
/** The most one customer's lane shows when asked for alone (`customerKey`). */
export const LANE_ALONE_LIMIT = 5_000;
const NEXT_LIMIT = 20;

export interface BoardDeps {
  /** As the viewing user. */
  jira: {
    getMyself(): Promise<{ accountId: string; displayName: string; accountType?: string; emailAddress?: string }>;
    searchIssueIds(jql: string): Promise<{ issues: { id: string }[] }>;
    listPriorities(): Promise<string[]>;
  };
  config: ConfigStore;
  sla: SlaStore;
  ranks: BoardRankStore;
  /** Billable seconds per customer in the month of an instant, as billing last counted them. */
  hours: { usedThisMonth(now: number): Promise<ReadonlyMap<string, number> | null> };
  now: number;
}

export interface BoardViewer {
  accountId: string;
  /** A customer's contact sees their company's lane only, read-only. */
  contact: boolean;
  /** Issue ids the viewer may browse, open ones (from one id-only search as the viewer). */
  visible: ReadonlySet<string>;
}

/** Who is looking and what Jira lets them see: three Jira calls, whatever the board's size. */
export async function boardViewer(jira: BoardDeps['jira']): Promise<BoardViewer & { displayName: string; email: string | undefined; priorities: string[] }> {
  const [me, visible, priorities] = await Promise.all([jira.getMyself(), jira.searchIssueIds('resolution = Unresolved'), jira.listPriorities()]);
  return { accountId: me.accountId, displayName: me.displayName, contact: me.accountType === 'customer', visible: new Set(visible.issues.map((i) => i.id)), email: me.emailAddress, priorities };
}

export interface LaneContext {
  weights: Settings['weights'];
  priorities: readonly string[];
  now: number;
  /** Billable seconds this month per customer key, as billing last counted them; null when not counted yet. */
  hoursUsed: ReadonlyMap<string, number> | null;
}

export interface Lane {
  customer: Customer;
  includedHours: number | null;
  hoursUsed: number | null;
  thisMonth: { resolved: number; withinSla: number };
  ranked: RankedItem[];
  records: Map<string, IssueSlaRecord>;
  ranks: Map<string, BoardRank>;
  /** Hand-made ranks of issues no longer on the board. */
  unusedRanks: string[];
  /** Assignees and issue types of the lane's open work the viewer may see, before the filters. */
  choices: { assignees: Map<string, string>; issueTypes: Set<string> };
}

/** One customer's lane as the viewer may see it, filtered, scored and ranked (breached first, then by hand and score). */
export async function loadLane(deps: Pick<BoardDeps, 'sla' | 'ranks' | 'config'>, customer: Customer, viewer: BoardViewer, context: LaneContext, request: BoardRequest = {}): Promise<Lane> {
  const [all, rankList, done, contracts] = await Promise.all([
    readAll((cursor) => deps.sla.openOf(customer.key, cursor)),
    deps.ranks.ranksOf(customer.key),
    readAll((cursor) => deps.sla.doneOf(customer.key, cursor)),
    deps.config.listContractsOf(customer.key),
  ]);
  // This month in the customer's zone: resolved issues, and those that never breached (counts only).
  const month = monthOf(context.now, customer.timeZone);
  const resolved = done.filter((r) => r.board.resolved !== null && r.board.resolved >= month.from && r.board.resolved < month.to);
  const thisMonth = { resolved: resolved.length, withinSla: resolved.filter((r) => r.property.everBreached !== 'true').length };
  const contract = contractInForce(contracts.map((c) => c.record), customer.key, localDate(context.now, customer.timeZone));
  const visible = all.filter((r) => viewer.visible.has(r.issueId));
  const records = visible.filter((r) => matches(r, request));
  const choices = { assignees: new Map<string, string>(), issueTypes: new Set<string>() };
  for (const r of visible) {
    if (r.board.assignee) choices.assignees.set(r.board.assignee.accountId, r.board.assignee.displayName);
    if (r.board.issueType) choices.issueTypes.add(r.board.issueType);
  }
  const ranks = new Map(rankList.map((r) => [r.issueId, r]));
  const scored = scoreIssues(records.map((r) => boardIssue(r, customer)), context);
  const lane = rankLane(scored, Object.fromEntries(rankList.map((r) => [r.issueId, r.rankKey])));
  // Ranks of issues that left the board (resolved, moved away): only when the lane is unfiltered, or a filter would hide them.
  const onBoard = new Set(all.map((r) => r.issueId));
  const unusedRanks = rankList.filter((r) => !onBoard.has(r.issueId)).map((r) => r.issueId);
  return {
    customer,
    includedHours: contract?.includedHoursPerMonth ?? null,
    hoursUsed: context.hoursUsed ? Math.round(((context.hoursUsed.get(customer.key) ?? 0) / 3600) * 100) / 100 : null,
    thisMonth,
    ranked: lane.items,
    records: new Map(records.map((r) => [r.issueId, r])),
    ranks,
    unusedRanks,
    choices,
  };
}

export function laneView(lane: Lane, viewer: Pick<BoardViewer, 'contact'>, limit = LANE_LIMIT): BoardLane {
  return {
    customer: { key: lane.customer.key, name: lane.customer.name, tier: lane.customer.tier },
    health: {
      open: lane.ranked.length,
      breached: lane.ranked.filter((r) => r.pinned).length,
      includedHours: lane.includedHours,
      // Hours are billing's figures: the service team sees them, a customer's contact does not.
      hoursUsed: viewer.contact ? null : lane.hoursUsed,
      thisMonth: lane.thisMonth,
    },
    items: lane.ranked.slice(0, limit).map((r) => toItem(lane.records.get(r.item.issueId) as IssueSlaRecord, r, lane.ranks.get(r.item.issueId), viewer)),
    truncated: lane.ranked.length > limit,
  };
}

export async function loadBoard(deps: BoardDeps, request: BoardRequest): Promise<BoardView> {
  const [viewer, customers, settings, hoursUsed] = await Promise.all([boardViewer(deps.jira), deps.config.listCustomers(), deps.config.getSettings(), deps.hours.usedThisMonth(deps.now)]);
  const contactOf = viewer.contact ? customers.find((c) => c.record.contacts.some((k) => k.email.toLowerCase() === viewer.email?.toLowerCase())) : undefined;
  const shown = customers
    .map((c) => c.record)
    // A contact whose email Jira does not show is placed by the issues they may see (only their company's).
    .filter((c) => (!viewer.contact ? true : contactOf ? c.key === contactOf.record.key : true))
    .filter((c) => !request.customerKey || c.key === request.customerKey)
    .filter((c) => !request.mine || c.serviceManagerAccountId === viewer.accountId);
  const context: LaneContext = { weights: settingsOrDefault(settings).weights, priorities: viewer.priorities, now: deps.now, hoursUsed };

  // Lanes read their own KVS partitions: all at once.
  const lanes = await Promise.all(shown.map((customer) => loadLane(deps, customer, viewer, context, request)));
  const visibleLanes = lanes.filter((l) => !viewer.contact || contactOf || l.ranked.length > 0);
  const allRecords = new Map(lanes.flatMap((l) => [...l.records]));
  const allRanks = new Map(lanes.flatMap((l) => [...l.ranks]));
  const next = viewer.contact
    ? []
    : nextForTeam(lanes.map((l) => ({ customerKey: l.customer.key, lane: { items: l.ranked, unusedRanks: [], invalidRanks: [] } })), NEXT_LIMIT).map((t) =>
        toItem(allRecords.get(t.item.issueId) as IssueSlaRecord, t, allRanks.get(t.item.issueId), viewer),
      );
  const boardLanes = visibleLanes.map((l) => laneView(l, viewer, request.customerKey ? LANE_ALONE_LIMIT : LANE_LIMIT));
  return {
    viewer: viewer.contact ? { kind: 'contact', customerKey: contactOf?.record.key ?? boardLanes[0]?.customer.key ?? '' } : { kind: 'staff' },
    lanes: boardLanes,
    next,
    choices: boardChoices(viewer.contact ? visibleLanes.map((l) => l.customer) : customers.map((c) => c.record), visibleLanes),
    generatedAt: new Date(deps.now).toISOString(),
  };
}

function boardChoices(customers: readonly Customer[], lanes: readonly Lane[]): BoardView['choices'] {
  const assignees = new Map(lanes.flatMap((l) => [...l.choices.assignees]));
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    customers: customers.map((c) => ({ key: c.key, name: c.name })).sort((a, b) => byName(a.name, b.name)),
    assignees: [...assignees].map(([accountId, displayName]) => ({ accountId, displayName })).sort((a, b) => byName(a.displayName, b.displayName)),
    issueTypes: [...new Set(lanes.flatMap((l) => [...l.choices.issueTypes]))].sort(byName),
  };
}

async function readAll(page: (cursor?: string) => Promise<{ records: IssueSlaRecord[]; cursor?: string }>): Promise<IssueSlaRecord[]> {
  const out: IssueSlaRecord[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    out.push(...next.records);
    cursor = next.cursor;
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
    // The SLA filter reads the same bands as the score: breached, under 25% left (at risk), running, paused.
    const clocks = clocksOf(record);
    const { band } = slaBand(clocks);
    const state =
      band === 'breached' ? 'breached'
      : band === 'under10' || band === 'under25' ? 'atRisk'
      : clocks.some((c) => c.state === 'running') ? 'running'
      : clocks.some((c) => c.state === 'paused') ? 'paused'
      : 'none';
    if (state !== request.sla) return false;
  }
  return true;
}

function toItem(record: IssueSlaRecord, ranked: { item: ScoredIssue; reason: Reason }, rank: BoardRank | undefined, viewer: Pick<BoardViewer, 'contact'>): BoardItem {
  const scored = ranked.item;
  const clocks = clocksOf(record);
  // The most urgent clock: a running or breached one first (least time left), else a paused one (waiting for the customer).
  const byLeft = (a: BoardClock, b: BoardClock) => (a.remainingMinutes ?? Infinity) - (b.remainingMinutes ?? Infinity);
  const urgent = [...clocks].filter((c) => c.state === 'running' || c.breached).sort(byLeft)[0] ?? [...clocks].filter((c) => c.state === 'paused').sort(byLeft)[0] ?? null;
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
    placement: ranked.reason,
    // A customer's contact sees the agreed order, not who on the team moved what.
    moved: rank && !viewer.contact ? { by: rank.movedBy.displayName, at: rank.movedAt, undoable: true } : null,
  };
}

