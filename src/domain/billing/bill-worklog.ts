// One worklog as an invoice line (DESIGN.md section 4): its customer, contract, local date, raw and rounded
// seconds, rate and amount, or why it is not billed. Lines that bill nothing are kept with their reason so
// that no hours disappear from the reports.
//
// How names compare: labels exactly, as Jira and the customer matching treat them ("Acme" and "acme" are two
// labels); issue types (non-billable types, work-type rates) trimmed and case-insensitive, as the names people
// type and Jira does not allow two issue types that differ only in case.
import type { BillingLine, ExclusionReason } from '../../contract/billing';
import { localDate, rateCardOn } from '../contracts';
import { contractFor, customerOfIssue } from './attribution';
import { amountFor } from './money';
import { roundSeconds } from './rounding';
import type { BillingContract, BillingTerms, IssueFact, WorklogFact } from './types';

const typeName = (name: string): string => name.trim().toLowerCase();

/** The hourly rate of the rate card in force on `date` for this issue type, or null without a card. */
function rateOn(contract: BillingContract, date: string, issueType: string): number | null {
  const card = rateCardOn(contract, date);
  if (!card) return null;
  const type = typeName(issueType);
  return card.workTypeRates.find((w) => typeName(w.workType) === type)?.rate ?? card.defaultRate;
}

function exclusion(contract: BillingContract | null, customerKey: string | null, issue: IssueFact, rate: number | null): BillingLine['excluded'] {
  const excluded = (reason: ExclusionReason, detail = ''): BillingLine['excluded'] => ({ reason, detail });
  if (customerKey === null) return excluded('noCustomer');
  if (contract === null) return excluded('noContract');
  const label = issue.labels.find((l) => contract.nonBillable.labels.includes(l));
  if (label !== undefined) return excluded('nonBillableLabel', label);
  const type = typeName(issue.issueType);
  if (contract.nonBillable.issueTypes.some((t) => typeName(t) === type)) return excluded('nonBillableType', issue.issueType);
  if (rate === null) return excluded('noRateCard');
  return null;
}

/** The invoice line of `worklog` on `issue`; `issues` holds the parents of sub-tasks. */
export function billWorklog(worklog: WorklogFact, issue: IssueFact, issues: ReadonlyMap<string, IssueFact>, terms: BillingTerms): BillingLine {
  const customerKey = customerOfIssue(issue, issues);
  const contract = customerKey === null ? null : contractFor(terms, customerKey, worklog.started);
  const customer = customerKey === null ? undefined : terms.customers.get(customerKey);
  const timeZone = contract?.timeZone ?? customer?.timeZone ?? 'UTC';
  const date = localDate(worklog.started, timeZone);
  const rawSeconds = worklog.seconds;
  const roundedSeconds = contract ? roundSeconds(rawSeconds, contract.rounding) : rawSeconds;
  const rate = contract ? rateOn(contract, date, issue.issueType) : null;
  const excluded = exclusion(contract, customerKey, issue, rate);
  const billableSeconds = excluded ? 0 : roundedSeconds;
  const parent = issue.parentId === null ? undefined : issues.get(issue.parentId);
  return {
    worklogId: worklog.id,
    issueId: issue.id,
    issueKey: issue.key,
    issueSummary: issue.summary,
    issueType: issue.issueType,
    parentKey: parent?.key ?? null,
    customerKey,
    contractId: contract?.id ?? null,
    authorAccountId: worklog.authorAccountId,
    authorName: worklog.authorName,
    started: worklog.started,
    timeZone,
    date,
    rawSeconds,
    roundedSeconds,
    billableSeconds,
    // A non-billable line keeps its rate: it says what the hours would have cost.
    rate,
    amount: excluded || rate === null ? 0 : amountFor(billableSeconds, rate),
    currency: contract?.currency ?? null,
    excluded,
  };
}
