// A customer's lane on the priority board: pinned first, manual order from fractional rank keys, score order
// for the rest, stable ties that the explanation accounts for; moves by hand; the team's list across customers.
import fc from 'fast-check';
import {
  moveInLane,
  nextForTeam,
  rankLane,
  type ManualRanks,
  type RankedLane,
  type ScoredIssue,
} from '../../../src/domain/board';

const T0 = Date.parse('2026-05-01T08:00:00Z');
const HOUR = 3_600_000;

/** A scored issue as plain data; `age` in hours before T0 orders creation. */
function item(key: string, total: number, opts: { age?: number; pinned?: boolean; created?: number } = {}): ScoredIssue {
  const part = { factor: 0, weight: 0, points: 0 };
  return {
    issueId: `id-${key}`,
    key,
    created: opts.created ?? T0 - (opts.age ?? 0) * HOUR,
    total,
    parts: {
      priority: { ...part, priority: null, position: null },
      tier: { ...part, tier: null },
      sla: { ...part, band: opts.pinned ? 'breached' : 'none', clock: null, percentLeft: null },
      age: { ...part, days: 0 },
    },
    pinned: opts.pinned ?? false,
    explanation: [],
  };
}

const keys = (lane: RankedLane): string[] => lane.items.map((r) => r.item.key);
const placements = (lane: RankedLane): string[] => lane.items.map((r) => `${r.item.key}:${r.placement}`);

/** Applies a move's updates to the stored ranks. */
function move(items: readonly ScoredIssue[], ranks: ManualRanks, key: string, toIndex: number): ManualRanks {
  const result = moveInLane(rankLane(items, ranks), `id-${key}`, toIndex);
  if (!result) throw new Error(`${key} not in the lane`);
  const next: Record<string, string> = { ...ranks };
  for (const u of result.updates) next[u.issueId] = u.rankKey;
  return next;
}

/** The same items with some totals changed. */
const rescore = (items: readonly ScoredIssue[], totals: Record<string, number>): ScoredIssue[] =>
  items.map((i) => (totals[i.key] === undefined ? i : { ...i, total: totals[i.key] as number }));

describe('rankLane without manual ranks', () => {
  it('orders by total descending and says so', () => {
    const lane = rankLane([item('ACME-1', 20), item('ACME-2', 70), item('ACME-3', 45)]);
    expect(placements(lane)).toEqual(['ACME-2:first', 'ACME-3:score', 'ACME-1:score']);
    expect(lane.items.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(lane.items[1]?.reason).toEqual({ key: 'board.rank.score', vars: { total: 45, above: 'ACME-2', aboveTotal: 70 } });
    expect(lane.items.every((r) => !r.manual)).toBe(true);
  });

  it('puts breached items first whatever their score, ordered among themselves by score', () => {
    const lane = rankLane([item('ACME-1', 90), item('ACME-2', 10, { pinned: true }), item('ACME-3', 30, { pinned: true }), item('ACME-4', 50)]);
    expect(placements(lane)).toEqual(['ACME-3:pinned', 'ACME-2:score', 'ACME-1:belowPinned', 'ACME-4:score']);
    expect(lane.items[2]?.reason).toEqual({ key: 'board.rank.belowPinned', vars: { total: 90, pinned: 2 } });
  });

  it('breaks ties stably: older first, then issue key in natural order, whatever the input order', () => {
    const items = [item('ACME-10', 50, { age: 5 }), item('ACME-9', 50, { age: 5 }), item('ACME-7', 50, { age: 9 }), item('ACME-2', 60, { age: 1 }), item('ACME-1', 40)];
    const want = ['ACME-2:first', 'ACME-7:score', 'ACME-9:tieOlder', 'ACME-10:tieKey', 'ACME-1:score'];
    fc.assert(
      fc.property(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), (shuffled) => {
        expect(placements(rankLane(shuffled))).toEqual(want);
      }),
    );
    const lane = rankLane(items);
    expect(lane.items[2]?.reason).toEqual({ key: 'board.rank.tieOlder', vars: { total: 50, above: 'ACME-7', aboveTotal: 50 } });
    expect(lane.items[3]?.reason).toEqual({ key: 'board.rank.tieKey', vars: { total: 50, above: 'ACME-9', aboveTotal: 50 } });
  });

  it('gives an empty lane no items', () => {
    expect(rankLane([])).toEqual({ items: [], unusedRanks: [], invalidRanks: [] });
  });

  it('counts a repeated issue once', () => {
    expect(keys(rankLane([item('ACME-1', 10), item('ACME-1', 90)]))).toEqual(['ACME-1']);
  });
});

