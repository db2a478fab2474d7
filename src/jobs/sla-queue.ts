// The `sla-jobs` queue (@forge/events): work that waits, for resolvers and triggers alike.
import { Queue } from '@forge/events';
import type { BackfillStep } from '../services/sla/backfill';

/** A recompute Jira could not serve at the time, a request to backfill, or a backfill step. */
export type SlaJob = { kind: 'recompute'; issueId: string } | { kind: 'startBackfill'; reason: string } | BackfillStep;

export async function queueSlaJob(job: SlaJob, delayInSeconds?: number): Promise<void> {
  await new Queue({ key: 'sla-jobs' }).push([{ body: { ...job }, ...(delayInSeconds ? { delayInSeconds } : {}) }]);
}
