// Whose a worklog is: the customer of its issue (a sub-task's is its parent's) and the contract in force
// on its start date in that contract's own time zone (DESIGN.md section 4).
import { localDate } from '../contracts';
import type { BillingContract, BillingTerms, IssueFact } from './types';

/**
 * The customer of an issue. A sub-task takes its parent's customer (the parent's own match, whatever its
 * own fields say); when the parent is not among `issues`, its own match.
 */
export function customerOfIssue(issue: IssueFact, issues: ReadonlyMap<string, IssueFact>): string | null {
  const parent = issue.parentId === null ? undefined : issues.get(issue.parentId);
  return parent ? parent.customerKey : issue.customerKey;
}

/**
 * The customer's contract whose period (inclusive) contains the local date of `started` in that contract's
 * zone: contracts in different zones see the same instant on different dates. Of several, the one that
 * started last (the first listed of those starting the same day), as contractInForce decides.
 */
export function contractFor(terms: BillingTerms, customerKey: string, started: number): BillingContract | null {
  let found: BillingContract | null = null;
  for (const c of terms.contracts) {
    if (c.customerKey !== customerKey) continue;
    const date = localDate(started, c.timeZone);
    if (date < c.validFrom || (c.validTo !== null && date > c.validTo)) continue;
    if (found === null || c.validFrom > found.validFrom) found = c;
  }
  return found;
}
