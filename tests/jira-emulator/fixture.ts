// A small Jira site for the emulator tests: two customers with their own projects, staff, an admin, and a few
// issues with history, public and internal comments, and worklogs.
import { openLocalDb, type LocalDb } from '../../local/db';
import type { JiraRequest, JiraResponse } from '../../local/jira/backend';
import { createJiraEmulator, type JiraEmulator } from '../../local/jira';
import type { IndexedProperty } from '../../local/jira/jql/types';
import type { JiraSeed, SeedIssue } from '../../local/jira/seed';

export const T0 = Date.parse('2026-03-02T08:00:00.000Z');
export const HOUR = 3_600_000;
export const iso = (ms: number): string => new Date(ms).toISOString();

export const USERS = {
  admin: 'acc-admin',
  agent: 'acc-agent',
  engineer: 'acc-engineer',
  acme: 'acc-acme-contact',
  globex: 'acc-globex-contact',
} as const;

export const INDEXED: IndexedProperty[] = [
  { propertyKey: 'serviceSla', values: [{ path: 'breached', type: 'string' }, { path: 'dueAt', type: 'date' }, { path: 'customer', type: 'string' }] },
];

function issue(partial: Partial<SeedIssue> & Pick<SeedIssue, 'key' | 'projectKey' | 'summary' | 'created'>): SeedIssue {
  return {
    issueTypeId: '10001',
    reporterAccountId: partial.projectKey === 'ACME' ? USERS.acme : USERS.globex,
    initial: { statusId: '1', priorityId: '3', assigneeAccountId: null },
    labels: [],
    components: [],
    history: [],
    comments: [],
    worklogs: [],
    ...partial,
  };
}

export function fixtureSeed(): JiraSeed {
  return {
    users: [
      { accountId: USERS.admin, displayName: 'Ada Admin', emailAddress: 'ada@msp.example', timeZone: 'Europe/Zurich', locale: 'de_CH', accountType: 'atlassian', groups: ['jira-admins', 'msp-staff'], active: true },
      { accountId: USERS.agent, displayName: 'Sam Agent', emailAddress: 'sam@msp.example', timeZone: 'Europe/Zurich', locale: 'en_GB', accountType: 'atlassian', groups: ['msp-staff'], active: true },
      { accountId: USERS.engineer, displayName: 'Eve Engineer', emailAddress: 'eve@msp.example', timeZone: 'Asia/Kolkata', locale: 'en_US', accountType: 'atlassian', groups: ['msp-staff'], active: true },
      { accountId: USERS.acme, displayName: 'Alice Acme', emailAddress: 'alice@acme.example', timeZone: 'America/New_York', locale: 'en_US', accountType: 'customer', groups: ['acme-customers'], active: true },
      { accountId: USERS.globex, displayName: 'Gus Globex', emailAddress: 'gus@globex.example', timeZone: 'Australia/Sydney', locale: 'en_AU', accountType: 'customer', groups: ['globex-customers'], active: true },
    ],
    statuses: [
      { id: '1', name: 'Open', category: 'new' },
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '10001', name: 'Waiting for customer', category: 'indeterminate' },
      { id: '5', name: 'Resolved', category: 'done' },
      { id: '6', name: 'Closed', category: 'done' },
    ],
    transitions: [
      { id: '11', name: 'Start progress', toStatusId: '3' },
      { id: '21', name: 'Wait for customer', toStatusId: '10001' },
      { id: '31', name: 'Resolve', toStatusId: '5' },
      { id: '41', name: 'Close', toStatusId: '6' },
      { id: '51', name: 'Reopen', toStatusId: '1' },
    ],
    priorities: [
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
      { id: '5', name: 'Lowest' },
    ],
    issueTypes: [
      { id: '10001', name: 'Service Request', subtask: false },
      { id: '10002', name: 'Incident', subtask: false },
    ],
    projects: [
      { id: '10000', key: 'ACME', name: 'Acme Support', leadAccountId: USERS.agent, browseGroups: ['msp-staff', 'acme-customers'], components: ['Network', 'Email'] },
      { id: '10001', key: 'GLX', name: 'Globex Support', leadAccountId: USERS.agent, browseGroups: ['msp-staff', 'globex-customers'], components: ['Servers'] },
    ],
    adminGroups: ['jira-admins'],
    issues: [
      issue({
        key: 'ACME-1',
        projectKey: 'ACME',
        issueTypeId: '10002',
        summary: 'VPN is down for the whole office',
        description: 'Nobody can connect since 8am.',
        created: iso(T0),
        initial: { statusId: '1', priorityId: '2', assigneeAccountId: null },
        labels: ['vpn'],
        components: ['Network'],
        history: [
          { at: iso(T0 + HOUR), authorAccountId: USERS.agent, items: [{ field: 'assignee', from: null, to: USERS.engineer }, { field: 'status', from: '1', to: '3' }] },
          { at: iso(T0 + 5 * HOUR), authorAccountId: USERS.engineer, items: [{ field: 'status', from: '3', to: '5' }] },
        ],
        comments: [
          { at: iso(T0 + 30 * 60_000), authorAccountId: USERS.agent, body: 'We are looking into it.', internal: false },
          { at: iso(T0 + 2 * HOUR), authorAccountId: USERS.engineer, body: 'Firewall rule pushed by mistake.', internal: true },
        ],
        worklogs: [
          { authorAccountId: USERS.engineer, started: iso(T0 + HOUR), timeSpentSeconds: 3600, comment: 'Diagnosis' },
          { authorAccountId: USERS.engineer, started: iso(T0 + 3 * HOUR), timeSpentSeconds: 5400 },
        ],
        properties: { serviceSla: { breached: 'false', customer: 'ACME' } },
      }),
      issue({ key: 'ACME-2', projectKey: 'ACME', summary: 'New laptop for Bob', created: iso(T0 + 2 * HOUR), components: ['Email'], initial: { statusId: '1', priorityId: '4', assigneeAccountId: USERS.agent } }),
      issue({ key: 'ACME-3', projectKey: 'ACME', summary: 'Mailbox quota', created: iso(T0 + 3 * HOUR), labels: ['email', 'quota'], properties: { serviceSla: { breached: 'true', customer: 'ACME' } } }),
      issue({
        key: 'GLX-1',
        projectKey: 'GLX',
        issueTypeId: '10002',
        summary: 'Server room too warm',
        created: iso(T0 + HOUR),
        initial: { statusId: '1', priorityId: '1', assigneeAccountId: USERS.engineer },
        worklogs: [{ authorAccountId: USERS.engineer, started: iso(T0 + 2 * HOUR), timeSpentSeconds: 1800 }],
        properties: { serviceSla: { breached: 'true', customer: 'GLX' } },
      }),
    ],
  };
}

