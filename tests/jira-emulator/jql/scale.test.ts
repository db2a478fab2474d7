// The emulator scans up to 20,000 issues per query: pages at that scale are correct and strictly ordered.
// (Speed is measured by `npm run bench -- jira`, not asserted here.)
import type { JqlIssue } from '../../../local/jira/jql';
import { ANN, BOB, compileOk, context, CY } from './fixtures';

function generate(count: number): JqlIssue[] {
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const statuses = [['1', 'Open', 'new'], ['3', 'In Progress', 'indeterminate'], ['10002', 'Done', 'done']] as const;
  const words = ['email', 'outage', 'vpn', 'printer', 'password', 'invoice', 'database', 'laptop', 'access', 'slow'];
  const issues: JqlIssue[] = [];
  for (let n = 1; n <= count; n++) {
    const [statusId, statusName, statusCategory] = statuses[next(3)] as (typeof statuses)[number];
    const project = next(4) === 0 ? { projectId: '10001', projectKey: 'OPS' } : { projectId: '10000', projectKey: 'SUP' };
    const created = Date.parse('2026-01-01T00:00:00Z') + next(320 * 24) * 3_600_000;
    issues.push({
      id: String(100_000 + n), key: `${project.projectKey}-${n}`, ...project,
      issueTypeName: next(2) === 0 ? 'Bug' : 'Task', statusId, statusName, statusCategory,
      priorityId: String(1 + next(5)), priorityName: 'x',
      assigneeAccountId: [ANN, BOB, CY, null][next(4)] ?? null, reporterAccountId: BOB,
      labels: next(3) === 0 ? ['vip'] : [], components: [],
      summary: `${words[next(10)]} ${words[next(10)]} problem number ${n}`,
      created, updated: created + next(1000) * 60_000, resolved: statusCategory === 'done' ? created + 86_400_000 : null,
      properties: { serviceSla: { breached: next(5) === 0, remainingMinutes: next(600) - 100, due: new Date(created + 3 * 86_400_000).toISOString() } },
    });
  }
  return issues;
}

describe('search at 20,000 issues', () => {
  const issues = generate(20_000);

  test.each([
    'project in (SUP, OPS) AND statusCategory != Done AND (assignee = currentUser() OR assignee IS EMPTY) ORDER BY priority DESC, created ASC',
    'summary ~ "outage email" AND labels = vip ORDER BY updated DESC',
    'slaBreached = "true" AND resolution = Unresolved ORDER BY issue.property[serviceSla].due ASC, key DESC',
    'created >= startOfMonth(-3) AND created < startOfMonth(-1) ORDER BY summary',
    '',
  ])('a page of 100 from 20,000 issues: %s', (jql) => {
    const query = compileOk(jql, context());
    const page = issues.filter((i) => query.matches(i)).sort(query.compare).slice(0, 100);
    expect(page.length).toBeGreaterThan(0);
    for (let k = 1; k < page.length; k++) expect(query.compare(page[k - 1] as JqlIssue, page[k] as JqlIssue)).toBeLessThan(0);
    expect(page.every((i) => query.matches(i))).toBe(true);
  });
});
