// SLA clocks: policies, issue timelines and their evaluation. Pure: `now` is an argument.
export type {
  Condition,
  CycleResult,
  Metric,
  MetricResult,
  MetricState,
  PauseCondition,
  Policy,
  SlaResult,
  StatusCategory,
  Target,
  Timeline,
  TimelineEvent,
} from './types';
export { STATUS_CATEGORIES } from './types';
export { parsePolicy, parseTimeline, policySchema, timelineSchema } from './schema';
export { evaluateSla, type EvaluateOptions } from './evaluate';
export { ValidationError, type ValidationIssue } from '../calendar';
export { timelineFromJira, compareChangelogIds, type IssueHistoryFacts, type ChangelogEntry, type ChangelogItem, type CommentFacts } from './jira-timeline';
export { upcomingCrossings, type Crossing } from './crossings';
export { trackedProperty, untrackedProperty, type TrackedBy } from './property';
