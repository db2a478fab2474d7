// Billing's wiring: Jira as the app (billing users may see every customer's hours, not only the issues they
// browse), the stores, and the invocation's time.
import { createJiraGateway } from '../../jira/gateway';
import { forgeRemainingMs } from '../../jira/request';
import { createBillingStore } from '../../store/billing-store';
import { createConfigStore } from '../../store/config-store';
import { createWorklogStore } from '../../store/worklog-store';
import { queueBillingJob } from '../../jobs/billing-queue';
import type { SourceDeps } from './month-source';

/**
 * The most worklogs a month may hold for the page to count it in a resolver's 25 s; larger months are counted in
 * the background. A Forge environment variable can change it (`forge variables set BILLING_LIVE_WORKLOG_LIMIT`).
 */
const LIVE_WORKLOG_LIMIT = 20_000;

function liveWorklogLimit(): number {
  const set = Number(process.env.BILLING_LIVE_WORKLOG_LIMIT);
  return Number.isInteger(set) && set > 0 ? set : LIVE_WORKLOG_LIMIT;
}

export function billingDeps(): SourceDeps {
  return {
    liveWorklogLimit: liveWorklogLimit(),
    queueCount: (month) => queueBillingJob({ kind: 'count', month }),
    jira: createJiraGateway('app'),
    worklogs: createWorklogStore(),
    billing: createBillingStore(),
    config: createConfigStore(),
    now: () => Date.now(),
    timeLeft: forgeRemainingMs,
  };
}
