// The fast-path hints (projects / keys a query is limited to) and boundedness, which /search/jql needs.
import { compileJql, UNBOUNDED_JQL_MESSAGE } from '../../../local/jira/jql';
import { compileOk, context, ISSUES } from './fixtures';

const table: [string, { projectKeys?: string[]; issueKeys?: string[] } | undefined][] = [
  ['project = SUP AND status = Open', { projectKeys: ['SUP'] }],
  ['project in (SUP, OPS) AND project = OPS', { projectKeys: ['OPS'] }],
  ['project = SUP OR project = 10001', { projectKeys: ['OPS', 'SUP'] }],
  ['project = SUP OR labels = infra', undefined],
  ['project in (SUP, EMPTY)', undefined],
  ['project != SUP', undefined],
  ['NOT project = SUP', undefined],
  ['key in (SUP-1, OPS-2)', { issueKeys: ['OPS-2', 'SUP-1'] }],
  ['key in (SUP-1, 30001)', undefined],
  ['key > SUP-3', { projectKeys: ['SUP'] }],
  ['project = SUP AND (key = SUP-1 OR key = SUP-2)', { projectKeys: ['SUP'], issueKeys: ['SUP-1', 'SUP-2'] }],
  ['', undefined],
];

describe('hints', () => {
  test.each(table)('%s', (jql, expected) => {
    expect(compileOk(jql).hints).toEqual(expected);
  });

  test('narrowing by the hints never drops a match', () => {
    for (const [jql] of table) {
      const query = compileOk(jql);
      for (const issue of ISSUES.filter((i) => query.matches(i))) {
        if (query.hints?.projectKeys) expect(query.hints.projectKeys).toContain(issue.projectKey);
        if (query.hints?.issueKeys) expect(query.hints.issueKeys).toContain(issue.key);
      }
    }
  });
});

describe('bounded', () => {
  test.each([
    ['', false],
    ['order by key desc', false],
    ['assignee = currentUser() order by key', true],
    ['project != SUP', true],
  ])('%j is bounded: %s', (jql, bounded) => {
    const result = compileJql(jql, context());
    expect(result.ok && result.query.bounded).toBe(bounded);
  });

  test('the endpoint message for unbounded queries is Jira\'s', () => {
    expect(UNBOUNDED_JQL_MESSAGE).toBe('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  });
});
