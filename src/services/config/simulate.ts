// Use case: the policy simulator. The clocks an *unsaved* policy would give an issue now, next to the clocks of
// the saved policy, from the issue's real history read as the admin.
import type { PolicySimulation, SimulatedClock, SimulatePolicyRequest } from '../../contract/admin';
import type { Settings } from '../../contract/config';
import { contractInForce, localDate } from '../../domain/contracts';
import { matchCustomer } from '../../domain/customers';
import { evaluateSla, timelineFromJira, type MetricResult, type Policy, type StatusCategory } from '../../domain/sla';
import type { IssueHistory } from '../../jira/history';
import type { JiraGateway } from '../../jira/gateway';
import type { ConfigStore } from '../../store/config-store';
import { InvalidInputError, NotFoundError } from '../errors';
import { checkPolicy, toEnginePolicy } from './policies';
import { settingsOrDefault } from './settings';

export interface SimulateDeps {
  store: ConfigStore;
  /** As the admin: the simulator shows only what they may see. */
  jira: JiraGateway;
  now: number;
}

export async function simulateSlaPolicy(deps: SimulateDeps, request: SimulatePolicyRequest): Promise<PolicySimulation> {
  const { store, jira, now } = deps;
  const [calendarList, matching, settings, statuses] = await Promise.all([store.listCalendars(), store.getMatching(), store.getSettings(), jira.listStatuses()]);
  const calendars = new Map(calendarList.map((c) => [c.record.id, c.record]));
  checkPolicy(request.policy, new Set(calendars.keys()), 'policy');

  const issue = await jira.getIssueHistory(request.issueKey);
  if (!issue) throw new NotFoundError(`Issue ${request.issueKey} does not exist or you do not have permission to see it.`);

  const match = matchCustomer(matching?.record.rules ?? [], { projectKey: issue.projectKey, labels: issue.labels, components: issue.components, fields: {} });
  const customer = match ? await store.getCustomer(match.customerKey) : null;
  const contract = customer
    ? contractInForce((await store.listContractsOf(customer.record.key)).map((c) => c.record), customer.record.key, localDate(now, customer.record.timeZone))
    : null;
  const calendarId = request.calendarId ?? contract?.calendarId;
  const calendar = calendarId ? calendars.get(calendarId) : undefined;
  if (!calendar) {
    throw InvalidInputError.at(
      'calendarId',
      request.calendarId
        ? `no calendar has the id '${request.calendarId}'`
        : `${issue.key} has no contract in force today, so there is no calendar to count business time on: choose a calendar to simulate with`,
    );
  }

  const isAgent = await agentTest(jira, settingsOrDefault(settings), issue);
  const statusCategories: Record<string, StatusCategory> = Object.fromEntries(statuses.map((s) => [s.id, s.category]));
  const timeline = timelineFromJira({
    created: issue.created,
    current: { status: { name: issue.status.name, category: issue.status.category }, priority: issue.priority, assigneeAccountId: issue.assigneeAccountId },
    changes: issue.changes,
    comments: issue.comments,
    statusCategories,
    isAgent,
  });

  const clocks = (policy: Policy) => Object.values(evaluateSla(policy, timeline, now, { calendar })).map(toClock);
  const head = await store.getPolicy(request.policy.id);
  const saved = head ? await store.getPolicyVersion(head.record.id, head.record.latestVersion) : null;
  return {
    issue: { key: issue.key, summary: issue.summary, priority: issue.priority, status: issue.status.name },
    customer: customer ? { key: customer.record.key, name: customer.record.name } : null,
    calendar: { id: calendar.id, name: calendar.name },
    evaluatedAt: new Date(now).toISOString(),
    draft: clocks(toEnginePolicy(request.policy, calendars)),
    saved: saved ? { version: saved.version, clocks: clocks(toEnginePolicy(saved, calendars)) } : null,
  };
}

/**
 * Agents are members of the configured agent groups; with none configured, Atlassian (staff) accounts are
 * agents and customer (portal) accounts are not. Each distinct author is looked up once.
 */
async function agentTest(jira: JiraGateway, settings: Settings, issue: IssueHistory): Promise<(accountId: string) => boolean> {
  const authors = new Map<string, string | null>();
  for (const c of issue.comments) if (c.authorAccountId) authors.set(c.authorAccountId, c.authorAccountType);
  if (settings.agentGroups.length === 0) return (accountId) => authors.get(accountId) === 'atlassian';
  const wanted = new Set(settings.agentGroups);
  const agents = new Set<string>();
  for (const accountId of authors.keys()) {
    if ((await jira.getUserGroups(accountId)).some((g) => wanted.has(g))) agents.add(accountId);
  }
  return (accountId) => agents.has(accountId);
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

