// The order of a customer's lane on the priority board, the hand-made moves that change it, and the team's
// across-customers list (DESIGN.md section 4).
//
// The ranking model
// -----------------
// Every item has an effective rank key (a fractional rank key, see rank-keys.ts), and a lane is sorted by
//   1. pinned (any SLA clock breached) before everything else, whatever the keys say;
//   2. the effective rank key, ascending (plain code-unit order);
//   3. ties: created ascending (the older first), then the issue key (`ACME-9` before `ACME-10`), then issueId.
// The effective key is
//   - for an item a service manager moved by hand: its stored rank key (`manualRanks[issueId]`);
//   - for every other item: a key derived from its score, `scoreRankKey(total, created)`: the integer part
//     counts down from the highest score (higher total = smaller key, one step per 0.01 point), the fraction
//     spells the creation instant (older = smaller). So unmoved items sort by score, then by age, exactly the
//     tie order above, and the same score always maps to the same place on the key line.
// Dropping an item (`moveInLane`) stores a key strictly between the keys of its new neighbours (the shortest
// such key: just below the level of the item above). Because derived keys depend on the score itself and not on
// positions, a stored key is a fixed level on the same line as the scores:
//   - dropped between A and B, the item keeps its place, whatever its own score does later, relative to every
//     other moved item and to every unmoved item whose score stays on the same side of that level: A keeps
//     above it while A's total does not fall below what it was at the drop, B keeps below it while B's total
//     stays below A's total at the drop; an unmoved item that later outscores the level passes it (new
//     information, such as an SLA turning urgent, still counts);
//   - dropped at the top of its group (nothing above), the item gets a key before every possible score level,
//     and at the bottom one after every level: no unmoved item, old or new, ever passes it (only another drop
//     does), so "do this first" and "do this last" hold until the item leaves the board;
//   - a new item slots in by its score, between moved items as their levels say;
//   - breached items stay on top: pinning is applied before keys, and a move never carries an item across the
//     pinned/unpinned boundary (the drop index is clamped to the item's own group);
//   - a moved item keeps its key until the item leaves the board (the service then forgets it; `rankLane`
//     reports keys of issues not in the lane as `unusedRanks`).
// Positions are not what is stored on purpose: keys derived from positions would shift every moved item
// whenever an item enters or leaves the lane above it. Changing the weights rescales every total while moved
// items keep their stored levels; the service may clear manual ranks when the weights change.
//
// Every ranked item says why it sits below the item directly above it (`placement`, and `reason` for the UI):
//   first        top of the lane, not pinned
//   pinned       top of the lane, breached (other pinned items explain their order among themselves as below)
//   belowPinned  first unpinned item; every item above it is breached
//   manual       this item was placed by hand: its stored key puts it here
//   belowManual  the item above was placed by hand above this one
//   score        lower total than the item above
//   tieOlder     same total; the item above was created earlier
//   tieKey       same total and creation instant; the item above has the lower issue key
import { compareRankKeys, integerRankKey, isRankKey, keyBetween, keysBetween, toDigits } from './rank-keys';
import type { Reason, ScoredIssue } from './score';

/** Stored manual ranks of a lane: issueId -> rank key. */
export type ManualRanks = Readonly<Record<string, string>>;

export type Placement = 'first' | 'pinned' | 'belowPinned' | 'manual' | 'belowManual' | 'score' | 'tieOlder' | 'tieKey';

export interface RankedItem {
  item: ScoredIssue;
  /** 1-based place in the lane. */
  position: number;
  pinned: boolean;
  /** Whether the item carries a hand-placed rank key. */
  manual: boolean;
  /** The effective rank key (stored or derived from the score). */
  rankKey: string;
  placement: Placement;
  /** `placement` for the UI: `board.rank.<placement>` with the values it names. */
  reason: Reason;
}

