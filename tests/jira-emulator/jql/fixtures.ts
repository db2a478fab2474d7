// A small service desk as plain data: two projects, eight issues, an indexed SLA property and a customer property.
// "Now" is Wednesday 2026-11-18 11:00 UTC (12:00 in Berlin, CET).
import { compileJql, type CompiledJql, type JqlContext, type JqlIssue } from '../../../local/jira/jql';

export const NOW = Date.parse('2026-11-18T11:00:00Z');

export const ANN = 'acc-ann';
export const BOB = 'acc-bob';
export const CY = '712020:cy-0001';

export function context(overrides: Partial<JqlContext> = {}): JqlContext {
  return {
    now: NOW,
    timeZone: 'Europe/Berlin',
    currentAccountId: ANN,
    indexedProperties: [
      {
        propertyKey: 'serviceSla',
        values: [
          { path: 'breached', type: 'string', searchAlias: 'slaBreached' },
          { path: 'remainingMinutes', type: 'number', searchAlias: 'slaRemaining' },
          { path: 'due', type: 'date', searchAlias: 'slaDue' },
          { path: 'owner', type: 'user' },
          { path: 'note', type: 'text' },
        ],
      },
      { propertyKey: 'customer', values: [{ path: 'key', type: 'string', searchAlias: 'customerKey' }] },
    ],
    projects: [
      { id: '10000', key: 'SUP', name: 'Support Desk' },
      { id: '10001', key: 'OPS', name: 'Operations' },
      { id: '10002', key: 'HR', name: 'People' },
    ],
    statuses: [
      { id: '1', name: 'Open', category: 'new' },
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '10001', name: 'Waiting for customer', category: 'indeterminate' },
      { id: '10002', name: 'Done', category: 'done' },
    ],
    priorities: [
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
      { id: '5', name: 'Lowest' },
    ],
    issueTypes: [
      { id: '10001', name: 'Bug' },
      { id: '10002', name: 'Task' },
      { id: '10003', name: 'Service request' },
    ],
    users: [
      { accountId: ANN, displayName: 'Ann Agent', emailAddress: 'ann@example.com' },
      { accountId: BOB, displayName: 'Bob Builder', emailAddress: 'bob@example.com' },
      { accountId: CY, displayName: 'Cy Customer', emailAddress: 'cy@customer.example' },
    ],
    ...overrides,
  };
}

const STATUS = {
  open: { statusId: '1', statusName: 'Open', statusCategory: 'new' },
  progress: { statusId: '3', statusName: 'In Progress', statusCategory: 'indeterminate' },
  waiting: { statusId: '10001', statusName: 'Waiting for customer', statusCategory: 'indeterminate' },
  done: { statusId: '10002', statusName: 'Done', statusCategory: 'done' },
} as const;

const PRIORITY = {
  highest: { priorityId: '1', priorityName: 'Highest' },
  high: { priorityId: '2', priorityName: 'High' },
  medium: { priorityId: '3', priorityName: 'Medium' },
  low: { priorityId: '4', priorityName: 'Low' },
  lowest: { priorityId: '5', priorityName: 'Lowest' },
} as const;

const SUP = { projectId: '10000', projectKey: 'SUP' };
const OPS = { projectId: '10001', projectKey: 'OPS' };
const t = (iso: string): number => Date.parse(iso);

