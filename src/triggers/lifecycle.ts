// Lifecycle trigger: when the app is installed, every open (and recently resolved) issue gets its SLA state, and
// billing's copy of the worklogs starts.
import { queueBillingJob } from '../jobs/billing-queue';
import { queueSlaJob } from '../jobs/sla-queue';

export async function onAppInstalled(): Promise<void> {
  await queueSlaJob({ kind: 'startBackfill', reason: 'installed' });
  await queueBillingJob({ kind: 'sync' });
}
