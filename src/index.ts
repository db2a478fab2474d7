// The handlers manifest.yml names, and nothing else.
export { appResolver } from './resolvers/app';
export { onIssueEvent } from './triggers/issue-events';
export { slaSweep } from './triggers/sla-sweep';