export interface Harness {
  db: LocalDb;
  jira: JiraEmulator;
  clock: { now: number };
  /** Calls `handle` and parses the JSON body (undefined for an empty body), read as `T` (see wire.ts). */
  call<T = unknown>(method: string, path: string, as: Who, body?: unknown): Promise<{ status: number; headers: Record<string, string>; json: T }>;
}

export type Who = keyof typeof USERS | 'app' | 'anonymous';

export function principalOf(who: Who): JiraRequest['principal'] {
  if (who === 'app') return { kind: 'app' };
  if (who === 'anonymous') return { kind: 'anonymous' };
  return { kind: 'user', accountId: USERS[who] };
}

export function makeHarness(options: { db?: LocalDb; seed?: JiraSeed | null; now?: number; searchLagMs?: number; worklogChangelog?: boolean } = {}): Harness {
  const db = options.db ?? openLocalDb(':memory:');
  const clock = { now: options.now ?? T0 + 48 * HOUR };
  const jira = createJiraEmulator({ db, indexedProperties: INDEXED, baseUrl: 'http://jira.test', now: () => clock.now, searchLagMs: options.searchLagMs, worklogChangelog: options.worklogChangelog });
  if (options.seed !== null) jira.importSeed(options.seed ?? fixtureSeed());
  return {
    db,
    jira,
    clock,
    async call<T>(method: string, path: string, as: Who, body?: unknown) {
      const res: JiraResponse = await jira.handle({
        method,
        path,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        principal: principalOf(as),
        fromApp: as === 'app',
      });
      return { status: res.status, headers: res.headers, json: (res.body === '' ? undefined : JSON.parse(res.body)) as T };
    },
  };
}

/** A one-paragraph ADF document. */
export const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
