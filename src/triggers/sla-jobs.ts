// Queue consumer of `sla-jobs`: recomputes Jira could not serve at the time, and the backfill's steps. A step
// that fails is retried by the queue from the position it was given; each step hands the next one on.
import { z } from 'zod';
import { runBackfillStep, startBackfill } from '../services/sla/backfill';
import { recomputeIssueSla } from '../services/sla/recompute';
import { queueSlaJob } from '../jobs/sla-queue';
import { slaRuntime } from './sla-runtime';

const jobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('recompute'), issueId: z.string() }),
  z.object({ kind: z.literal('startBackfill'), reason: z.string() }),
  z.object({ kind: z.literal('backfill'), runId: z.string(), page: z.number().int().min(0), index: z.number().int().min(0) }),
]);

export async function onSlaJob(event: { body?: unknown }): Promise<void> {
  const parsed = jobSchema.safeParse(event.body);
  if (!parsed.success) {
    console.warn('sla-jobs: skipped a job of unexpected shape');
    return;
  }
  const job = parsed.data;
  const runtime = slaRuntime();
  if (job.kind === 'recompute') {
    await recomputeIssueSla(runtime.recomputeDeps, job.issueId);
    return;
  }
  const next = job.kind === 'startBackfill' ? await startBackfill(runtime.backfillDeps, job.reason) : await runBackfillStep(runtime.backfillDeps, job);
  if (next) await queueSlaJob(next);
}
