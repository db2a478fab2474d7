// The handlers manifest.yml names, and nothing else.
export { appResolver } from './resolvers/app';
export { onBillingJob } from './triggers/billing-jobs';
export { billingSync } from './triggers/billing-sync';
export { onIssueEvent } from './triggers/issue-events';
export { onAppInstalled } from './triggers/lifecycle';
export { onSlaJob } from './triggers/sla-jobs';
export { slaSweep } from './triggers/sla-sweep';
