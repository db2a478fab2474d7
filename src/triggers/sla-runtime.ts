// The SLA tracking's wiring for background work (triggers, the sweep, queued jobs): the app's own Jira access,
// storage, and the invocation's time.
import { SLA_PROPERTY_KEY } from '../contract/sla';
import { createJiraGateway, type JiraGateway } from '../jira/gateway';
import { forgeRemainingMs } from '../jira/request';
import type { BackfillDeps } from '../services/sla/backfill';
import { IssueEvaluator } from '../services/sla/evaluate-issue';
import { recomputeIssueSla, type RecomputeDeps } from '../services/sla/recompute';
import { TrackingConfig } from '../services/sla/tracking';
import { createBackfillStore } from '../store/backfill-store';
import { createConfigStore } from '../store/config-store';
import { createJiraCache } from '../store/jira-cache';
import { createSlaStore, type SlaStore } from '../store/sla-store';

export interface SlaRuntime {
  jira: JiraGateway;
  sla: SlaStore;
  recomputeDeps: RecomputeDeps;
  backfillDeps: BackfillDeps;
}

export function slaRuntime(now: number = Date.now()): SlaRuntime {
  const jira = createJiraGateway('app');
  const sla = createSlaStore();
  const evaluator = new IssueEvaluator(new TrackingConfig(createConfigStore()), jira, createJiraCache());
  const recomputeDeps: RecomputeDeps = {
    jira: {
      getIssueNow: (issueId) => jira.getIssueHistory(issueId),
      async setIssueProperty(issueId, _key, value) {
        await jira.setIssueProperty(issueId, SLA_PROPERTY_KEY, value);
      },
    },
    evaluator,
    sla,
    now,
  };
  return {
    jira,
    sla,
    recomputeDeps,
    backfillDeps: {
      store: createBackfillStore(),
      async searchIssueIds(jql) {
        return (await jira.searchIssueIds(jql)).issues.map((i) => i.id);
      },
      recompute: (issueId) => recomputeIssueSla({ ...recomputeDeps, now: Date.now() }, issueId),
      now: () => Date.now(),
      timeLeft: forgeRemainingMs,
    },
  };
}
