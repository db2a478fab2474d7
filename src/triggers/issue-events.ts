// Product-event trigger: any change to an issue (created, updated, commented, deleted, work logged) recomputes
// its SLA state from Jira's current history; a worklog event also updates billing's copy of that worklog. The
// event only names the issue: duplicates and late arrivals give the same result. If Jira cannot answer in time, the recompute waits on the queue instead of being lost.
import { z } from 'zod';
import { JiraError, JiraRateLimited } from '../jira/errors';
import { recomputeIssueSla } from '../services/sla/recompute';
import { queueSlaJob } from '../jobs/sla-queue';
import { billingDeps } from '../services/billing/runtime';
import { forgetIssue, syncWorklogEvent } from '../services/billing/sync';
import { slaRuntime } from './sla-runtime';

const issueEventSchema = z.object({
  eventType: z.string(),
  issue: z.object({ id: z.string() }).optional(),
  worklog: z.object({ issueId: z.string(), id: z.string().optional() }).optional(),
});

const WORKLOG_EVENT = /^avi:jira:(created|updated|deleted):worklog$/;

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
  const worklogEvent = WORKLOG_EVENT.exec(eventType);
  if (worklogEvent && parsed.data.worklog?.id) {
    // The fast path of billing's worklog copy; the scheduled sync catches whatever this misses.
    const kind = worklogEvent[1] as 'created' | 'updated' | 'deleted';
    await syncWorklogEvent(billingDeps(), kind, issueId, parsed.data.worklog.id).catch((error: unknown) =>
      console.warn(`issue-events: worklog ${parsed.data.worklog?.id ?? ''} left to the scheduled sync (${String(error)})`),
    );
  }
  const runtime = slaRuntime();
  if (eventType === 'avi:jira:deleted:issue') {
    await runtime.sla.delete(issueId);
    await forgetIssue(billingDeps(), issueId);
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
