// Resolvers for the issue panel: everything runs as the viewing user.
import type Resolver from '@forge/resolver';
import { issuePanelRequestSchema } from '../contract/issue-panel';
import { createJiraGateway } from '../jira/gateway';
import { loadIssuePanel } from '../services/issue-panel';
import { createActivityStore } from '../store/activity-store';
import { defineResolver } from './define';

export function definePanelResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'getIssuePanel', issuePanelRequestSchema, (payload) =>
    loadIssuePanel({ jira: createJiraGateway('user'), activity: createActivityStore() }, payload.issueKey),
  );
}
