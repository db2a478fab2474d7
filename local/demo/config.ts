// The demo company's app configuration (customers, contracts, calendars, SLA policies, matching, settings) as a
// backup file, which the local host imports through the app's own importConfig resolver.
import type { Backup, CalendarRecord, Contract, Customer, MatchRule, PolicyDraft } from '../../src/contract/config';
import { BACKUP_FORMAT } from '../../src/contract/config';
import { GROUPS, ISSUE_TYPES, PRIORITY_NAMES, TIER_SLA_TARGETS } from './company';
import type { DemoCustomer, DemoTier } from './types';

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const TIERS: DemoTier[] = ['platinum', 'gold', 'silver', 'bronze'];

function calendarOf(customer: DemoCustomer): CalendarRecord {
  const hours = customer.supportHours;
  const weekly: CalendarRecord['weekly'] =
    hours.coverage === '24x7'
      ? Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, [['00:00', '24:00']]]))
      : Object.fromEntries(hours.days.map((d) => [WEEKDAY_KEYS[d] as string, [[hours.start, hours.end]]]));
  return {
    id: `${customer.key}-support`,
    name: `${customer.name} support hours`,
    timeZone: customer.timeZone,
    weekly,
    holidays: customer.holidays.map((h) => ({ date: h.date, name: h.name })),
    yearlyHolidays: [],
  };
}

const policyId = (tier: DemoTier) => `${tier}-sla`;

/** The demo policies: first response and resolution, with the tier's targets (local/demo/README.md). */
function policyOf(tier: DemoTier): PolicyDraft {
  const targets = TIER_SLA_TARGETS[tier];
  const byPriority = (minutes: Record<string, number>) => PRIORITY_NAMES.map((p) => ({ priorities: [p], minutes: minutes[p] as number }));
  return {
    id: policyId(tier),
    name: `${tier.charAt(0).toUpperCase()}${tier.slice(1)} SLA`,
    description: `First response and resolution targets of the ${tier} tier, in the customer's support hours.`,
    metrics: [
      {
        key: 'firstResponse',
        name: 'First response',
        start: [{ event: 'created' }],
        stop: [{ event: 'comment', author: 'agent', public: true }, { event: 'statusCategory', to: 'done' }],
        pause: [],
        targets: byPriority(targets.firstResponseMinutes),
        warnAtPercent: 75,
      },
      {
        key: 'resolution',
        name: 'Resolution',
        // A reopened issue (leaving Resolved or Closed) starts a new cycle.
        start: [{ event: 'created' }, { event: 'statusCategory', from: 'done' }],
        stop: [{ event: 'status', to: 'Resolved' }, { event: 'status', to: 'Closed' }],
        pause: [{ status: ['Waiting for customer'] }],
        targets: byPriority(targets.resolutionMinutes),
        warnAtPercent: 80,
      },
    ],
  };
}

function customerOf(customer: DemoCustomer, reviewedOn: string): Customer {
  return {
    key: customer.key,
    name: customer.name,
    tier: customer.tier,
    timeZone: customer.timeZone,
    serviceManagerAccountId: customer.serviceManagerAccountId,
    contacts: customer.contacts.map((c) => ({ name: c.name, email: c.email, role: c.role, lastReviewedOn: reviewedOn })),
  };
}

function contractOf(customer: DemoCustomer, validFrom: string): Contract {
  const { contract } = customer;
  const rate = Math.round(contract.hourlyRate * 100);
  const change = ISSUE_TYPES.find((t) => t.name === 'Change')?.name ?? 'Change';
  return {
    id: `${customer.key}-msa`,
    customerKey: customer.key,
    name: 'Managed services agreement',
    validFrom,
    validTo: null,
    calendarId: calendarOf(customer).id,
    policyId: policyId(customer.tier),
    includedHoursPerMonth: contract.includedHoursPerMonth,
    currency: contract.currency,
    // Changes done in the evening maintenance window are billed at a quarter more.
    rateCards: [{ validFrom, defaultRate: rate, workTypeRates: [{ workType: change, rate: Math.round(rate * 1.25) }] }],
    rounding: { mode: contract.rounding.mode, minutes: contract.rounding.minutes as 1 | 6 | 15 | 30 },
    nonBillable: { labels: [...contract.nonBillableLabels], issueTypes: [] },
  };
}

export function demoConfig(customers: readonly DemoCustomer[], anchor: string, exportedAt: string): Backup {
  // Contracts started at the beginning of the year before the history, so the whole history is covered.
  const validFrom = `${Number(anchor.slice(0, 4)) - 1}-01-01`;
  const reviewedOn = anchor.slice(0, 10);
  const tiers = TIERS.filter((t) => customers.some((c) => c.tier === t));
  const rules: MatchRule[] = customers.map((c) => ({ id: `${c.key}-projects`, customerKey: c.key, conditions: [{ field: 'project', values: [...c.projectKeys] }] }));
  return {
    format: BACKUP_FORMAT,
    exportedAt,
    customers: customers.map((c) => customerOf(c, reviewedOn)),
    contracts: customers.map((c) => contractOf(c, validFrom)),
    calendars: customers.map(calendarOf),
    policies: tiers.map((t) => ({ id: policyId(t), versions: [{ ...policyOf(t), version: 1 }] })),
    settings: { weights: { priority: 40, tier: 20, sla: 30, age: 10 }, agentGroups: [GROUPS.staff], billingGroups: [] },
    matching: { rules },
  };
}