export const ISSUES: JqlIssue[] = [
  {
    id: '20001', key: 'SUP-1', ...SUP, issueTypeName: 'Bug', ...STATUS.open, ...PRIORITY.highest,
    assigneeAccountId: ANN, reporterAccountId: BOB, labels: ['vip', 'outage'], components: ['Email'],
    summary: 'Email outage for all users', description: 'Customers cannot send mail since the relay restarted.',
    created: t('2026-10-01T08:00:00Z'), updated: t('2026-11-17T10:00:00Z'), resolved: null,
    properties: {
      serviceSla: { breached: true, remainingMinutes: -30, due: '2026-11-17T09:00:00Z', owner: ANN },
      customer: { key: 'ACME' },
    },
  },
  {
    // Created 00:30 on 1 November in Berlin, still 31 October in UTC and New York.
    id: '20002', key: 'SUP-2', ...SUP, issueTypeName: 'Task', ...STATUS.progress, ...PRIORITY.medium,
    assigneeAccountId: BOB, reporterAccountId: CY, labels: [], components: [],
    summary: 'Reset password for new starter',
    created: t('2026-10-31T23:30:00Z'), updated: t('2026-11-18T10:59:00Z'), resolved: null,
    properties: {
      serviceSla: { breached: false, remainingMinutes: 120, due: '2026-11-18T14:00:00.000Z' },
      customer: { key: 'GLOBEX' },
    },
  },
  {
    // Created exactly at local midnight of 1 November in Berlin.
    id: '20003', key: 'SUP-3', ...SUP, issueTypeName: 'Service request', ...STATUS.done, ...PRIORITY.low,
    assigneeAccountId: null, reporterAccountId: ANN, labels: ['VIP'], components: ['VPN'],
    summary: 'Install VPN client', description: null,
    created: t('2026-10-31T23:00:00Z'), updated: t('2026-11-02T16:00:00Z'), resolved: t('2026-11-02T16:00:00Z'),
    properties: {},
  },
  {
    id: '20009', key: 'SUP-9', ...SUP, issueTypeName: 'Task', ...STATUS.done, ...PRIORITY.medium,
    assigneeAccountId: CY, reporterAccountId: BOB, labels: [], components: [],
    summary: 'Printer jammed on floor 3',
    created: t('2026-09-15T12:00:00Z'), updated: t('2026-09-20T12:00:00Z'), resolved: t('2026-09-20T12:00:00Z'),
    properties: { serviceSla: { breached: ['false'], remainingMinutes: null }, customer: { key: 'ACME' } },
  },
  {
    // Created on Sunday 15 November, 10:00 in Berlin: inside a week starting Sunday, before one starting Monday.
    id: '20010', key: 'SUP-10', ...SUP, issueTypeName: 'Bug', ...STATUS.waiting, ...PRIORITY.high,
    assigneeAccountId: ANN, reporterAccountId: CY, labels: ['billing'], components: ['Billing', 'Email'],
    summary: 'Invoice e-mail bounced',
    created: t('2026-11-15T09:00:00Z'), updated: t('2026-11-18T08:00:00Z'), resolved: null,
    properties: { serviceSla: { breached: 'false', remainingMinutes: '45', due: '2026-11-18' }, customer: { key: 'acme' } },
  },
  {
    id: '20011', key: 'SUP-11', ...SUP, issueTypeName: 'Service request', ...STATUS.open, ...PRIORITY.high,
    assigneeAccountId: null, reporterAccountId: CY, labels: ['vip'], components: ['VPN'],
    summary: 'VPN drops every hour',
    created: t('2026-11-18T07:00:00Z'), updated: t('2026-11-18T07:30:00Z'), resolved: null,
    properties: {
      serviceSla: { breached: false, remainingMinutes: 200, due: '2026-11-18T15:00:00Z' },
      customer: { key: 'GLOBEX' },
    },
  },
  {
    id: '30001', key: 'OPS-1', ...OPS, issueTypeName: 'Task', ...STATUS.open, ...PRIORITY.lowest,
    assigneeAccountId: null, reporterAccountId: ANN, labels: ['infra'], components: ['Network'],
    summary: 'Rotate TLS certificates', description: 'Certificates expire on Friday.',
    created: t('2026-11-18T06:00:00Z'), updated: t('2026-11-18T06:00:00Z'), resolved: null,
    properties: { serviceSla: { note: 'Waiting on vendor certificate renewal', due: 'not a date' } },
  },
  {
    // Created 00:30 on 18 November in Berlin, 17 November in New York.
    id: '30002', key: 'OPS-2', ...OPS, issueTypeName: 'Bug', ...STATUS.progress, ...PRIORITY.highest,
    assigneeAccountId: BOB, reporterAccountId: BOB, labels: ['infra', 'outage'], components: [],
    summary: 'Database failover outage',
    created: t('2026-11-17T23:30:00Z'), updated: t('2026-11-18T09:00:00Z'), resolved: null,
    properties: {
      serviceSla: { breached: true, remainingMinutes: 5, due: '2026-11-18T12:00:00+01:00', owner: BOB },
      customer: { key: ['ACME', 'GLOBEX'] },
    },
  },
];

export const ALL_KEYS = ISSUES.map((i) => i.key);

export function compileOk(jql: string, ctx: JqlContext = context()): CompiledJql {
  const result = compileJql(jql, ctx);
  if (!result.ok) throw new Error(`expected '${jql}' to compile, got: ${result.errorMessages.join(' | ')}`);
  return result.query;
}

/** Keys of the matching issues, in key order (for set comparisons). */
export function matchingKeys(jql: string, ctx: JqlContext = context(), issues: JqlIssue[] = ISSUES): string[] {
  const query = compileOk(jql, ctx);
  return issues.filter((i) => query.matches(i)).map((i) => i.key).sort();
}

/** Keys of the matching issues in the query's ORDER BY. */
export function searchKeys(jql: string, ctx: JqlContext = context(), issues: JqlIssue[] = ISSUES): string[] {
  const query = compileOk(jql, ctx);
  return issues.filter((i) => query.matches(i)).sort((a, b) => query.compare(a, b)).map((i) => i.key);
}

export function errorsOf(jql: string, ctx: JqlContext = context()): string[] {
  const result = compileJql(jql, ctx);
  if (result.ok) throw new Error(`expected '${jql}' to be rejected`);
  expect(result.status).toBe(400);
  return result.errorMessages;
}

export const sorted = (keys: string[]): string[] => [...keys].sort();
