// Use case: what the issue panel shows for one issue: the issue, and its SLA clocks, customer and contract,
// computed now from the history the viewing user may see (a person who cannot see the issue learns nothing).
import type { IssuePanelView } from '../contract/issue-panel';
import type { IssueSlaView, PanelClock } from '../contract/sla';
import { monthOf } from '../domain/contracts';
import type { MetricResult } from '../domain/sla';
import { isBusinessTime } from '../domain/calendar';
import type { JiraGateway } from '../jira/gateway';
import { NotFoundError } from './errors';
import type { IssueEvaluation, IssueEvaluator } from './sla/evaluate-issue';

export interface IssuePanelDeps {
  /** As the viewing user. */
  jira: JiraGateway;
  evaluator: IssueEvaluator;
  now: number;
}

export async function loadIssuePanel(deps: IssuePanelDeps, issueKey: string): Promise<IssuePanelView> {
  // Ask Jira first, as the viewing user: a person who cannot see the issue learns nothing from our storage.
  const issue = await deps.jira.getIssueHistory(issueKey);
  if (!issue) throw new NotFoundError(`Issue ${issueKey} does not exist or you do not have permission to see it.`);
  const evaluation = await deps.evaluator.evaluate(issue, deps.now);
  return {
    issue: {
      key: issue.key,
      summary: issue.summary,
      status: { name: issue.status.name, category: issue.status.category },
      priority: issue.priority,
      assignee: issue.assigneeName,
      updated: new Date(issue.updated).toISOString(),
    },
    sla: await slaView(deps, issue.id, evaluation),
  };
}

async function slaView(deps: IssuePanelDeps, issueId: string, evaluation: IssueEvaluation): Promise<IssueSlaView> {
  const { tracking } = evaluation;
  const customer = tracking.customer;
  const serviceManager = customer?.serviceManagerAccountId
    ? { accountId: customer.serviceManagerAccountId, displayName: (await deps.jira.getUserName(customer.serviceManagerAccountId)) ?? customer.serviceManagerAccountId }
    : null;
  const month = customer ? monthOf(deps.now, customer.timeZone) : null;
  const loggedSeconds = month ? await deps.jira.sumWorklogSeconds(issueId, month.from, month.to) : 0;
  const contract = tracking.contract;
  return {
    status: tracking.tracked ? 'tracked' : tracking.untracked,
    customer: customer && {
      key: customer.key,
      name: customer.name,
      tier: customer.tier,
      timeZone: customer.timeZone,
      serviceManager,
      contacts: customer.contacts.map((c) => ({ name: c.name, email: c.email, role: c.role })),
    },
    contract: contract && {
      id: contract.id,
      name: contract.name,
      validFrom: contract.validFrom,
      validTo: contract.validTo,
      includedHoursPerMonth: contract.includedHoursPerMonth,
      calendarName: tracking.tracked ? tracking.calendar.name : null,
      policyName: tracking.tracked ? tracking.version.name : null,
      policyVersion: tracking.tracked ? tracking.version.version : null,
    },
    clocks: tracking.tracked && evaluation.results
      ? tracking.policy.metrics.map((metric) => {
          const result = evaluation.results?.[metric.key] as MetricResult;
          const ticking = result.state === 'running' && isBusinessTime(metric.calendar ?? tracking.calendar, deps.now);
          return panelClock(result, metric.warnAtPercent ?? null, ticking);
        })
      : [],
    evaluatedAt: new Date(deps.now).toISOString(),
    hours: month ? { month: month.label, loggedSeconds, includedHours: contract?.includedHoursPerMonth ?? null } : null,
  };
}

function panelClock(result: MetricResult, warnAtPercent: number | null, ticking: boolean): PanelClock {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    key: result.key,
    name: result.name,
    state: result.state,
    targetMinutes: result.targetMinutes,
    elapsedSeconds: result.elapsedSeconds,
    remainingSeconds: result.remainingSeconds,
    dueAt: result.dueAt === null ? null : iso(result.dueAt),
    breached: result.breached,
    warning: result.warning,
    warnAtPercent,
    pausedBy: result.pausedReason?.status ?? null,
    ticking,
    cycles: result.history.map((c) => ({ startedAt: iso(c.startedAt), stoppedAt: c.stoppedAt === null ? null : iso(c.stoppedAt), elapsedSeconds: c.elapsedSeconds, breached: c.breached })),
  };
}
