// The demo company as plain data: what the Jira emulator imports (`jira`) plus the app-side metadata
// (customers, people) that the app's admin configuration and the host page's user switcher use.

import type { JiraSeed } from '../jira/seed';
import type { Holiday, HolidayRule } from './holidays';

export type DemoTier = 'platinum' | 'gold' | 'silver' | 'bronze';
export type DemoRole = 'admin' | 'service-manager' | 'engineer' | 'customer';
export type PriorityName = 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';

export interface DemoContact {
  accountId: string;
  name: string;
  email: string;
  /** Job title at the customer, e.g. "Head of IT Operations". */
  role: string;
}

/** When the customer's SLA clock runs. */
export type DemoSupportHours =
  | { coverage: '24x7' }
  | { coverage: 'business'; days: number[]; start: string; end: string };

/** A contract the admin pages can be seeded with; the generator's SLA behaviour follows these targets. */
export interface DemoContract {
  includedHoursPerMonth: number;
  currency: 'CHF' | 'USD' | 'INR';
  hourlyRate: number;
  /** Per-worklog rounding. */
  rounding: { mode: 'none' | 'up' | 'nearest'; minutes: number };
  /** Worklogs on issues with one of these labels are not billed. */
  nonBillableLabels: string[];
  /** Targets in working minutes of the support hours, by priority name. */
  slaTargets: { firstResponseMinutes: Record<PriorityName, number>; resolutionMinutes: Record<PriorityName, number> };
}

/** What describes a customer, in the fixed company data and in the generated output alike. */
export interface CustomerProfile {
  key: string;
  name: string;
  tier: DemoTier;
  /** IANA zone of the customer's offices and SLA calendar. */
  timeZone: string;
  country: 'CH' | 'US' | 'IN';
  city: string;
  industry: string;
  supportHours: DemoSupportHours;
  /** Which public holidays the customer observes. */
  holidayRule: HolidayRule;
  contract: DemoContract;
}

export interface DemoCustomer extends CustomerProfile {
  projectKeys: string[];
  serviceManagerAccountId: string;
  contacts: DemoContact[];
  /** Public holidays of every calendar year the history and the next 3 months touch. */
  holidays: Holiday[];
}

export interface DemoPerson {
  accountId: string;
  name: string;
  email: string;
  role: DemoRole;
  /** For role `customer`: whose contact this is. */
  customerKey?: string;
  timeZone: string;
  locale: string;
  /** Job title, e.g. "Service manager" or "Head of IT Operations". */
  title: string;
}

export interface DemoOptions {
  /** PRNG seed (uint32); default `DEFAULT_DEMO_SEED`. */
  seed?: number;
  /** ISO instant with offset: the end of the 3 months of history, the demo's "now". */
  anchor: string;
  /** Exact number of issues; default 400. */
  issues?: number;
  /** Exact number of worklogs; default 7 per issue. */
  worklogs?: number;
}

export interface DemoMeta {
  seed: number;
  anchor: string;
  /** Start of the history: the anchor minus 3 calendar months. */
  historyStart: string;
  issues: number;
  worklogs: number;
}

export interface DemoCompany {
  jira: JiraSeed;
  customers: DemoCustomer[];
  people: DemoPerson[];
  meta: DemoMeta;
}
