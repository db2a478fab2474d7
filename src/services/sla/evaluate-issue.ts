// An issue's clocks from its Jira history and the configuration that governs it: shared by the recompute on
// events, the sweep, the backfill and the issue panel, so they can never disagree.
import type { SlaProperty } from '../../contract/sla';
import { evaluateSla, timelineFromJira, trackedProperty, untrackedProperty, upcomingCrossings, type Crossing, type SlaResult, type Timeline } from '../../domain/sla';
import type { IssueHistory } from '../../jira/history';
import type { JiraCache } from '../../store/jira-cache';
import type { Tracking, TrackingConfig } from './tracking';

/** What the recompute needs of Jira beyond the issue itself (each answer cached in KVS). */
export interface JiraFacts {
  listStatuses(): Promise<{ id: string; category: 'new' | 'indeterminate' | 'done' }[]>;
  getUserGroups(accountId: string): Promise<string[]>;
}

export interface IssueEvaluation {
  tracking: Tracking;
  /** Null when the issue is not tracked. */
  results: SlaResult | null;
  property: SlaProperty;
  crossings: Crossing[];
}

export class IssueEvaluator {
  private categories?: Promise<Record<string, 'new' | 'indeterminate' | 'done'>>;
  private readonly groups = new Map<string, Promise<string[]>>();

  constructor(
    private readonly config: TrackingConfig,
    private readonly jira: JiraFacts,
    private readonly cache: JiraCache,
  ) {}

  async evaluate(issue: IssueHistory, now: number): Promise<IssueEvaluation> {
    const tracking = await this.config.resolve({ projectKey: issue.projectKey, labels: issue.labels, components: issue.components, fields: {} }, now);
    if (!tracking.tracked) {
      return { tracking, results: null, property: untrackedProperty(tracking.untracked, tracking.customer?.key, tracking.contract?.id), crossings: [] };
    }
    const results = evaluateSla(tracking.policy, await this.timeline(issue), now, { calendar: tracking.calendar });
    const property = trackedProperty(
      { customer: tracking.customer.key, contract: tracking.contract.id, policy: tracking.version.id, policyVersion: tracking.version.version },
      results,
    );
    return { tracking, results, property, crossings: upcomingCrossings(tracking.policy, results, tracking.calendar, now) };
  }

  /** The issue's SLA timeline: its history, with comments told apart as agents' or customers'. */
  async timeline(issue: IssueHistory): Promise<Timeline> {
    const [statusCategories, isAgent] = await Promise.all([this.statusCategories(), this.agentTest(issue)]);
    return timelineFromJira({
      created: issue.created,
      current: { status: { name: issue.status.name, category: issue.status.category }, priority: issue.priority, assigneeAccountId: issue.assigneeAccountId },
      changes: issue.changes,
      comments: issue.comments,
      statusCategories,
      isAgent,
    });
  }

  private statusCategories(): Promise<Record<string, 'new' | 'indeterminate' | 'done'>> {
    this.categories ??= (async () => {
      const cached = await this.cache.statusCategories();
      if (cached) return cached;
      const fresh = Object.fromEntries((await this.jira.listStatuses()).map((s) => [s.id, s.category]));
      await this.cache.setStatusCategories(fresh);
      return fresh;
    })();
    return this.categories;
  }

  /**
   * Agents are members of the configured agent groups; with none configured, Atlassian (staff) accounts are
   * agents and customer (portal) accounts are not.
   */
  private async agentTest(issue: IssueHistory): Promise<(accountId: string) => boolean> {
    const types = new Map<string, string | null>();
    for (const c of issue.comments) if (c.authorAccountId) types.set(c.authorAccountId, c.authorAccountType);
    const agentGroups = await this.config.agentGroups();
    if (agentGroups.length === 0) return (accountId) => types.get(accountId) === 'atlassian';
    const wanted = new Set(agentGroups);
    const agents = new Set<string>();
    await Promise.all(
      [...types.keys()].map(async (accountId) => {
        if ((await this.groupsOf(accountId)).some((g) => wanted.has(g))) agents.add(accountId);
      }),
    );
    return (accountId) => agents.has(accountId);
  }

  private groupsOf(accountId: string): Promise<string[]> {
    let found = this.groups.get(accountId);
    if (!found) {
      found = (async () => {
        const cached = await this.cache.groupsOf(accountId);
        if (cached) return cached;
        const fresh = await this.jira.getUserGroups(accountId);
        await this.cache.setGroupsOf(accountId, fresh);
        return fresh;
      })();
      this.groups.set(accountId, found);
    }
    return found;
  }
}
