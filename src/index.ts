// The handlers manifest.yml names, and nothing else.
export { panelResolver } from './resolvers/panel';
export { onIssueEvent } from './triggers/issue-events';
export { slaSweep } from './triggers/sla-sweep';
