// Resolvers for the issue panel: everything runs as the viewing user.
import type Resolver from '@forge/resolver';
import { issuePanelRequestSchema } from '../contract/issue-panel';
import { createJiraGateway } from '../jira/gateway';
import { loadIssuePanel } from '../services/issue-panel';
import { IssueEvaluator } from '../services/sla/evaluate-issue';
import { TrackingConfig } from '../services/sla/tracking';
import { createConfigStore } from '../store/config-store';
import { createJiraCache } from '../store/jira-cache';
import { defineResolver } from './define';

export function definePanelResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'getIssuePanel', issuePanelRequestSchema, (payload) => {
    const jira = createJiraGateway('user');
    // Status categories and agents' groups are site facts, read as the app (a customer may not list groups);
    // the issue itself is read as the viewer.
    const evaluator = new IssueEvaluator(new TrackingConfig(createConfigStore()), createJiraGateway('app'), createJiraCache());
    return loadIssuePanel({ jira, evaluator, now: Date.now() }, payload.issueKey);
  });
}
