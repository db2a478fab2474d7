// Plain data for the billing tests: a customer, its contract, issues and worklogs, each with what a test
// does not care about filled in.
import type { BillingLine } from '../../../../src/contract/billing';
import type { BillingContract, BillingCustomer, BillingTerms, IssueFact, WorklogFact } from '../../../../src/domain/billing';

export const HOUR = 3600;

export const acme: BillingCustomer = { key: 'acme', name: 'Acme AG', timeZone: 'Europe/Zurich' };
export const globex: BillingCustomer = { key: 'globex', name: 'Globex Inc.', timeZone: 'America/New_York' };

export function contract(overrides: Partial<BillingContract> = {}): BillingContract {
  return {
    id: 'acme-2026',
    customerKey: 'acme',
    name: 'Acme support 2026',
    validFrom: '2026-01-01',
    validTo: null,
    currency: 'CHF',
    rateCards: [{ validFrom: '2026-01-01', defaultRate: 15_000, workTypeRates: [] }],
    rounding: { mode: 'none', minutes: 1 },
    nonBillable: { labels: [], issueTypes: [] },
    includedHoursPerMonth: 10,
    timeZone: 'Europe/Zurich',
    ...overrides,
  };
}

export function terms(contracts: readonly BillingContract[], customers: readonly BillingCustomer[] = [acme, globex]): BillingTerms {
  return { customers: new Map(customers.map((c) => [c.key, c])), contracts };
}

export function issue(overrides: Partial<IssueFact> = {}): IssueFact {
  return { id: '10001', key: 'ACME-1', summary: 'Mail server down', issueType: 'Task', labels: [], parentId: null, customerKey: 'acme', ...overrides };
}

export function worklog(started: string, seconds: number, overrides: Partial<WorklogFact> = {}): WorklogFact {
  return { id: '20001', issueId: '10001', authorAccountId: 'acc-anna', authorName: 'Anna Muster', started: Date.parse(started), seconds, ...overrides };
}

export const issuesById = (...list: IssueFact[]): ReadonlyMap<string, IssueFact> => new Map(list.map((i) => [i.id, i]));

/** An invoice line as a snapshot or a test builds it, billed 1 h at 15000 CHF unless told otherwise. */
export function line(overrides: Partial<BillingLine> = {}): BillingLine {
  return {
    worklogId: '20001',
    issueId: '10001',
    issueKey: 'ACME-1',
    issueSummary: 'Mail server down',
    issueType: 'Task',
    parentKey: null,
    customerKey: 'acme',
    contractId: 'acme-2026',
    authorAccountId: 'acc-anna',
    authorName: 'Anna Muster',
    started: Date.parse('2026-06-03T08:00:00+02:00'),
    timeZone: 'Europe/Zurich',
    date: '2026-06-03',
    rawSeconds: HOUR,
    roundedSeconds: HOUR,
    billableSeconds: HOUR,
    rate: 15_000,
    amount: 15_000,
    currency: 'CHF',
    excluded: null,
    ...overrides,
  };
}
