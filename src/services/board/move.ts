// Use cases: move an issue by hand within its customer's lane, and take a move back. The lane is read fresh
// (as the mover may see it) and the move is placed relative to a neighbour, so two people ranking at once each
// get their move, placed among the order as it stands when it lands.
import type { BoardLane, MoveBoardItemRequest, UndoBoardMoveRequest } from '../../contract/board';
import { moveInLane } from '../../domain/board';
import type { BoardRank } from '../../store/board-rank-store';
import { ForbiddenError, NotFoundError } from '../errors';
import { settingsOrDefault } from '../config/settings';
import { boardViewer, LANE_ALONE_LIMIT, laneView, loadLane, type BoardDeps, type Lane } from './load-board';

async function laneFor(deps: BoardDeps, customerKey: string) {
  const [viewer, customer, settings, hoursUsed] = await Promise.all([
    boardViewer(deps.jira),
    deps.config.getCustomer(customerKey),
    deps.config.getSettings(),
    deps.hours.usedThisMonth(deps.now),
  ]);
  // The board's order is agreed with the customer, but set by the team.
  if (viewer.contact) throw new ForbiddenError('Only the service team can change the order of the board.');
  if (!customer) throw new NotFoundError(`There is no customer '${customerKey}'.`);
  const context = { weights: settingsOrDefault(settings).weights, priorities: viewer.priorities, now: deps.now, hoursUsed };
  const load = () => loadLane(deps, customer.record, viewer, context);
  return { viewer, load, lane: await load() };
}

function requireOnBoard(lane: Lane, issueId: string, what = 'The issue'): number {
  const index = lane.ranked.findIndex((r) => r.item.issueId === issueId);
  if (index < 0) throw new NotFoundError(`${what} is not on ${lane.customer.name}'s board, or you cannot see it.`);
  return index;
}

export async function moveBoardItem(deps: BoardDeps, request: MoveBoardItemRequest): Promise<BoardLane> {
  const { viewer, load, lane } = await laneFor(deps, request.customerKey);
  const from = requireOnBoard(lane, request.issueId);
  let to = 0;
  if (request.after !== null) {
    const after = requireOnBoard(lane, request.after, 'The issue to place it below');
    to = after < from ? after + 1 : after;
  }
  const move = moveInLane({ items: lane.ranked, unusedRanks: [], invalidRanks: [] }, request.issueId, to);
  if (!move) throw new NotFoundError('The issue is not on this board.');
  const at = new Date(deps.now).toISOString();
  const ranks: BoardRank[] = move.updates.map((u) => {
    const before = lane.ranks.get(u.issueId);
    // Neighbours re-keyed to make room keep who placed them; the moved issue records this move.
    const mover = u.issueId === request.issueId || !before;
    return {
      issueId: u.issueId,
      rankKey: u.rankKey,
      movedBy: mover ? { accountId: viewer.accountId, displayName: viewer.displayName } : before.movedBy,
      movedAt: mover ? at : before.movedAt,
      previous: u.issueId === request.issueId ? (before ? { rankKey: before.rankKey, movedBy: before.movedBy, movedAt: before.movedAt } : null) : (before?.previous ?? null),
    };
  });
  await deps.ranks.save(request.customerKey, ranks);
  if (lane.unusedRanks.length > 0) await deps.ranks.remove(request.customerKey, lane.unusedRanks);
  return laneView(await load(), viewer, LANE_ALONE_LIMIT);
}

export async function undoBoardMove(deps: BoardDeps, request: UndoBoardMoveRequest): Promise<BoardLane> {
  const { viewer, load, lane } = await laneFor(deps, request.customerKey);
  requireOnBoard(lane, request.issueId);
  const rank = lane.ranks.get(request.issueId);
  if (!rank) throw new NotFoundError('This issue was not moved by hand: there is nothing to undo.');
  const { previous } = rank;
  if (previous === null) await deps.ranks.remove(request.customerKey, [request.issueId]);
  // The earlier place comes back with its own mover; one stored before movers were kept is credited to the undoer.
  else if (typeof previous === 'string') await deps.ranks.save(request.customerKey, [{ ...rank, rankKey: previous, previous: null, movedBy: { accountId: viewer.accountId, displayName: viewer.displayName }, movedAt: new Date(deps.now).toISOString() }]);
  else await deps.ranks.save(request.customerKey, [{ issueId: rank.issueId, ...previous, previous: null }]);
  return laneView(await load(), viewer, LANE_ALONE_LIMIT);
}
