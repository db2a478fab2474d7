// Use case: the policy simulator. The clocks an *unsaved* policy would give an issue now, next to the clocks of
// the saved policy, from the issue's real history read as the admin: the same evaluation SLA tracking runs.
import type { PolicySimulation, SimulatedClock, SimulatePolicyRequest } from '../../contract/admin';
import { evaluateSla, type MetricResult, type Policy } from '../../domain/sla';
import type { JiraGateway } from '../../jira/gateway';
import type { ConfigStore } from '../../store/config-store';
import { InvalidInputError, NotFoundError } from '../errors';
import type { IssueEvaluator } from '../sla/evaluate-issue';
import type { TrackingConfig } from '../sla/tracking';
import { checkPolicy, toEnginePolicy } from './policies';

export interface SimulateDeps {
  store: ConfigStore;
  /** As the admin: the simulator shows only what they may see. */
  jira: JiraGateway;
  tracking: TrackingConfig;
  evaluator: IssueEvaluator;
  now: number;
}

export async function simulateSlaPolicy(deps: SimulateDeps, request: SimulatePolicyRequest): Promise<PolicySimulation> {
  const { store, jira, now } = deps;
  const calendars = new Map((await store.listCalendars()).map((c) => [c.record.id, c.record]));
  checkPolicy(request.policy, new Set(calendars.keys()), 'policy');

  const issue = await jira.getIssueHistory(request.issueKey);
  if (!issue) throw new NotFoundError(`Issue ${request.issueKey} does not exist or you do not have permission to see it.`);

  const tracking = await deps.tracking.resolve({ projectKey: issue.projectKey, labels: issue.labels, components: issue.components, fields: {} }, now);
  const calendarId = request.calendarId ?? tracking.contract?.calendarId;
  const calendar = calendarId ? calendars.get(calendarId) : undefined;
  if (!calendar) {
    throw InvalidInputError.at(
      'calendarId',
      request.calendarId
        ? `no calendar has the id '${request.calendarId}'`
        : `${issue.key} has no contract in force today, so there is no calendar to count business time on: choose a calendar to simulate with`,
    );
  }

  const timeline = await deps.evaluator.timeline(issue);
  const clocks = (policy: Policy) => Object.values(evaluateSla(policy, timeline, now, { calendar })).map(toClock);
  const head = await store.getPolicy(request.policy.id);
  const saved = head ? await store.getPolicyVersion(head.record.id, head.record.latestVersion) : null;
  return {
    issue: { key: issue.key, summary: issue.summary, priority: issue.priority, status: issue.status.name },
    customer: tracking.customer ? { key: tracking.customer.key, name: tracking.customer.name } : null,
    calendar: { id: calendar.id, name: calendar.name },
    evaluatedAt: new Date(now).toISOString(),
    draft: clocks(toEnginePolicy(request.policy, calendars)),
    saved: saved ? { version: saved.version, clocks: clocks(toEnginePolicy(saved, calendars)) } : null,
  };
}

function toClock(result: MetricResult): SimulatedClock {
  return {
    key: result.key,
    name: result.name,
    state: result.state,
    targetMinutes: result.targetMinutes,
    elapsedMinutes: result.elapsedMinutes,
    remainingMinutes: result.remainingMinutes,
    dueAt: result.dueAt === null ? null : new Date(result.dueAt).toISOString(),
    breached: result.breached,
    cycles: result.cycles,
    pausedReason: result.pausedReason?.status ?? null,
  };
}
