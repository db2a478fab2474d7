// The plain facts billing works on: worklogs and issues as read from Jira, and the customers' terms.
import type { Contract } from '../../contract/config';

export interface WorklogFact {
  id: string;
  issueId: string;
  authorAccountId: string;
  authorName: string;
  /** Epoch ms of the worklog's start. */
  started: number;
  seconds: number;
}

export interface IssueFact {
  id: string;
  key: string;
  summary: string;
  issueType: string;
  labels: readonly string[];
  /** The sub-task's parent; its customer is the parent's. */
  parentId: string | null;
  /** The customer its own fields match, before inheritance. */
  customerKey: string | null;
}

/** A contract with the time zone of its calendar. */
export type BillingContract = Pick<
  Contract,
  'id' | 'customerKey' | 'name' | 'validFrom' | 'validTo' | 'currency' | 'rateCards' | 'rounding' | 'nonBillable' | 'includedHoursPerMonth'
> & { timeZone: string };

export interface BillingCustomer {
  key: string;
  name: string;
  timeZone: string;
}

export interface BillingTerms {
  customers: ReadonlyMap<string, BillingCustomer>;
  contracts: readonly BillingContract[];
}
