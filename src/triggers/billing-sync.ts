// Scheduled trigger: brings the app's copy of Jira's worklogs up to date from the worklog feeds' cursors, then
// counts this month's billable hours per customer for the priority board.
import { billingDeps } from '../services/billing/runtime';
import { countMonthFigures } from '../services/billing/month-figures';
import { syncWorklogs } from '../services/billing/sync';

export async function billingSync(): Promise<void> {
  const deps = billingDeps();
  const report = await syncWorklogs(deps);
  if (report.stored > 0 || report.removed > 0 || !report.complete) {
    console.log(`billing-sync: ${report.stored} worklogs read, ${report.removed} deletions${report.complete ? '' : ', more next run'}`);
  }
  // This month's hours per customer for the board, once the copy is complete.
  if (report.complete) await countMonthFigures(deps);
}
