// A small Jira site of our own for host tests that need a different app (fixtures): one person per role, two
// projects with different browse groups, a few issues with comments and worklogs.
import type { DemoPerson } from '../../../local/demo/types';
import { startLocalHost, type LocalHost } from '../../../local/host';
import type { JiraSeed } from '../../../local/jira';

const person = (id: string, name: string, role: DemoPerson['role'], extra: Partial<DemoPerson> = {}): DemoPerson => ({
  accountId: `acc-${id}`,
  name,
  email: `${id}@small.example`,
  role,
  timeZone: 'Europe/Zurich',
  locale: 'en-GB',
  title: role,
  ...extra,
});

export const SMALL_PEOPLE: DemoPerson[] = [
  person('sm', 'Sam Manager', 'service-manager'),
  person('eng', 'Erin Engineer', 'engineer'),
  person('cust', 'Cora Customer', 'customer', { customerKey: 'abc' }),
  person('admin', 'Ada Admin', 'admin'),
];

export function smallSeed(): JiraSeed {
  const groupsOf = (p: DemoPerson): string[] =>
    p.role === 'customer' ? [`customer-${p.customerKey}`] : p.role === 'admin' ? ['staff', 'jira-admins'] : ['staff'];
  const at = (day: number, hour: number): string => `2026-03-0${day}T${String(hour).padStart(2, '0')}:00:00+01:00`;
  return {
    users: SMALL_PEOPLE.map((p) => ({
      accountId: p.accountId,
      displayName: p.name,
      emailAddress: p.email,
      timeZone: p.timeZone,
      locale: p.locale,
      accountType: p.role === 'customer' ? 'customer' : 'atlassian',
      groups: groupsOf(p),
      active: true,
    })),
    statuses: [
      { id: '1', name: 'Open', category: 'new' },
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '5', name: 'Resolved', category: 'done' },
    ],
    transitions: [
      { id: '11', name: 'Start progress', toStatusId: '3' },
      { id: '21', name: 'Resolve', toStatusId: '5' },
      { id: '31', name: 'Reopen', toStatusId: '1' },
    ],
    priorities: [
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
    ],
    issueTypes: [{ id: '10001', name: 'Incident', subtask: false }],
    projects: [
      { id: '10000', key: 'ABC', name: 'ABC Service Desk', leadAccountId: 'acc-sm', browseGroups: ['staff', 'customer-abc'], components: ['Network'] },
      { id: '10001', key: 'XYZ', name: 'XYZ Internal', leadAccountId: 'acc-sm', browseGroups: ['staff'], components: [] },
    ],
    issues: [
      {
        key: 'ABC-1',
        projectKey: 'ABC',
        issueTypeId: '10001',
        summary: 'VPN drops every hour',
        description: 'Users in Basel lose the VPN at the full hour.',
        reporterAccountId: 'acc-cust',
        initial: { statusId: '1', priorityId: '2', assigneeAccountId: 'acc-eng' },
        labels: ['vpn'],
        components: ['Network'],
        created: at(2, 9),
        history: [{ at: at(2, 10), authorAccountId: 'acc-eng', items: [{ field: 'status', from: '1', to: '3' }] }],
        comments: [
          { at: at(2, 10), authorAccountId: 'acc-eng', body: 'Looking into it.', internal: false },
          { at: at(2, 11), authorAccountId: 'acc-eng', body: 'Firewall rule suspected.', internal: true },
        ],
        worklogs: [{ authorAccountId: 'acc-eng', started: at(2, 10), timeSpentSeconds: 2700, comment: 'Checked logs' }],
      },
      {
        key: 'XYZ-1',
        projectKey: 'XYZ',
        issueTypeId: '10001',
        summary: 'Rotate backup keys',
        reporterAccountId: 'acc-sm',
        initial: { statusId: '1', priorityId: '3', assigneeAccountId: null },
        labels: [],
        components: [],
        created: at(3, 9),
        history: [],
        comments: [],
        worklogs: [],
      },
    ],
    adminGroups: ['jira-admins'],
  };
}

/** The local host serving the small site for the app at `appRoot`. */
export function startSmallSite(appRoot: string): Promise<LocalHost> {
  return startLocalHost({
    port: 0,
    dbFile: ':memory:',
    appRoot,
    company: { jira: smallSeed(), anchor: '2026-03-10T12:00:00+01:00', people: SMALL_PEOPLE, customers: [] },
    schedules: false,
    delayScale: 0,
    log: () => {},
  });
}
