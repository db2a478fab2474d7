// The only way the app reaches Jira: typed calls, runtime-checked replies, retries, and a call count.
import { route } from '@forge/api';
import { UpstreamError } from '../services/errors';
import { type Actor, defaultRetryPolicy, requestJira, type RetryPolicy } from './request';
import { type JiraIssue, jiraIssueSchema } from './types';

export interface JiraGateway {
  /** The issue as the actor may see it, or null when it does not exist or is hidden from them. */
  getIssue(issueKey: string): Promise<JiraIssue | null>;
  /** Calls made through this gateway, by operation name. */
  readonly calls: Readonly<Record<string, number>>;
}

const ISSUE_FIELDS = 'summary,status,priority,assignee,updated';

export function createJiraGateway(actor: Actor, policy: RetryPolicy = defaultRetryPolicy): JiraGateway {
  const calls: Record<string, number> = {};
  const count = (operation: string) => {
    calls[operation] = (calls[operation] ?? 0) + 1;
  };

  return {
    calls,
    async getIssue(issueKey) {
      count('getIssue');
      const reply = await requestJira(
        actor,
        route`/rest/api/3/issue/${issueKey}?fields=${ISSUE_FIELDS}`,
        { headers: { Accept: 'application/json' } },
        policy,
      );
      if (reply.status === 404) return null;
      if (reply.status !== 200) throw new UpstreamError(`Jira answered ${reply.status} for issue ${issueKey}`, reply.status);
      const parsed = jiraIssueSchema.safeParse(await reply.json());
      if (!parsed.success) throw new UpstreamError(`Jira sent an unexpected issue shape for ${issueKey}`, reply.status);
      return parsed.data;
    },
  };
}
