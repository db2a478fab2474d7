// Use case: what the issue panel shows for one issue.
import type { IssuePanelView } from '../contract/issue-panel';
import type { JiraGateway } from '../jira/gateway';
import type { ActivityStore } from '../store/activity-store';
import { NotFoundError } from './errors';

export interface IssuePanelDeps {
  jira: JiraGateway;
  activity: ActivityStore;
}

export async function loadIssuePanel(deps: IssuePanelDeps, issueKey: string): Promise<IssuePanelView> {
  // Ask Jira first, as the viewing user: a person who cannot see the issue learns nothing from our storage.
  const issue = await deps.jira.getIssue(issueKey);
  if (!issue) throw new NotFoundError(`Issue ${issueKey} does not exist or you do not have permission to see it.`);
  const activity = await deps.activity.get(issue.key);
  return {
    issue: {
      key: issue.key,
      summary: issue.fields.summary,
      status: { name: issue.fields.status.name, category: issue.fields.status.statusCategory.key },
      priority: issue.fields.priority?.name ?? null,
      assignee: issue.fields.assignee?.displayName ?? null,
      updated: new Date(issue.fields.updated).toISOString(),
    },
    activity: activity && {
      lastEventType: activity.lastEventType,
      lastEventAt: new Date(activity.lastEventAt).toISOString(),
      eventCount: activity.eventCount,
    },
  };
}