describe('moving items by hand', () => {
  // A 80, B 60, C 40, D 20: drop D between A and B.
  const base = [item('A-1', 80), item('B-1', 60), item('C-1', 40), item('D-1', 20)];

  it('puts the moved item where it was dropped and explains both it and the item below it', () => {
    const ranks = move(base, {}, 'D-1', 1);
    expect(Object.keys(ranks)).toEqual(['id-D-1']);
    const lane = rankLane(base, ranks);
    expect(placements(lane)).toEqual(['A-1:first', 'D-1:manual', 'B-1:belowManual', 'C-1:score']);
    expect(lane.items[1]).toMatchObject({ manual: true, reason: { key: 'board.rank.manual', vars: { total: 20 } } });
    expect(lane.items[2]?.reason).toEqual({ key: 'board.rank.belowManual', vars: { total: 60, above: 'D-1', aboveTotal: 20 } });
  });

  it('keeps a moved item above another when its own score falls and the other rises within the gap', () => {
    const ranks = move(base, {}, 'D-1', 1);
    expect(keys(rankLane(rescore(base, { 'D-1': 0, 'B-1': 79.99, 'A-1': 95 }), ranks))).toEqual(['A-1', 'D-1', 'B-1', 'C-1']);
  });

  it('lets an unmoved item that outscores the level the item was dropped at pass it', () => {
    const ranks = move(base, {}, 'D-1', 1);
    // D sits just below A's total at the drop (80): B reaching 80 passes D, and so does A staying at 80.
    expect(keys(rankLane(rescore(base, { 'B-1': 80 }), ranks))).toEqual(['A-1', 'B-1', 'D-1', 'C-1']);
    // A falling below its total at the drop falls below D.
    expect(keys(rankLane(rescore(base, { 'A-1': 79 }), ranks))).toEqual(['D-1', 'A-1', 'B-1', 'C-1']);
  });

  it('keeps items moved relative to each other in their order whatever the scores do', () => {
    let ranks = move(base, {}, 'C-1', 0); // C A B D
    ranks = move(base, ranks, 'D-1', 1); // C D A B
    ranks = move(base, ranks, 'A-1', 3); // C D B A
    expect(keys(rankLane(base, ranks))).toEqual(['C-1', 'D-1', 'B-1', 'A-1']);
    const scrambled = rescore(base, { 'A-1': 300, 'B-1': 0, 'C-1': 1, 'D-1': 150 });
    const lane = rankLane(scrambled, ranks);
    expect(lane.items.filter((r) => r.manual).map((r) => r.item.key)).toEqual(['C-1', 'D-1', 'A-1']);
  });

  it('keeps an item dropped at the top first, above any score old or new, but below breached items', () => {
    const ranks = move(base, {}, 'D-1', 0);
    expect(keys(rankLane(base, ranks))).toEqual(['D-1', 'A-1', 'B-1', 'C-1']);
    const later = [...rescore(base, { 'A-1': 400, 'D-1': 0 }), item('E-1', 399.99)];
    expect(keys(rankLane(later, ranks))).toEqual(['D-1', 'A-1', 'E-1', 'B-1', 'C-1']);
    const breached = [...later, item('F-1', 5, { pinned: true })];
    expect(placements(rankLane(breached, ranks))).toEqual(['F-1:pinned', 'D-1:belowPinned', 'A-1:belowManual', 'E-1:score', 'B-1:score', 'C-1:score']);
  });

  it('keeps an item dropped at the bottom last, below any score old or new', () => {
    const ranks = move(base, {}, 'A-1', 3);
    expect(keys(rankLane(base, ranks))).toEqual(['B-1', 'C-1', 'D-1', 'A-1']);
    expect(keys(rankLane([...rescore(base, { 'A-1': 400 }), item('E-1', 0)], ranks))).toEqual(['B-1', 'C-1', 'D-1', 'E-1', 'A-1']);
  });

  it('slots a new item in by its score, between moved items as their levels say', () => {
    let ranks = move(base, {}, 'D-1', 1); // A D B C, D at level 79.99
    ranks = move(base, ranks, 'A-1', 3); // D B C A
    expect(keys(rankLane(base, ranks))).toEqual(['D-1', 'B-1', 'C-1', 'A-1']);
    const withNew = [...base, item('N-1', 85), item('M-1', 50), item('L-1', 79.99, { age: 1 })];
    expect(placements(rankLane(withNew, ranks))).toEqual(['N-1:first', 'D-1:manual', 'L-1:belowManual', 'B-1:score', 'M-1:score', 'C-1:score', 'A-1:manual']);
  });

  it('never carries an item across the pinned boundary', () => {
    const items = [item('P-1', 10, { pinned: true }), item('P-2', 5, { pinned: true }), ...base];
    const up = moveInLane(rankLane(items), 'id-C-1', 0);
    expect(up?.index).toBe(2);
    const lane = rankLane(items, move(items, {}, 'C-1', 0));
    expect(keys(lane)).toEqual(['P-1', 'P-2', 'C-1', 'A-1', 'B-1', 'D-1']);
    expect(moveInLane(rankLane(items), 'id-P-1', 9)?.index).toBe(1);
    expect(keys(rankLane(items, move(items, {}, 'P-1', 9)))).toEqual(['P-2', 'P-1', 'A-1', 'B-1', 'C-1', 'D-1']);
  });

  it('puts a newly breached item above an item moved to the top, and pins a moved item that is breached', () => {
    const ranks = move(base, {}, 'C-1', 0); // C A B D
    const breached = base.map((i) => (i.key === 'B-1' ? { ...i, pinned: true } : i));
    expect(keys(rankLane(breached, ranks))).toEqual(['B-1', 'C-1', 'A-1', 'D-1']);
    const cBreached = base.map((i) => (i.key === 'C-1' ? { ...i, pinned: true } : i));
    expect(keys(rankLane(cBreached, ranks))).toEqual(['C-1', 'A-1', 'B-1', 'D-1']);
  });

  it('stores nothing when an item is dropped where it already is, and null for an unknown issue', () => {
    expect(moveInLane(rankLane(base), 'id-B-1', 1)).toEqual({ index: 1, updates: [] });
    expect(moveInLane(rankLane(base), 'id-X-1', 1)).toBeNull();
  });

  it('re-keys a run of equal keys when dropping between two of its items', () => {
    // Same total and the same creation instant: equal derived keys, ordered by issue key.
    const tied = [item('ACME-1', 50), item('ACME-2', 50), item('ACME-3', 50), item('ACME-4', 10)];
    const result = moveInLane(rankLane(tied), 'id-ACME-4', 1);
    expect(result?.updates.map((u) => u.issueId)).toEqual(['id-ACME-1', 'id-ACME-4', 'id-ACME-2', 'id-ACME-3']);
    const ranks = move(tied, {}, 'ACME-4', 1);
    expect(keys(rankLane(tied, ranks))).toEqual(['ACME-1', 'ACME-4', 'ACME-2', 'ACME-3']);
    // The run stays near its level: a 50.01 stays above, a 49.99 below.
    expect(keys(rankLane([...tied, item('ACME-5', 50.01), item('ACME-6', 49.99)], ranks))).toEqual(['ACME-5', 'ACME-1', 'ACME-4', 'ACME-2', 'ACME-3', 'ACME-6']);
  });

  it('orders two items that got the same key (two managers at once) by age, then key', () => {
    const lane = rankLane(base, { 'id-C-1': 'a0', 'id-D-1': 'a0' });
    expect(placements(lane)).toEqual(['C-1:first', 'D-1:tieKey', 'A-1:belowManual', 'B-1:score']);
  });

  it('reports stored ranks of issues that left the lane and ignores malformed ones', () => {
    const lane = rankLane(base, { 'id-B-1': 'not a key!', 'id-GONE-1': 'a0', 'id-C-1': 'a0' });
    expect(lane.unusedRanks).toEqual(['id-GONE-1']);
    expect(lane.invalidRanks).toEqual(['id-B-1']);
    expect(keys(lane)).toEqual(['C-1', 'A-1', 'B-1', 'D-1']);
    // Keys like "__proto__" are plain ids, never prototype lookups.
    expect(keys(rankLane([{ ...item('Z-1', 1), issueId: 'constructor' }]))).toEqual(['Z-1']);
  });

  it('lands every drop at the requested place, for random lanes and random sequences of moves', () => {
    const lanes = fc.array(
      fc.record({ total: fc.integer({ min: 0, max: 40 }).map((t) => t * 2.5), age: fc.integer({ min: 0, max: 3 }), pinned: fc.boolean() }),
      { minLength: 1, maxLength: 12 },
    );
    const moves = fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 13 })), { maxLength: 15 });
    fc.assert(
      fc.property(lanes, moves, (specs, steps) => {
        const items = specs.map((s, i) => item(`ACME-${i + 1}`, s.total, { age: s.age, pinned: s.pinned }));
        let ranks: ManualRanks = {};
        for (const [pick, to] of steps) {
          const before = rankLane(items, ranks);
          const moving = before.items[pick % before.items.length];
          if (!moving) throw new Error('empty lane');
          const result = moveInLane(before, moving.item.issueId, to);
          if (!result) throw new Error('not found');
          const next: Record<string, string> = { ...ranks };
          for (const u of result.updates) next[u.issueId] = u.rankKey;
          ranks = next;
          const after = rankLane(items, ranks);
          // The item is where it was dropped (within its group), and the others kept their order.
          expect(after.items[result.index]?.item.issueId).toBe(moving.item.issueId);
          const others = (lane: RankedLane) => lane.items.map((r) => r.item.issueId).filter((id) => id !== moving.item.issueId);
          expect(others(after)).toEqual(others(before));
          const pinnedCount = items.filter((i) => i.pinned).length;
          expect(after.items.slice(0, pinnedCount).every((r) => r.pinned)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('nextForTeam', () => {
  const acme = rankLane([item('ACME-1', 70, { age: 2 }), item('ACME-2', 30), item('ACME-3', 10, { pinned: true })]);
  const globex = rankLane([item('GLX-1', 70, { age: 5 }), item('GLX-2', 50)]);
  const unassigned = rankLane([item('OPS-1', 40)]);
  const lanes = [
    { customerKey: 'acme', lane: acme },
    { customerKey: 'globex', lane: globex },
    { customerKey: null, lane: unassigned },
  ];

  it('merges all lanes, pinned first, then by total, ties by age', () => {
    const team = nextForTeam(lanes, 10);
    expect(team.map((t) => `${t.customerKey}:${t.item.key}`)).toEqual(['acme:ACME-3', 'globex:GLX-1', 'acme:ACME-1', 'globex:GLX-2', 'null:OPS-1', 'acme:ACME-2']);
    expect(team.map((t) => t.reason.key)).toEqual(['board.team.pinned', 'board.team.score', 'board.team.score', 'board.team.score', 'board.team.score', 'board.team.score']);
    expect(team.map((t) => t.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(team[2]).toMatchObject({ lanePosition: 2, pinned: false });
  });

  it('stops at the limit', () => {
    expect(nextForTeam(lanes, 2).map((t) => t.item.key)).toEqual(['ACME-3', 'GLX-1']);
    expect(nextForTeam(lanes, 0)).toEqual([]);
    expect(nextForTeam(lanes, -3)).toEqual([]);
    expect(nextForTeam(lanes, Number.POSITIVE_INFINITY)).toHaveLength(6);
    expect(nextForTeam([], 5)).toEqual([]);
  });

  it("keeps each lane's manual order and says when an item waits behind it", () => {
    const items = [item('ACME-1', 70), item('ACME-2', 30), item('ACME-3', 90)];
    const ranks = move(items, {}, 'ACME-2', 0); // ACME-2 first by hand
    const team = nextForTeam([{ customerKey: 'acme', lane: rankLane(items, ranks) }, { customerKey: 'globex', lane: globex }], 10);
    expect(team.map((t) => t.item.key)).toEqual(['GLX-1', 'GLX-2', 'ACME-2', 'ACME-3', 'ACME-1']);
    expect(team[3]?.reason).toEqual({ key: 'board.team.laneOrder', vars: { total: 90, above: 'ACME-2' } });
    expect(team[4]?.reason.key).toBe('board.team.score');
  });
});
