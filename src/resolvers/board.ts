// Resolvers for the priority board: any signed-in user; Jira decides which issues they see.
import type Resolver from '@forge/resolver';
import { boardRequestSchema } from '../contract/board';
import { createJiraGateway } from '../jira/gateway';
import { loadBoard } from '../services/board/load-board';
import { createConfigStore } from '../store/config-store';
import { createSlaStore } from '../store/sla-store';
import { defineResolver } from './define';

export function defineBoardResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'getBoard', boardRequestSchema, (request) => {
    const jira = createJiraGateway('user');
    return loadBoard(
      {
        jira: { getMyself: () => jira.getMyself(), searchIssueIds: (jql) => jira.searchIssueIds(jql), listPriorities: () => jira.listPriorities() },
        config: createConfigStore(),
        sla: createSlaStore(),
        now: Date.now(),
      },
      request,
    );
  });
}
