// Product-event trigger: validate the event, record it. Unknown shapes are logged and skipped, not retried.
import { z } from 'zod';
import { recordIssueEvent } from '../services/record-issue-event';
import { createActivityStore } from '../store/activity-store';

const issueEventSchema = z.object({
  eventType: z.string(),
  issue: z.object({
    key: z.string(),
    fields: z.object({ project: z.object({ key: z.string() }) }),
  }),
});

export async function onIssueEvent(event: unknown): Promise<void> {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.warn(`issue-events: skipped an event without ${issue?.path.join('.') ?? 'the expected fields'}`);
    return;
  }
  const { eventType, issue } = parsed.data;
  await recordIssueEvent(createActivityStore(), {
    eventType,
    issueKey: issue.key,
    projectKey: issue.fields.project.key,
    at: Date.now(),
  });
}
