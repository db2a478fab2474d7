// Re-ranking a lane on the page: where a drop or a keyboard step puts an item, that breached (pinned) items stay
// on top, the `after` the server is told, and how the server's answer replaces a filtered lane.
import type { BoardItem, BoardLane } from '../../../src/contract/board';
import { dropIndex, laneAfterAnswer, moveBounds, planMove, stepIndex, verticalEdge } from '../../../static/board/board-order';

const item = (issueId: string, pinned = false): BoardItem => ({
  issueId,
  key: `ACME-${issueId}`,
  summary: `Issue ${issueId}`,
  issueType: 'Incident',
  priority: 'High',
  status: { name: 'Open', category: 'new' },
  assignee: null,
  created: '2026-03-01T00:00:00.000Z',
  clock: null,
  score: { total: 10, pinned, reasons: [] },
  placement: { key: 'board.rank.score', vars: {} },
  moved: null,
});
const lane = (items: BoardItem[], extra: Partial<BoardLane> = {}): BoardLane => ({
  customer: { key: 'acme', name: 'Acme', tier: 'gold' },
  health: { open: items.length, breached: items.filter((i) => i.score.pinned).length, includedHours: null, hoursUsed: null, thisMonth: { resolved: 0, withinSla: 0 } },
  items,
  truncated: false,
  ...extra,
});
const ids = (items: readonly { issueId: string }[]) => items.map((i) => i.issueId);

// Two breached on top, then four others.
const items = [item('1', true), item('2', true), item('3'), item('4'), item('5'), item('6')];

describe('where an item may go', () => {
  it('keeps a pinned item among the pinned and any other among the rest', () => {
    expect(moveBounds(items, '1')).toEqual({ from: 0, low: 0, high: 1 });
    expect(moveBounds(items, '2')).toEqual({ from: 1, low: 0, high: 1 });
    expect(moveBounds(items, '3')).toEqual({ from: 2, low: 2, high: 5 });
    expect(moveBounds(items, '6')).toEqual({ from: 5, low: 2, high: 5 });
    expect(moveBounds(items, 'missing')).toBeNull();
  });

  it('offers no drop above a pinned item to an unpinned one, nor below the rest to a pinned one', () => {
    expect(dropIndex(items, '5', '1', 'top')).toBeNull();
    expect(dropIndex(items, '5', '1', 'bottom')).toBeNull();
    expect(dropIndex(items, '5', '2', 'top')).toBeNull();
    // Right below the last breached item is the top of the rest.
    expect(dropIndex(items, '5', '2', 'bottom')).toBe(2);
    expect(dropIndex(items, '5', '3', 'top')).toBe(2);
    expect(dropIndex(items, '1', '3', 'top')).toBe(1);
    expect(dropIndex(items, '1', '3', 'bottom')).toBeNull();
    expect(dropIndex(items, '2', '1', 'top')).toBe(0);
  });

  it('offers no drop onto the item itself or onto the place it already has', () => {
    expect(dropIndex(items, '4', '4', 'top')).toBeNull();
    expect(dropIndex(items, '4', '3', 'bottom')).toBeNull();
    expect(dropIndex(items, '4', '5', 'top')).toBeNull();
    expect(dropIndex(items, '4', '5', 'bottom')).toBe(4);
    expect(dropIndex(items, '4', '6', 'bottom')).toBe(5);
    expect(dropIndex(items, '4', 'other-lane', 'top')).toBeNull();
  });

  it('steps one place up or down within the group, and not past its edge', () => {
    expect(stepIndex(items, '4', -1)).toBe(2);
    expect(stepIndex(items, '4', 1)).toBe(4);
    expect(stepIndex(items, '3', -1)).toBeNull();
    expect(stepIndex(items, '6', 1)).toBeNull();
    expect(stepIndex(items, '2', 1)).toBeNull();
    expect(stepIndex(items, '2', -1)).toBe(0);
  });

  it('reads only the top and bottom edges', () => {
    expect(verticalEdge('top')).toBe('top');
    expect(verticalEdge('bottom')).toBe('bottom');
    expect(verticalEdge('left')).toBeNull();
    expect(verticalEdge(null)).toBeNull();
  });
});

describe('the order after a move', () => {
  it('puts the item at its place and tells the server the item right above it', () => {
    const up = planMove(items, '5', 2);
    expect(up && ids(up.items)).toEqual(['1', '2', '5', '3', '4', '6']);
    expect(up?.after).toBe('2');
    expect(up?.position).toBe(3);
    const down = planMove(items, '3', 5);
    expect(down && ids(down.items)).toEqual(['1', '2', '4', '5', '6', '3']);
    expect(down?.after).toBe('6');
  });

  it('says null for the top of the lane', () => {
    const top = planMove(items, '2', 0);
    expect(top && ids(top.items)).toEqual(['2', '1', '3', '4', '5', '6']);
    expect(top?.after).toBeNull();
    expect(top?.position).toBe(1);
  });

  it('clamps to the group and does nothing when the place does not change', () => {
    const clamped = planMove(items, '6', 0);
    expect(clamped && ids(clamped.items)).toEqual(['1', '2', '6', '3', '4', '5']);
    expect(planMove(items, '3', 0)).toBeNull();
    expect(planMove(items, '4', 3)).toBeNull();
    expect(planMove(items, 'missing', 0)).toBeNull();
  });

  it('agrees with a drop and a keyboard step', () => {
    for (const source of ids(items)) {
      for (const target of ids(items)) {
        for (const edge of ['top', 'bottom'] as const) {
          const index = dropIndex(items, source, target, edge);
          if (index === null) continue;
          const plan = planMove(items, source, index);
          const at = plan?.items.findIndex((i) => i.issueId === source);
          const targetAt = plan?.items.findIndex((i) => i.issueId === target);
          expect({ source, target, edge, next: at === undefined || targetAt === undefined ? null : edge === 'top' ? at + 1 === targetAt : at - 1 === targetAt }).toEqual({ source, target, edge, next: true });
        }
      }
    }
  });
});

describe("the server's answer", () => {
  const answer = lane([item('1', true), item('2', true), item('9'), item('5'), item('3'), item('4'), item('6')], { health: { open: 7, breached: 2, includedHours: 20, hoursUsed: null, thisMonth: { resolved: 0, withinSla: 0 } } });

  it('replaces an unfiltered lane as it is', () => {
    expect(laneAfterAnswer(lane(items), answer, false)).toBe(answer);
  });

  it('keeps a filtered lane to the issues it showed, in the answer’s order, with its own counts', () => {
    const filtered = lane([item('3'), item('5'), item('6')], { health: { open: 3, breached: 0, includedHours: null, hoursUsed: null, thisMonth: { resolved: 0, withinSla: 0 } } });
    const next = laneAfterAnswer(filtered, answer, true);
    expect(ids(next.items)).toEqual(['5', '3', '6']);
    expect(next.health).toEqual(filtered.health);
  });
});
