// A customer's billed hours as a tree for the drill-down: issue > person > day, each level the sum of its
// children. Excluded lines bill nothing and are listed apart, so they are not in the tree.
import type { BillingDay, BillingIssue, BillingLine, BillingPerson } from '../../contract/billing';
import { compareText } from './compare';

interface Totals {
  rawSeconds: number;
  billableSeconds: number;
  amount: number;
}

function add(to: Totals, line: BillingLine): void {
  to.rawSeconds += line.rawSeconds;
  to.billableSeconds += line.billableSeconds;
  to.amount += line.amount;
}

const zero = (): Totals => ({ rawSeconds: 0, billableSeconds: 0, amount: 0 });

/** Issues by billable seconds (most first) then key; people by billable seconds then name; days ascending. */
export function drillDown(lines: readonly BillingLine[]): BillingIssue[] {
  const issues = new Map<string, BillingIssue & { byPerson: Map<string, BillingPerson & { byDay: Map<string, BillingDay> }> }>();
  for (const line of lines) {
    if (line.excluded) continue;
    let issue = issues.get(line.issueId);
    if (!issue) {
      issue = { issueId: line.issueId, issueKey: line.issueKey, summary: line.issueSummary, ...zero(), people: [], byPerson: new Map() };
      issues.set(line.issueId, issue);
    }
    let person = issue.byPerson.get(line.authorAccountId);
    if (!person) {
      person = { accountId: line.authorAccountId, name: line.authorName, ...zero(), days: [], byDay: new Map() };
      issue.byPerson.set(line.authorAccountId, person);
    }
    let day = person.byDay.get(line.date);
    if (!day) {
      day = { date: line.date, ...zero() };
      person.byDay.set(line.date, day);
    }
    add(issue, line);
    add(person, line);
    add(day, line);
  }
  return [...issues.values()]
    .map(({ byPerson, ...issue }) => ({
      ...issue,
      people: [...byPerson.values()]
        .map(({ byDay, ...person }) => ({ ...person, days: [...byDay.values()].sort((a, b) => compareText(a.date, b.date)) }))
        .sort((a, b) => b.billableSeconds - a.billableSeconds || compareText(a.name, b.name) || compareText(a.accountId, b.accountId)),
    }))
    .sort((a, b) => b.billableSeconds - a.billableSeconds || compareText(a.issueKey, b.issueKey) || compareText(a.issueId, b.issueId));
}
