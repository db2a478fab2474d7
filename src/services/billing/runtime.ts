// Billing's wiring: Jira as the app (billing users may see every customer's hours, not only the issues they
// browse), the stores, and the invocation's time.
import { createJiraGateway } from '../../jira/gateway';
import { forgeRemainingMs } from '../../jira/request';
import { createBillingStore } from '../../store/billing-store';
import { createConfigStore } from '../../store/config-store';
import { createWorklogStore } from '../../store/worklog-store';
import type { ReportDeps } from './month-report';

export function billingDeps(): ReportDeps {
  return {
    jira: createJiraGateway('app'),
    worklogs: createWorklogStore(),
    billing: createBillingStore(),
    config: createConfigStore(),
    now: () => Date.now(),
    timeLeft: forgeRemainingMs,
  };
}
