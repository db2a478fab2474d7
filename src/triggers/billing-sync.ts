// Scheduled trigger: brings the app's copy of Jira's worklogs up to date from the worklog feeds' cursors.
import { billingDeps } from '../services/billing/runtime';
import { syncWorklogs } from '../services/billing/sync';

export async function billingSync(): Promise<void> {
  const report = await syncWorklogs(billingDeps());
  if (report.stored > 0 || report.removed > 0 || !report.complete) {
    console.log(`billing-sync: ${report.stored} worklogs read, ${report.removed} deletions${report.complete ? '' : ', more next run'}`);
  }
}
