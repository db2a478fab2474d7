// ORDER BY: every sortable field, directions and their defaults, empty values, several fields and ties.
import { compileOk, ISSUES, searchKeys } from './fixtures';

const table: [string, string[]][] = [
  // No ORDER BY: newest key first.
  ['', ['SUP-11', 'SUP-10', 'SUP-9', 'SUP-3', 'SUP-2', 'SUP-1', 'OPS-2', 'OPS-1']],
  ['order by key', ['OPS-1', 'OPS-2', 'SUP-1', 'SUP-2', 'SUP-3', 'SUP-9', 'SUP-10', 'SUP-11']],
  ['order by issuekey desc', ['SUP-11', 'SUP-10', 'SUP-9', 'SUP-3', 'SUP-2', 'SUP-1', 'OPS-2', 'OPS-1']],
  // created/updated/resolved and priority sort descending unless told otherwise (their default in Jira).
  ['order by created', ['SUP-11', 'OPS-1', 'OPS-2', 'SUP-10', 'SUP-2', 'SUP-3', 'SUP-1', 'SUP-9']],
  ['order by created asc', ['SUP-9', 'SUP-1', 'SUP-3', 'SUP-2', 'SUP-10', 'OPS-2', 'OPS-1', 'SUP-11']],
  ['order by createdDate asc', ['SUP-9', 'SUP-1', 'SUP-3', 'SUP-2', 'SUP-10', 'OPS-2', 'OPS-1', 'SUP-11']],
  ['order by updated desc, created asc', ['SUP-2', 'OPS-2', 'SUP-10', 'SUP-11', 'OPS-1', 'SUP-1', 'SUP-3', 'SUP-9']],
  // Ties (same priority) fall back to the key, ascending.
  ['order by priority', ['OPS-2', 'SUP-1', 'SUP-10', 'SUP-11', 'SUP-2', 'SUP-9', 'SUP-3', 'OPS-1']],
  ['order by priority asc, key desc', ['OPS-1', 'SUP-3', 'SUP-9', 'SUP-2', 'SUP-11', 'SUP-10', 'SUP-1', 'OPS-2']],
  // Empty values come last ascending and first descending.
  ['order by resolved', ['OPS-1', 'OPS-2', 'SUP-1', 'SUP-2', 'SUP-10', 'SUP-11', 'SUP-3', 'SUP-9']],
  ['order by resolutiondate asc', ['SUP-9', 'SUP-3', 'OPS-1', 'OPS-2', 'SUP-1', 'SUP-2', 'SUP-10', 'SUP-11']],
  ['order by status', ['OPS-1', 'SUP-1', 'SUP-11', 'OPS-2', 'SUP-2', 'SUP-10', 'SUP-3', 'SUP-9']],
  ['order by statusCategory desc', ['SUP-3', 'SUP-9', 'OPS-2', 'SUP-2', 'SUP-10', 'OPS-1', 'SUP-1', 'SUP-11']],
  ['order by statusCategory asc, priority desc', ['SUP-1', 'SUP-11', 'OPS-1', 'OPS-2', 'SUP-10', 'SUP-2', 'SUP-9', 'SUP-3']],
  ['order by assignee', ['SUP-1', 'SUP-10', 'OPS-2', 'SUP-2', 'SUP-9', 'OPS-1', 'SUP-3', 'SUP-11']],
  ['order by assignee desc', ['OPS-1', 'SUP-3', 'SUP-11', 'SUP-9', 'OPS-2', 'SUP-2', 'SUP-1', 'SUP-10']],
  ['order by reporter', ['OPS-1', 'SUP-3', 'OPS-2', 'SUP-1', 'SUP-9', 'SUP-2', 'SUP-10', 'SUP-11']],
  // Projects sort by name: "Operations" before "Support Desk".
  ['order by project, key desc', ['OPS-2', 'OPS-1', 'SUP-11', 'SUP-10', 'SUP-9', 'SUP-3', 'SUP-2', 'SUP-1']],
  ['order by summary', ['OPS-2', 'SUP-1', 'SUP-3', 'SUP-10', 'SUP-9', 'SUP-2', 'OPS-1', 'SUP-11']],
  ['order by type', ['OPS-2', 'SUP-1', 'SUP-10', 'OPS-1', 'SUP-2', 'SUP-9', 'SUP-3', 'SUP-11']],
  // Indexed properties, by path or alias, typed.
  ['order by slaRemaining asc', ['SUP-1', 'OPS-2', 'SUP-10', 'SUP-2', 'SUP-11', 'OPS-1', 'SUP-3', 'SUP-9']],
  ['order by issue.property[serviceSla].due desc', ['OPS-1', 'SUP-3', 'SUP-9', 'SUP-11', 'SUP-2', 'OPS-2', 'SUP-10', 'SUP-1']],
  ['order by customerKey, key desc', ['SUP-9', 'SUP-1', 'OPS-2', 'SUP-11', 'SUP-2', 'SUP-10', 'SUP-3', 'OPS-1']],
  // Filter and order together.
  ['project = SUP AND statusCategory != Done order by priority desc, created asc', ['SUP-1', 'SUP-10', 'SUP-11', 'SUP-2']],
];

describe('ORDER BY', () => {
  test.each(table)('%s', (jql, expected) => {
    expect(searchKeys(jql)).toEqual(expected);
  });

  test('the order does not depend on the order issues are scanned in', () => {
    for (const [jql] of table) {
      const query = compileOk(jql);
      const forward = [...ISSUES].sort(query.compare).map((i) => i.key);
      const backward = [...ISSUES].reverse().sort(query.compare).map((i) => i.key);
      expect(backward).toEqual(forward);
    }
  });

  test('orderBy reports the effective fields and directions', () => {
    expect(compileOk('project = SUP').orderBy).toEqual([{ field: 'key', direction: 'desc' }]);
    expect(compileOk('project = SUP order by created').orderBy).toEqual([{ field: 'created', direction: 'desc' }]);
    expect(compileOk('order by key asc, priority, slaDue, Summary').orderBy).toEqual([
      { field: 'key', direction: 'asc' },
      { field: 'priority', direction: 'desc' },
      { field: 'slaDue', direction: 'asc' },
      { field: 'summary', direction: 'asc' },
    ]);
    expect(compileOk('order by issue.property[serviceSla].due DESC, createdDate').orderBy).toEqual([
      { field: 'issue.property[serviceSla].due', direction: 'desc' },
      { field: 'created', direction: 'desc' },
    ]);
  });
});