export interface RankedLane {
  items: RankedItem[];
  /** IssueIds with a stored rank but not in the lane (left the board): the service may forget them. */
  unusedRanks: string[];
  /** IssueIds whose stored rank is not a valid rank key: ignored (ranked by score). */
  invalidRanks: string[];
}

const SCORE_DIGITS = 4;
const CREATED_DIGITS = 8;
const SCORE_LEVELS = 62 ** SCORE_DIGITS; // totals 0 .. 147,763.35
const CREATED_LIMIT = 62 ** CREATED_DIGITS - 1; // epoch ms up to the year 8900
/** Sorts before every score-derived key (the key of the highest total, without a creation instant). */
const ABOVE_EVERY_SCORE = integerRankKey(0, SCORE_DIGITS);
/** Sorts after every score-derived key (the lowest total with a fraction beyond any creation instant). */
const BELOW_EVERY_SCORE = integerRankKey(SCORE_LEVELS - 1, SCORE_DIGITS, 'z'.repeat(CREATED_DIGITS + 1));

/**
 * The rank key of an unmoved item: one integer step per 0.01 point counting down from the highest total, then
 * the creation instant as a fixed-width fraction (with a closing `V`, as a fraction never ends in `0`).
 */
export function scoreRankKey(total: number, created: number): string {
  const hundredths = Number.isFinite(total) ? Math.min(Math.max(Math.round(total * 100), 0), SCORE_LEVELS - 1) : 0;
  const instant = Number.isFinite(created) ? Math.min(Math.max(Math.floor(created), 0), CREATED_LIMIT) : 0;
  return integerRankKey(SCORE_LEVELS - 1 - hundredths, SCORE_DIGITS, toDigits(instant, CREATED_DIGITS) + 'V');
}

/** Issue keys in natural order: `ACME-9` before `ACME-10`; otherwise code-unit order. */
export function compareIssueKeys(a: string, b: string): number {
  const ma = /^(.*)-(\d+)$/.exec(a);
  const mb = /^(.*)-(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) {
    const d = Number(ma[2]) - Number(mb[2]);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return compareRankKeys(a, b);
}

function compareTies(a: ScoredIssue, b: ScoredIssue): number {
  if (a.created !== b.created) return a.created < b.created ? -1 : 1;
  return compareIssueKeys(a.key, b.key) || compareRankKeys(a.issueId, b.issueId);
}

interface Entry {
  item: ScoredIssue;
  manual: boolean;
  rankKey: string;
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.item.pinned !== b.item.pinned) return a.item.pinned ? -1 : 1;
  return compareRankKeys(a.rankKey, b.rankKey) || compareTies(a.item, b.item);
}

function placementOf(entry: Entry, above: Entry | undefined): Placement {
  if (!above) return entry.item.pinned ? 'pinned' : 'first';
  if (above.item.pinned && !entry.item.pinned) return 'belowPinned';
  if (above.rankKey !== entry.rankKey) {
    if (entry.manual) return 'manual';
    if (above.manual) return 'belowManual';
    if (above.item.total !== entry.item.total) return 'score';
  }
  return above.item.created !== entry.item.created ? 'tieOlder' : 'tieKey';
}

function reasonOf(placement: Placement, entry: Entry, above: Entry | undefined, pinnedAbove: number): Reason {
  const key = `board.rank.${placement}`;
  const total = entry.item.total;
  switch (placement) {
    case 'first':
    case 'pinned':
    case 'manual':
      return { key, vars: { total } };
    case 'belowPinned':
      return { key, vars: { total, pinned: pinnedAbove } };
    default:
      return { key, vars: { total, above: above?.item.key ?? '', aboveTotal: above?.item.total ?? 0 } };
  }
}

/**
 * A customer's lane in board order (see the model above). `manualRanks` maps issueIds to stored rank keys;
 * invalid keys are ignored and reported, keys of issues not in `items` are reported as unused. A repeated
 * issueId counts once (the first).
 */
