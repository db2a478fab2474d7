// Every clause and operator of the supported grammar against the fixture desk, as a table of JQL -> matching keys.
import { ALL_KEYS, context, matchingKeys, sorted } from './fixtures';

const SUP = ['SUP-1', 'SUP-2', 'SUP-3', 'SUP-9', 'SUP-10', 'SUP-11'];
const UNRESOLVED = ['OPS-1', 'OPS-2', 'SUP-1', 'SUP-2', 'SUP-10', 'SUP-11'];
const without = (...keys: string[]): string[] => ALL_KEYS.filter((k) => !keys.includes(k));

const table: [string, string[]][] = [
  // project: key, id or name; case-insensitive
  ['project = SUP', SUP],
  ['project = sup', SUP],
  ['project = 10001', ['OPS-1', 'OPS-2']],
  ['project = "Support Desk"', SUP],
  ['project != SUP', ['OPS-1', 'OPS-2']],
  ['project in (SUP, Operations)', ALL_KEYS],
  ['project not in (OPS, HR)', SUP],
  ['project = HR', []],
  ['project is EMPTY', []],
  ['project is not EMPTY', ALL_KEYS],
  ['PROJECT = SUP', SUP],
  // key / issuekey / issue / id
  ['key = SUP-10', ['SUP-10']],
  ['issuekey = sup-10', ['SUP-10']],
  ['issue in (SUP-1, OPS-2)', ['OPS-2', 'SUP-1']],
  ['key != SUP-1', without('SUP-1')],
  ['key not in (SUP-1, SUP-2)', without('SUP-1', 'SUP-2')],
  ['key > SUP-2', ['SUP-3', 'SUP-9', 'SUP-10', 'SUP-11']],
  ['key >= SUP-9', ['SUP-9', 'SUP-10', 'SUP-11']],
  ['key < SUP-3', ['SUP-1', 'SUP-2']],
  ['key <= OPS-1', ['OPS-1']],
  ['issue = 30002', ['OPS-2']],
  ['id in (20001, 30001)', ['OPS-1', 'SUP-1']],
  ['key in (SUP-1, 30001)', ['OPS-1', 'SUP-1']],
  // status by name or id
  ['status = Open', ['OPS-1', 'SUP-1', 'SUP-11']],
  ['status = "in progress"', ['OPS-2', 'SUP-2']],
  ['status = 10001', ['SUP-10']],
  ['status in (Open, Done)', ['OPS-1', 'SUP-1', 'SUP-11', 'SUP-3', 'SUP-9']],
  ['status != Done', UNRESOLVED],
  ['status not in (Open, "In Progress")', ['SUP-3', 'SUP-9', 'SUP-10']],
  ['Status = open', ['OPS-1', 'SUP-1', 'SUP-11']],
  // statusCategory by key, display name and id
  ['statusCategory = "To Do"', ['OPS-1', 'SUP-1', 'SUP-11']],
  ['statusCategory = new', ['OPS-1', 'SUP-1', 'SUP-11']],
  ['statusCategory = 2', ['OPS-1', 'SUP-1', 'SUP-11']],
  ['statusCategory = "In Progress"', ['OPS-2', 'SUP-2', 'SUP-10']],
  ['statusCategory = indeterminate', ['OPS-2', 'SUP-2', 'SUP-10']],
  ['statusCategory = 4', ['OPS-2', 'SUP-2', 'SUP-10']],
  ['statusCategory = Done', ['SUP-3', 'SUP-9']],
  ['statusCategory = 3', ['SUP-3', 'SUP-9']],
  ['statusCategory != Done', UNRESOLVED],
  ['statusCategory in (new, 4)', UNRESOLVED],
  ['statuscategory not in ("To Do")', ['OPS-2', 'SUP-2', 'SUP-10', 'SUP-3', 'SUP-9']],
  // priority by name or id, ordered as the context lists them (highest first)
  ['priority = Highest', ['OPS-2', 'SUP-1']],
  ['priority = 2', ['SUP-10', 'SUP-11']],
  ['priority in (Low, Lowest)', ['OPS-1', 'SUP-3']],
  ['priority != Medium', without('SUP-2', 'SUP-9')],
  ['priority > Medium', ['OPS-2', 'SUP-1', 'SUP-10', 'SUP-11']],
  ['priority >= Medium', ['OPS-2', 'SUP-1', 'SUP-10', 'SUP-11', 'SUP-2', 'SUP-9']],
  ['priority < Medium', ['OPS-1', 'SUP-3']],
  ['priority <= Low', ['OPS-1', 'SUP-3']],
  ['priority < High', ['OPS-1', 'SUP-2', 'SUP-3', 'SUP-9']],
  ['"priority" = highest', ['OPS-2', 'SUP-1']],
  // assignee: accountId, display name, email, currentUser(), EMPTY; != and NOT IN leave out unassigned issues
  ['assignee = acc-ann', ['SUP-1', 'SUP-10']],
  ['assignee = currentUser()', ['SUP-1', 'SUP-10']],
  ['assignee = currentuser()', ['SUP-1', 'SUP-10']],
  ['assignee = "Bob Builder"', ['OPS-2', 'SUP-2']],
  ['assignee = "bob@example.com"', ['OPS-2', 'SUP-2']],
  ['assignee = "712020:cy-0001"', ['SUP-9']],
  ['assignee is EMPTY', ['OPS-1', 'SUP-3', 'SUP-11']],
  ['assignee = EMPTY', ['OPS-1', 'SUP-3', 'SUP-11']],
  ['assignee = null', ['OPS-1', 'SUP-3', 'SUP-11']],
  ['assignee is not empty', ['OPS-2', 'SUP-1', 'SUP-2', 'SUP-9', 'SUP-10']],
  ['assignee != EMPTY', ['OPS-2', 'SUP-1', 'SUP-2', 'SUP-9', 'SUP-10']],
  ['assignee != acc-ann', ['OPS-2', 'SUP-2', 'SUP-9']],
  ['NOT assignee = acc-ann', ['OPS-2', 'SUP-2', 'SUP-9']],
  ['assignee in (acc-bob, EMPTY)', ['OPS-1', 'OPS-2', 'SUP-2', 'SUP-3', 'SUP-11']],
  ['assignee not in (acc-bob, acc-ann)', ['SUP-9']],
  ['assignee not in (acc-bob, EMPTY)', ['SUP-1', 'SUP-9', 'SUP-10']],
  // reporter
  ['reporter = acc-bob', ['OPS-2', 'SUP-1', 'SUP-9']],
  ['reporter in (currentUser())', ['OPS-1', 'SUP-3']],
  ['reporter = "Cy Customer"', ['SUP-2', 'SUP-10', 'SUP-11']],
  ['reporter is empty', []],
  // labels (case-insensitive, multi-valued)
  ['labels = vip', ['SUP-1', 'SUP-3', 'SUP-11']],
  ['labels = outage', ['OPS-2', 'SUP-1']],
  ['labels in (billing, infra)', ['OPS-1', 'OPS-2', 'SUP-10']],
  ['labels != outage', ['OPS-1', 'SUP-3', 'SUP-10', 'SUP-11']],
  ['labels not in (vip, infra)', ['SUP-10']],
  ['labels is empty', ['SUP-2', 'SUP-9']],
  ['labels = EMPTY', ['SUP-2', 'SUP-9']],
  ['labels is not empty', without('SUP-2', 'SUP-9')],
  ['labels in (EMPTY, billing)', ['SUP-2', 'SUP-9', 'SUP-10']],
  // component
  ['component = email', ['SUP-1', 'SUP-10']],
  ['component in (VPN, Network)', ['OPS-1', 'SUP-3', 'SUP-11']],
  ['component is empty', ['OPS-2', 'SUP-2', 'SUP-9']],
  ['component != Email', ['OPS-1', 'SUP-3', 'SUP-11']],
  // type / issuetype by name or id
  ['type = Bug', ['OPS-2', 'SUP-1', 'SUP-10']],
  ['issuetype = "service request"', ['SUP-3', 'SUP-11']],
  ['type in (10002)', ['OPS-1', 'SUP-2', 'SUP-9']],
  ['type != Bug', ['OPS-1', 'SUP-2', 'SUP-3', 'SUP-9', 'SUP-11']],
  // summary ~: whole words, any order, case-insensitive, wildcards, phrases, stop words ignored
  ['summary ~ outage', ['OPS-2', 'SUP-1']],
  ['summary ~ "OUTAGE"', ['OPS-2', 'SUP-1']],
  ['summary ~ "email outage"', ['SUP-1']],
  ['summary ~ "outage email"', ['SUP-1']],
  ['summary ~ "\\"outage for all\\""', ['SUP-1']],
  ['summary ~ "\\"all outage\\""', []],
  ['summary ~ "e-mail"', ['SUP-10']],
  ['summary ~ mail', ['SUP-10']],
  ['summary ~ "pass*"', ['SUP-2']],
  ['summary ~ "print?r"', ['SUP-9']],
  ['summary ~ vpn', ['SUP-3', 'SUP-11']],
  ['summary !~ outage', without('OPS-2', 'SUP-1')],
  ['summary ~ "the outage"', ['OPS-2', 'SUP-1']],
  ['summary is not empty', ALL_KEYS],
  ['summary is empty', []],
  // text searches summary and description; description on its own
  ['text ~ relay', ['SUP-1']],
  ['text ~ certificates', ['OPS-1']],
  ['text ~ friday', ['OPS-1']],
  ['text ~ outage', ['OPS-2', 'SUP-1']],
  ['description ~ relay', ['SUP-1']],
  ['description is empty', without('SUP-1', 'OPS-1')],
  ['description !~ relay', ['OPS-1']],
  // resolution: Unresolved / EMPTY
  ['resolution = Unresolved', UNRESOLVED],
  ['resolution is EMPTY', UNRESOLVED],
  ['resolution = EMPTY', UNRESOLVED],
  ['resolution in (Unresolved)', UNRESOLVED],
  ['resolution != Unresolved', ['SUP-3', 'SUP-9']],
  ['resolution is not empty', ['SUP-3', 'SUP-9']],
  ['resolution not in (unresolved)', ['SUP-3', 'SUP-9']],
  // AND, OR, NOT, parentheses and precedence (AND binds tighter than OR)
  ['project = SUP AND assignee = currentUser()', ['SUP-1', 'SUP-10']],
  ['project = OPS OR labels = vip', ['OPS-1', 'OPS-2', 'SUP-1', 'SUP-3', 'SUP-11']],
  ['project = SUP AND (status = Open OR priority = High)', ['SUP-1', 'SUP-10', 'SUP-11']],
  ['status = Open OR priority = Highest AND project = OPS', ['OPS-1', 'OPS-2', 'SUP-1', 'SUP-11']],
  ['(status = Open OR priority = Highest) AND project = OPS', ['OPS-1', 'OPS-2']],
  ['NOT project = SUP', ['OPS-1', 'OPS-2']],
  ['NOT NOT project = OPS', ['OPS-1', 'OPS-2']],
  ['!(status = Done)', UNRESOLVED],
  // NOT is pushed down as Jira does: NOT (A AND B) = (NOT A) OR (NOT B), and != keeps its "has a value" rule
  ['NOT (project = SUP AND labels = vip)', ['OPS-1', 'OPS-2', 'SUP-10']],
  ['NOT resolved < "2026-10-01"', ['SUP-3']],
  ['project = SUP && labels = vip || key = OPS-1', ['OPS-1', 'SUP-1', 'SUP-3', 'SUP-11']],
  // empty JQL and ORDER BY alone match everything
  ['', ALL_KEYS],
  ['   ', ALL_KEYS],
  ['order by key', ALL_KEYS],
];

