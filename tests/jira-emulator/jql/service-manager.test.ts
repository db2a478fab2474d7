// Queries a service manager and the app actually write, end to end: exact keys in exact order.
import { searchKeys } from './fixtures';

const table: [string, string, string[]][] = [
  ['unassigned open work across desks',
    'project in (SUP, OPS) AND statusCategory != Done AND assignee IS EMPTY ORDER BY priority DESC, created ASC',
    ['SUP-11', 'OPS-1']],
  ['my open work', 'assignee = currentUser() AND resolution = Unresolved ORDER BY updated DESC', ['SUP-10', 'SUP-1']],
  ['breached SLAs, most overdue first',
    'issue.property[serviceSla].breached = "true" AND statusCategory != Done ORDER BY issue.property[serviceSla].due ASC',
    ['SUP-1', 'OPS-2']],
  ['at risk but not yet breached',
    'project in (SUP, OPS) AND resolution IS EMPTY AND slaRemaining <= 60 AND slaBreached != "true" ORDER BY slaRemaining ASC',
    ['SUP-10']],
  ['created or resolved this month (monthly service review)',
    'project = SUP AND (resolved >= startOfMonth() OR created >= startOfMonth()) ORDER BY key ASC',
    ['SUP-2', 'SUP-3', 'SUP-10', 'SUP-11']],
  ['VIP requests still open',
    'labels in (vip) AND status not in (Done) AND NOT priority = Lowest ORDER BY priority DESC, key ASC',
    ['SUP-1', 'SUP-11']],
  ['one customer\'s open work (customer key indexed as an issue property)',
    'customerKey = GLOBEX AND statusCategory in ("To Do", "In Progress") ORDER BY created DESC',
    ['SUP-11', 'OPS-2', 'SUP-2']],
  ['touched in the last day', 'project = SUP AND updated >= -24h AND status != Done ORDER BY updated DESC', ['SUP-2', 'SUP-10', 'SUP-11']],
];

describe('service manager queries', () => {
  test.each(table)('%s', (_name, jql, expected) => {
    expect(searchKeys(jql)).toEqual(expected);
  });
});