export function rankLane(items: readonly ScoredIssue[], manualRanks: ManualRanks = {}): RankedLane {
  const seen = new Set<string>();
  const invalid = new Set<string>();
  const entries: Entry[] = [];
  for (const item of items) {
    if (seen.has(item.issueId)) continue;
    seen.add(item.issueId);
    const stored = Object.hasOwn(manualRanks, item.issueId) ? manualRanks[item.issueId] : undefined;
    if (stored !== undefined && isRankKey(stored)) entries.push({ item, manual: true, rankKey: stored });
    else {
      if (stored !== undefined) invalid.add(item.issueId);
      entries.push({ item, manual: false, rankKey: scoreRankKey(item.total, item.created) });
    }
  }
  entries.sort(compareEntries);

  let pinnedAbove = 0;
  const ranked = entries.map((entry, i): RankedItem => {
    const above = entries[i - 1];
    const placement = placementOf(entry, above);
    const reason = reasonOf(placement, entry, above, pinnedAbove);
    if (entry.item.pinned) pinnedAbove++;
    return { item: entry.item, position: i + 1, pinned: entry.item.pinned, manual: entry.manual, rankKey: entry.rankKey, placement, reason };
  });
  const unusedRanks = Object.keys(manualRanks)
    .filter((id) => !seen.has(id))
    .sort(compareRankKeys);
  return { items: ranked, unusedRanks, invalidRanks: [...invalid].sort(compareRankKeys) };
}

export interface MoveResult {
  /** The 0-based index the item ends at (the requested one, kept within its pinned or unpinned group). */
  index: number;
  /** Rank keys to store: normally the moved item's only; empty when the item does not move. */
  updates: { issueId: string; rankKey: string }[];
}

/**
 * The rank key(s) to store when a service manager drops `issueId` so that it ends at 0-based `toIndex` of
 * `lane` (a result of `rankLane`). A pinned item can only move among the pinned ones and an unpinned one among
 * the unpinned ones: the index is clamped to the item's group. The new key lies strictly between the keys of
 * the new neighbours; when those two share one key (same score and creation instant, or two managers dropping
 * into the same gap at once) the whole run of that key gets fresh keys as well. Null when `issueId` is not in
 * the lane.
 */
export function moveInLane(lane: RankedLane, issueId: string, toIndex: number): MoveResult | null {
  const from = lane.items.findIndex((r) => r.item.issueId === issueId);
  const moving = lane.items[from];
  if (!moving) return null;
  const rest = lane.items.filter((_, i) => i !== from);
  const pinnedCount = rest.filter((r) => r.pinned).length;
  const [low, high] = moving.pinned ? [0, pinnedCount] : [pinnedCount, rest.length];
  const wanted = Number.isFinite(toIndex) ? Math.trunc(toIndex) : toIndex > 0 ? high : low;
  const index = Math.min(Math.max(wanted, low), high);
  if (index === from) return { index, updates: [] };

  const group = (i: number): RankedItem | null => (i >= low && i < high ? (rest[i] ?? null) : null);
  const before = group(index - 1);
  const after = group(index);
  if (!before || !after || before.rankKey < after.rankKey) {
    // The top and the bottom of a group lie beyond every score level: nothing unmoved passes them.
    let rankKey: string;
    if (before && after) rankKey = keyBetween(before.rankKey, after.rankKey);
    else if (after) rankKey = keyBetween(null, minKey(after.rankKey, ABOVE_EVERY_SCORE));
    else if (before) rankKey = keyBetween(maxKey(before.rankKey, BELOW_EVERY_SCORE), null);
    else rankKey = keyBetween(null, ABOVE_EVERY_SCORE);
    return { index, updates: [{ issueId, rankKey }] };
  }
  if (before.rankKey !== after.rankKey) throw new RangeError('the lane is not in rank order');
  // Re-key the run of equal keys around the drop, with the moved item in it, near the level they share.
  const shared = before.rankKey;
  let start = index - 1;
  while (group(start - 1)?.rankKey === shared) start--;
  let end = index; // exclusive
  while (group(end)?.rankKey === shared) end++;
  const run = [...rest.slice(start, index), moving, ...rest.slice(index, end)];
  const lower = group(start - 1)?.rankKey ?? keyBetween(null, shared);
  const upper = group(end)?.rankKey ?? keyBetween(shared, null);
  const keys = keysBetween(lower, upper, run.length);
  return { index, updates: run.map((r, i) => ({ issueId: r.item.issueId, rankKey: keys[i] as string })) };
}

