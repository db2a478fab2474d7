// Use case: recompute one issue's SLA state from its full history and publish it as the `serviceSla` property.
// Idempotent and order-independent: it never trusts the event, only Jira's current state; it writes only when
// the result changed; and a state computed from an older read never replaces one from a newer read.
import { SLA_PROPERTY_KEY, type SlaProperty } from '../../contract/sla';
import type { IssueHistory } from '../../jira/history';
import type { IssueSlaRecord, SlaStore } from '../../store/sla-store';
import type { IssueEvaluation, IssueEvaluator } from './evaluate-issue';

/** The issue as Jira has it now, with `updated` (epoch ms): the basis that orders competing recomputes. */
export type IssueNow = IssueHistory & { updated: number };

export interface RecomputeJira {
  /** The issue with its whole history, as the app sees it; null when it no longer exists. */
  getIssueNow(issueId: string): Promise<IssueNow | null>;
  setIssueProperty(issueId: string, key: string, value: SlaProperty): Promise<void>;
}

export interface RecomputeDeps {
  jira: RecomputeJira;
  evaluator: IssueEvaluator;
  sla: SlaStore;
  now: number;
}

export type RecomputeOutcome = 'written' | 'unchanged' | 'outdated' | 'gone';

export interface Recomputed {
  outcome: RecomputeOutcome;
  /** The issue as read (absent when it is gone). */
  issue?: IssueNow;
  evaluation?: IssueEvaluation;
  record?: IssueSlaRecord;
}

/** How often a recompute reads again after losing a race to a concurrent one that read an older state. */
const ATTEMPTS = 3;

export async function recomputeIssueSla(deps: RecomputeDeps, issueId: string): Promise<Recomputed> {
  for (let attempt = 1; ; attempt++) {
    const result = await recomputeOnce(deps, issueId);
    // Our property write may have landed after a newer one: read again and publish the newest state.
    if (result.outcome !== 'outdated' || attempt >= ATTEMPTS) return result;
  }
}

async function recomputeOnce(deps: RecomputeDeps, issueId: string): Promise<Recomputed> {
  const issue = await deps.jira.getIssueNow(issueId);
  if (!issue) {
    await deps.sla.delete(issueId);
    return { outcome: 'gone' };
  }
  const evaluation = await deps.evaluator.evaluate(issue, deps.now);
  const hash = JSON.stringify(evaluation.property);
  const stored = await deps.sla.get(issue.id);
  if (stored && stored.basisAt > issue.updated) return { outcome: 'unchanged', issue, evaluation, record: stored };
  const record: IssueSlaRecord = {
    issueId: issue.id,
    issueKey: issue.key,
    basisAt: issue.updated,
    property: evaluation.property,
    hash,
    crossings: evaluation.crossings,
    announced: stored?.announced ?? [],
    board: {
      summary: issue.summary,
      issueType: issue.issueType,
      priority: issue.priority,
      status: { name: issue.status.name, category: issue.status.category },
      assignee: issue.assigneeAccountId ? { accountId: issue.assigneeAccountId, displayName: issue.assigneeName ?? issue.assigneeAccountId } : null,
      created: issue.created,
      resolved: issue.resolutionDate,
    },
  };
  const propertyChanged = !stored || stored.hash !== hash;
  // The board's facts and the sweep's index live only in KVS: they change without a Jira write.
  if (!propertyChanged && sameRecord(stored, record)) return { outcome: 'unchanged', issue, evaluation, record: stored };
  if (propertyChanged) await deps.jira.setIssueProperty(issue.id, SLA_PROPERTY_KEY, evaluation.property);
  const saved = await deps.sla.save(record);
  return saved === 'saved' ? { outcome: 'written', issue, evaluation, record } : { outcome: 'outdated', issue, evaluation };
}

function sameRecord(a: IssueSlaRecord, b: IssueSlaRecord): boolean {
  return a.issueKey === b.issueKey && JSON.stringify([a.crossings, a.board]) === JSON.stringify([b.crossings, b.board]);
}
