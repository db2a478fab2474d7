// Resolvers for the priority board: any signed-in user; Jira decides which issues they see, and only the
// service team may change the order.
import type Resolver from '@forge/resolver';
import { boardRequestSchema, moveBoardItemRequestSchema, undoBoardMoveRequestSchema } from '../contract/board';
import { createJiraGateway } from '../jira/gateway';
import { loadBoard, type BoardDeps } from '../services/board/load-board';
import { moveBoardItem, undoBoardMove } from '../services/board/move';
import { hoursUsed } from '../services/billing/month-count';
import { createBillingStore } from '../store/billing-store';
import { createBoardRankStore } from '../store/board-rank-store';
import { createConfigStore } from '../store/config-store';
import { createSlaStore } from '../store/sla-store';
import { defineResolver } from './define';

function boardDeps(): BoardDeps {
  return {
    jira: createJiraGateway('user'),
    config: createConfigStore(),
    sla: createSlaStore(),
    ranks: createBoardRankStore(),
    hours: hoursUsed(createBillingStore()),
    now: Date.now(),
  };
}

export function defineBoardResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'getBoard', boardRequestSchema, (request) => loadBoard(boardDeps(), request));
  defineResolver(resolver, 'moveBoardItem', moveBoardItemRequestSchema, (request) => moveBoardItem(boardDeps(), request));
  defineResolver(resolver, 'undoBoardMove', undoBoardMoveRequestSchema, (request) => undoBoardMove(boardDeps(), request));
}