const minKey = (a: string, b: string): string => (a < b ? a : b);
const maxKey = (a: string, b: string): string => (a > b ? a : b);

export interface TeamLane {
  /** The lane's customer; null for issues of no customer. */
  customerKey: string | null;
  lane: RankedLane;
}

export interface TeamItem {
  customerKey: string | null;
  item: ScoredIssue;
  /** 1-based place in the team's list. */
  position: number;
  /** 1-based place in its customer's lane. */
  lanePosition: number;
  pinned: boolean;
  /**
   * `board.team.pinned` (breached), `board.team.score` (by total), or `board.team.laneOrder` when the item
   * outranks the item before it in its own lane and waits behind it because the lane's order says so.
   */
  reason: Reason;
}

function compareForTeam(a: { customerKey: string | null; item: RankedItem }, b: { customerKey: string | null; item: RankedItem }): number {
  if (a.item.pinned !== b.item.pinned) return a.item.pinned ? -1 : 1;
  if (a.item.item.total !== b.item.item.total) return a.item.item.total > b.item.item.total ? -1 : 1;
  return compareTies(a.item.item, b.item.item) || compareRankKeys(a.customerKey ?? '', b.customerKey ?? '');
}

/**
 * What the team should work on next across customers: the lanes merged, pinned items first, then by total
 * descending (ties: created ascending, issue key, issueId, customer key). The merge keeps every lane's own
 * order, so a service manager's manual order holds here too: an item never comes before an item ranked above
 * it in its customer's lane. At most `limit` items (a whole number; Infinity for all).
 */
export function nextForTeam(lanes: readonly TeamLane[], limit: number): TeamItem[] {
  const max = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
  const heads = lanes.map(() => 0);
  const out: TeamItem[] = [];
  while (out.length < max) {
    let best = -1;
    for (let l = 0; l < lanes.length; l++) {
      const lane = lanes[l] as TeamLane;
      const head = lane.lane.items[heads[l] as number];
      if (!head) continue;
      if (best < 0) {
        best = l;
        continue;
      }
      const current = lanes[best] as TeamLane;
      const bestHead = current.lane.items[heads[best] as number] as RankedItem;
      if (compareForTeam({ customerKey: lane.customerKey, item: head }, { customerKey: current.customerKey, item: bestHead }) < 0) best = l;
    }
    if (best < 0) break;
    const lane = lanes[best] as TeamLane;
    const index = heads[best] as number;
    const ranked = lane.lane.items[index] as RankedItem;
    heads[best] = index + 1;
    const previous = lane.lane.items[index - 1];
    const held = previous !== undefined && compareForTeam({ customerKey: lane.customerKey, item: ranked }, { customerKey: lane.customerKey, item: previous }) < 0;
    const total = ranked.item.total;
    const reason: Reason = ranked.pinned
      ? { key: 'board.team.pinned', vars: { total } }
      : held && previous
        ? { key: 'board.team.laneOrder', vars: { total, above: previous.item.key } }
        : { key: 'board.team.score', vars: { total } };
    out.push({ customerKey: lane.customerKey, item: ranked.item, position: out.length + 1, lanePosition: ranked.position, pinned: ranked.pinned, reason });
  }
  return out;
}
