// Resolvers for the issue panel: everything runs as the viewing user.
import Resolver from '@forge/resolver';
import { issuePanelRequestSchema } from '../contract/issue-panel';
import { createJiraGateway } from '../jira/gateway';
import { loadIssuePanel } from '../services/issue-panel';
import { createActivityStore } from '../store/activity-store';
import { defineResolver } from './define';

const resolver = new Resolver();

defineResolver(resolver, 'getIssuePanel', issuePanelRequestSchema, (payload) =>
  loadIssuePanel({ jira: createJiraGateway('user'), activity: createActivityStore() }, payload.issueKey),
);

export const panelResolver = resolver.getDefinitions();
