// A site of many customers with only open work, for the board at scale (the bench and its tests): the demo's six
// customers copied as often as needed, one project each, open issues created over the last 20 days.
import { GROUPS, ISSUE_TYPES, PRIORITIES, STATUSES, TRANSITIONS } from '../../local/demo/company';
import { generateDemo } from '../../local/demo/generate';
import type { DemoCustomer, DemoPerson } from '../../local/demo/types';
import type { JiraSeed, SeedIssue } from '../../local/jira/seed';

export function openWorkSite(anchor: string, customerCount: number, perCustomer: number): { jira: JiraSeed; customers: DemoCustomer[]; people: DemoPerson[] } {
  const demo = generateDemo({ anchor, issues: 6, worklogs: 0 });
  const customers: DemoCustomer[] = [];
  const issues: SeedIssue[] = [];
  const now = Date.parse(anchor);
  for (let c = 0; c < customerCount; c++) {
    const base = demo.customers[c % demo.customers.length] as DemoCustomer;
    const key = `c${String(c).padStart(2, '0')}-${base.key}`;
    const project = `P${String(c).padStart(2, '0')}`;
    customers.push({ ...base, key, name: `${base.name} ${c}`, projectKeys: [project] });
    for (let i = 0; i < perCustomer; i++) {
      issues.push({
        key: `${project}-${i + 1}`,
        projectKey: project,
        issueTypeId: ISSUE_TYPES[i % ISSUE_TYPES.length]?.id ?? '10001',
        summary: `Open work ${i + 1} of ${base.name}`,
        reporterAccountId: base.serviceManagerAccountId,
        initial: { statusId: '1', priorityId: String((i % 5) + 1), assigneeAccountId: null },
        labels: [],
        components: [],
        // Spread over the last 20 days, so clocks range from fresh to long breached.
        created: new Date(now - ((i * 4.8 + c) % 480) * 3_600_000).toISOString(),
        history: [],
        comments: [],
        worklogs: [],
      });
    }
  }
  const jira: JiraSeed = {
    ...demo.jira,
    statuses: STATUSES,
    transitions: TRANSITIONS,
    priorities: PRIORITIES,
    issueTypes: ISSUE_TYPES,
    projects: customers.map((c, i) => ({ id: String(20_000 + i), key: c.projectKeys[0] as string, name: c.name, leadAccountId: c.serviceManagerAccountId, browseGroups: [GROUPS.staff, GROUPS.customer(c.key)], components: [] })),
    issues,
  };
  return { jira, customers, people: demo.people };
}