describe('JQL clauses', () => {
  test.each(table)('JQL "%s"', (jql, expected) => {
    expect(matchingKeys(jql)).toEqual(sorted(expected));
  });

  test('currentUser() matches nobody for an anonymous search', () => {
    expect(matchingKeys('assignee = currentUser()', context({ currentAccountId: null }))).toEqual([]);
    expect(matchingKeys('reporter in (currentUser(), acc-bob)', context({ currentAccountId: null }))).toEqual(['OPS-2', 'SUP-1', 'SUP-9']);
  });

  test('a display name shared by two people matches both', () => {
    const ctx = context();
    ctx.users.push({ accountId: 'acc-ann-2', displayName: 'Ann Agent', emailAddress: 'ann2@example.com' });
    const issues = [{ ...baseIssue(), key: 'SUP-50', assigneeAccountId: 'acc-ann-2' }];
    expect(matchingKeys('assignee = "Ann Agent"', ctx, issues)).toEqual(['SUP-50']);
  });

  test('issueExists lets `key =` reject a key whose project exists but issue does not', () => {
    const ctx = context({ issueExists: (key) => key !== 'SUP-99' });
    expect(matchingKeys('key = SUP-10', ctx)).toEqual(['SUP-10']);
    expect(() => matchingKeys('key = SUP-99', ctx)).toThrow("An issue with key 'SUP-99' does not exist for field 'key'.");
  });
});

function baseIssue() {
  return {
    id: '29999', key: 'SUP-99', projectId: '10000', projectKey: 'SUP', issueTypeName: 'Task', statusId: '1',
    statusName: 'Open', statusCategory: 'new' as const, priorityId: '3', priorityName: 'Medium', assigneeAccountId: null,
    reporterAccountId: 'acc-ann', labels: [], components: [], summary: 'x', created: 0, updated: 0, resolved: null,
    properties: {},
  };
}
