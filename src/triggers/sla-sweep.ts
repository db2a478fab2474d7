// Scheduled trigger: the SLA sweep. Announces each warning and breach once, through Jira's own notification
// (to the assignee and the customer's service manager).
import { forgeRemainingMs } from '../jira/request';
import { recomputeIssueSla } from '../services/sla/recompute';
import { runSlaSweep } from '../services/sla/sweep';
import { slaRuntime } from './sla-runtime';

export async function slaSweep(): Promise<void> {
  const now = Date.now();
  const runtime = slaRuntime(now);
  const report = await runSlaSweep({
    sla: runtime.sla,
    now,
    timeLeft: forgeRemainingMs,
    recompute: (issueId) => recomputeIssueSla(runtime.recomputeDeps, issueId),
    async announce(a) {
      const users = [...new Set([a.assigneeAccountId, a.serviceManagerAccountId].filter((u): u is string => u !== null))];
      if (users.length === 0) return;
      const what = a.crossing.kind === 'breach' ? 'has breached its target' : 'is close to its target';
      await runtime.jira.notifyIssue(a.issueId, {
        subject: `${a.issueKey}: ${a.metricName} ${what}`,
        textBody: `The ${a.metricName} clock of ${a.issueKey} ${what} (${new Date(a.crossing.at).toISOString()}).`,
        to: { users: users.map((accountId) => ({ accountId })) },
      });
    },
  });
  if (report.visited > 0) {
    console.log(`sla-sweep: ${report.visited} issues, ${report.announced} announcements, ${report.failed} left for later${report.unfinished ? ', more next run' : ''}`);
  }
}
