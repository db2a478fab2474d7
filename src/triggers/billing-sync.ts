// Scheduled trigger: brings the app's copy of Jira's worklogs up to date from the worklog feeds' cursors, then
// counts this month and the last (month-count.ts).
import { billingDeps } from '../services/billing/runtime';
import { countIsCurrent, countMonth, monthsToCount } from '../services/billing/month-count';
import { syncWorklogs } from '../services/billing/sync';

export async function billingSync(): Promise<void> {
  const deps = billingDeps();
  const report = await syncWorklogs(deps);
  if (report.stored > 0 || report.removed > 0 || !report.complete) {
    console.log(`billing-sync: ${report.stored} worklogs read, ${report.removed} deletions${report.complete ? '' : ', more next run'}`);
  }
  // This month and the last, counted once the copy is complete and when it changed: the page's large months, the board's hours.
  if (!report.complete) return;
  for (const month of monthsToCount(deps.now())) if (!(await countIsCurrent(deps, month))) await countMonth(deps, month);
}
