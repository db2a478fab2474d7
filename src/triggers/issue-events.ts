// Product-event trigger: any change to an issue (created, updated, commented, deleted, work logged) recomputes
// its SLA state from Jira's current history. The event only names the issue: duplicates and late arrivals
// give the same result. If Jira cannot answer in time, the recompute waits on the queue instead of being lost.
import { z } from 'zod';
import { JiraError, JiraRateLimited } from '../jira/errors';
import { recomputeIssueSla } from '../services/sla/recompute';
import { queueSlaJob } from '../jobs/sla-queue';
import { slaRuntime } from './sla-runtime';

const issueEventSchema = z.object({
  eventType: z.string(),
  issue: z.object({ id: z.string() }).optional(),
  worklog: z.object({ issueId: z.string() }).optional(),
});

/** Seconds before a recompute Jira could not serve is tried again. */
const RETRY_AFTER_SECONDS = 60;

export async function onIssueEvent(event: unknown): Promise<void> {
  const parsed = issueEventSchema.safeParse(event);
  const issueId = parsed.success ? (parsed.data.issue?.id ?? parsed.data.worklog?.issueId) : undefined;
  if (!parsed.success || !issueId) {
    console.warn(`issue-events: skipped an event that names no issue (${parsed.success ? parsed.data.eventType : 'unexpected shape'})`);
    return;
  }
  const { eventType } = parsed.data;
  const runtime = slaRuntime();
  if (eventType === 'avi:jira:deleted:issue') {
    await runtime.sla.delete(issueId);
    return;
  }
  try {
    await recomputeIssueSla(runtime.recomputeDeps, issueId);
  } catch (error) {
    if (!(error instanceof JiraError && error.retryable)) throw error;
    console.warn(`issue-events: Jira could not serve issue ${issueId} now (${error.message}); queued`);
    const asked = error instanceof JiraRateLimited ? Math.ceil((error.retryAfterMs ?? 0) / 1000) : 0;
    await queueSlaJob({ kind: 'recompute', issueId }, Math.max(RETRY_AFTER_SECONDS, asked));
  }
}
