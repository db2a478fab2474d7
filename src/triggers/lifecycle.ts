// Lifecycle trigger: when the app is installed, every open (and recently resolved) issue gets its SLA state.
import { queueSlaJob } from '../jobs/sla-queue';

export async function onAppInstalled(): Promise<void> {
  await queueSlaJob({ kind: 'startBackfill', reason: 'installed' });
}
