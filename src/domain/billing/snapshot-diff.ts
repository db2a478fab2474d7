// What changed in Jira after a month was closed: the invoice keeps the snapshot, and these are listed beside
// it so that nobody is surprised by a later invoice or export.
import type { BillingLine, ChangeAfterClose } from '../../contract/billing';
import { compareText } from './compare';

function differs(a: BillingLine, b: BillingLine): boolean {
  return a.rawSeconds !== b.rawSeconds || a.started !== b.started || a.issueId !== b.issueId || a.billableSeconds !== b.billableSeconds;
}

/**
 * Worklogs added, removed or changed (raw seconds, start, issue or billable seconds) between the closed
 * month's lines and the current ones, by issue key then worklog id. The seconds shown are the logged ones.
 */
export function diffSnapshot(closed: readonly BillingLine[], current: readonly BillingLine[]): ChangeAfterClose[] {
  const before = new Map(closed.map((l) => [l.worklogId, l]));
  const now = new Map(current.map((l) => [l.worklogId, l]));
  const changes: ChangeAfterClose[] = [];
  for (const [worklogId, line] of now) {
    const old = before.get(worklogId);
    if (!old) changes.push({ worklogId, issueKey: line.issueKey, kind: 'added', closedSeconds: null, currentSeconds: line.rawSeconds });
    else if (differs(old, line)) changes.push({ worklogId, issueKey: line.issueKey, kind: 'changed', closedSeconds: old.rawSeconds, currentSeconds: line.rawSeconds });
  }
  for (const [worklogId, old] of before) {
    if (!now.has(worklogId)) changes.push({ worklogId, issueKey: old.issueKey, kind: 'removed', closedSeconds: old.rawSeconds, currentSeconds: null });
  }
  return changes.sort((a, b) => compareText(a.issueKey, b.issueKey) || compareText(a.worklogId, b.worklogId));
}
