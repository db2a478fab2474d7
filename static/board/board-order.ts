// Re-ranking a lane by hand, on the page: where a drop or a keyboard move puts an item, the order shown at
// once (before the server answers), the `after` the server is told, and how its answer replaces the lane. Pure.
//
// Positions are "insertion indexes": the place in the lane *without* the moving item, 0 = at the top. Breached
// (pinned) items stay on top: a pinned item moves among the pinned ones, any other item among the rest, so no
// drop above a pinned item is ever offered to an unpinned one.
import type { BoardItem, BoardLane } from '@contract/board';

export interface Rankable {
  issueId: string;
  score: { pinned: boolean };
}

export type Edge = 'top' | 'bottom';

/** The edge a drop is closest to, when it is one a list has (top or bottom). */
export const verticalEdge = (edge: string | null): Edge | null => (edge === 'top' || edge === 'bottom' ? edge : null);

/** The insertion indexes an item may go to: `[low, high]`, within its own group (pinned or not). */
export function moveBounds(items: readonly Rankable[], issueId: string): { from: number; low: number; high: number } | null {
  const from = items.findIndex((i) => i.issueId === issueId);
  const moving = items[from];
  if (!moving) return null;
  const pinnedOthers = items.filter((i, index) => index !== from && i.score.pinned).length;
  const rest = items.length - 1;
  return moving.score.pinned ? { from, low: 0, high: pinnedOthers } : { from, low: pinnedOthers, high: rest };
}

/**
 * Where dropping `issueId` on an edge of `targetId` puts it (an insertion index), or null when that drop is
 * not offered: another lane's item, the item itself, a place outside its group, or the place it already has.
 */
export function dropIndex(items: readonly Rankable[], issueId: string, targetId: string, edge: Edge): number | null {
  if (issueId === targetId) return null;
  const bounds = moveBounds(items, issueId);
  const target = items.findIndex((i) => i.issueId === targetId);
  if (!bounds || target < 0) return null;
  const targetInRest = target > bounds.from ? target - 1 : target;
  const index = edge === 'top' ? targetInRest : targetInRest + 1;
  if (index < bounds.low || index > bounds.high || index === bounds.from) return null;
  return index;
}

/** Where a keyboard move one step up (-1) or down (+1) puts the item; null at the edge of its group. */
export function stepIndex(items: readonly Rankable[], issueId: string, direction: -1 | 1): number | null {
  const bounds = moveBounds(items, issueId);
  if (!bounds) return null;
  const index = bounds.from + direction;
  return index < bounds.low || index > bounds.high ? null : index;
}

export interface PlannedMove<T extends Rankable> {
  /** The lane's items in their new order. */
  items: T[];
  /** The issue right above the moved one now (null at the top): what `moveBoardItem` is told. */
  after: string | null;
  /** 1-based place of the moved item in the new order. */
  position: number;
}

/** The order after moving `issueId` to insertion index `index` (clamped to its group); null when it does not move. */
export function planMove<T extends Rankable>(items: readonly T[], issueId: string, index: number): PlannedMove<T> | null {
  const bounds = moveBounds(items, issueId);
  if (!bounds) return null;
  const to = Math.min(Math.max(Math.trunc(index), bounds.low), bounds.high);
  if (to === bounds.from) return null;
  const moving = items[bounds.from] as T;
  const rest = items.filter((_, i) => i !== bounds.from);
  const next = [...rest.slice(0, to), moving, ...rest.slice(to)];
  return { items: next, after: to === 0 ? null : (rest[to - 1] as T).issueId, position: to + 1 };
}

/**
 * The lane after the server's answer to a move or an undo. The answer is the whole lane, unfiltered; while
 * filters hide part of the lane, only the issues shown before stay shown (in the answer's order) and the
 * lane's counts stay the filtered ones; the next refresh brings in anything that newly matches.
 */
export function laneAfterAnswer(current: BoardLane, answer: BoardLane, filtered: boolean): BoardLane {
  if (!filtered) return answer;
  const shown = new Set(current.items.map((i) => i.issueId));
  return { ...answer, health: current.health, truncated: current.truncated, items: answer.items.filter((i) => shown.has(i.issueId)) };
}

/** The lane's items with the local order of a move in progress. */
export function withOrder(lane: BoardLane, items: BoardItem[]): BoardLane {
  return { ...lane, items };
}
