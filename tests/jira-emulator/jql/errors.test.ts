// What answers 400: syntax errors (worded and positioned as Jira does), unknown fields and values, and everything the
// emulator does not support, each with a message that names the problem.
import { compileJql } from '../../../local/jira/jql';
import { context, errorsOf } from './fixtures';

const OPERATORS = "'=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS', 'IS NOT', 'WAS', 'WAS IN', 'WAS NOT', 'WAS NOT IN' and 'CHANGED'";

const syntax: [string, string][] = [
  ['project = ', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query. (line 1, character 11)'],
  ['foo bar', `Error in the JQL Query: Expecting operator but got 'bar'. The valid operators are ${OPERATORS}. (line 1, character 5)`],
  ['project', `Error in the JQL Query: Expecting operator before the end of the query. The valid operators are ${OPERATORS}. (line 1, character 8)`],
  ['project = SUP AND', 'Error in the JQL Query: Expecting a field name at the end of the query. (line 1, character 18)'],
  ['project = SUP AND = 3', "Error in the JQL Query: Expecting a field name but got '='. You must surround '=' in quotation marks to use it as a field name. (line 1, character 19)"],
  ['project = SUP status = Open', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 15)"],
  ['x = true', "Error in the JQL Query: 'true' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 5)"],
  ['issue.property[serviceSla].breached = true', "Error in the JQL Query: 'true' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 39)"],
  ['x = a # b', "Error in the JQL Query: The character '#' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0023' instead. (line 1, character 7)"],
  ['created < 2026/11/01', "Error in the JQL Query: The character '/' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002f' instead. (line 1, character 15)"],
  ['summary ~ "abc', "Error in the JQL Query: The quoted string 'abc' has not been completed. (line 1, character 11)"],
  ['x = "a\\q"', "Error in the JQL Query: '\\q' is an illegal JQL escape sequence. The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX. (line 1, character 5)"],
  ['(project = SUP', "Error in the JQL Query: Expecting ')' before the end of the query. (line 1, character 15)"],
  ['project = SUP)', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got ')'. (line 1, character 14)"],
  ['project = SUP order', "Error in the JQL Query: Expecting 'BY' before the end of the query. (line 1, character 20)"],
  ['project = SUP order by', 'Error in the JQL Query: Expecting a field name at the end of the query. (line 1, character 23)'],
  ['project in SUP', "Error in the JQL Query: Expecting '(' before the end of the query. (line 1, character 15)"],
  ['project in (SUP OPS)', "Error in the JQL Query: Expecting either ',' or ')' but got 'OPS'. (line 1, character 17)"],
  ['assignee is acc-ann', "Error in the JQL Query: Expecting 'EMPTY' but got 'acc-ann'. (line 1, character 13)"],
  ['created > startOfDay(', "Error in the JQL Query: Expecting either a function argument or ')' before the end of the query. (line 1, character 22)"],
  ['project = SUP order by key desc desc', "Error in the JQL Query: Expecting either ',' or the end of the query but got 'desc'. (line 1, character 33)"],
  ['created < EMPTY', "Error in the JQL Query: Expecting either a value, list or function but got 'EMPTY'. You must surround 'EMPTY' in quotation marks to use it as a value. (line 1, character 11)"],
  ['project = SUP\nAND foo bar', `Error in the JQL Query: Expecting operator but got 'bar'. The valid operators are ${OPERATORS}. (line 2, character 9)`],
];

const semantic: [string, string[]][] = [
  // Fields
  ['foo = bar', ["Field 'foo' does not exist or you do not have permission to view it."]],
  ['"Story Points" > 3', ["Field 'Story Points' does not exist or you do not have permission to view it."]],
  ['cf[10010] = 3', ["Field 'cf[10010]' is not supported by this Jira emulator: custom fields are not emulated."]],
  ['sprint in openSprints()', ["Field 'sprint' is not supported by this Jira emulator."]],
  ['fixVersion = "1.0"', ["Field 'fixVersion' is not supported by this Jira emulator."]],
  ['duedate < now()', ["Field 'duedate' is not supported by this Jira emulator."]],
  ['project.property[x].y = 1', ["Field 'project.property[x].y' is not supported by this Jira emulator: only issue properties (issue.property[...]) can be searched."]],
  // Issue properties that the manifest does not index do not exist, as in Jira (keys and paths are case-sensitive).
  ['issue.property[serviceSla].unknown = 1', ["Field 'issue.property[serviceSla].unknown' does not exist or you do not have permission to view it."]],
  ['issue.property[other].x = 1', ["Field 'issue.property[other].x' does not exist or you do not have permission to view it."]],
  ['issue.property[ServiceSla].breached = "true"', ["Field 'issue.property[ServiceSla].breached' does not exist or you do not have permission to view it."]],
  ['issue.property[serviceSla] = 1', ["Field 'issue.property[serviceSla]' does not exist or you do not have permission to view it."]],
  // Values
  ['project = NOPE', ["The value 'NOPE' does not exist for the field 'project'."]],
  ['project in (SUP, NOPE, ZZZ)', ["The value 'NOPE' does not exist for the field 'project'.", "The value 'ZZZ' does not exist for the field 'project'."]],
  ['status = Closed', ["The value 'Closed' does not exist for the field 'status'."]],
  ['priority = Urgent', ["The value 'Urgent' does not exist for the field 'priority'."]],
  ['type = Epic', ["The value 'Epic' does not exist for the field 'type'."]],
  ['statusCategory = Blocked', ["The value 'Blocked' does not exist for the field 'statusCategory'."]],
  ['assignee = nobody', ["The value 'nobody' does not exist for the field 'assignee'."]],
  ['key = FOO-1', ["An issue with key 'FOO-1' does not exist for field 'key'."]],
  ['key = foo', ["The issue key 'foo' for field 'key' is invalid."]],
  ['key = EMPTY', ["The field 'key' does not support searching for EMPTY values."]],
  ['resolution = Done', ["The value 'Done' for field 'resolution' is not supported by this Jira emulator: issues carry no resolution name, so only 'Unresolved' and EMPTY can be searched."]],
  ['slaRemaining = abc', ["The value 'abc' for field 'slaRemaining' is not a valid number."]],
  // Operators
  ['status WAS Open', ["The operator 'WAS' is not supported by this Jira emulator for field 'status' (issue history is not emulated)."]],
  ['status CHANGED', ["The operator 'CHANGED' is not supported by this Jira emulator for field 'status' (issue history is not emulated)."]],
  ['status changed from Open to Done after -1d', ["The operator 'CHANGED' is not supported by this Jira emulator for field 'status' (issue history is not emulated)."]],
  ['assignee was in (acc-ann)', ["The operator 'WAS IN' is not supported by this Jira emulator for field 'assignee' (issue history is not emulated)."]],
  ['assignee was not acc-ann', ["The operator 'WAS NOT' is not supported by this Jira emulator for field 'assignee' (issue history is not emulated)."]],
  ['summary = foo', ["The operator '=' is not supported by the 'summary' field."]],
  ['project ~ SUP', ["The operator '~' is not supported by the 'project' field."]],
  ['text !~ x', ["The operator '!~' is not supported by the 'text' field."]],
  ['labels > a', ["The operator '>' is not supported by the 'labels' field."]],
  ['assignee < acc-ann', ["The operator '<' is not supported by the 'assignee' field."]],
  ['key is empty', ["The operator 'is' is not supported by the 'key' field."]],
  ['slaRemaining ~ 5', ["The operator '~' is not supported by the 'slaRemaining' field."]],
  ['slaBreached > "a"', ["The operator '>' is not supported by the 'slaBreached' field."]],
  ['issue.property[serviceSla].note = x', ["The operator '=' is not supported by the 'issue.property[serviceSla].note' field."]],
  // Functions
  ['assignee in membersOf("jira-users")', ["The function 'membersOf' is not supported by this Jira emulator."]],
  ['issue in linkedIssues(SUP-1)', ["The function 'linkedIssues' is not supported by this Jira emulator."]],
  ['created > lastLogin()', ["The function 'lastLogin' is not supported by this Jira emulator."]],
  ['assignee = foo()', ["Unable to find JQL function 'foo()'."]],
  ['project = currentUser()', ["The function 'currentUser' is not supported for the field 'project'."]],
  ['created > currentUser()', ["The function 'currentUser' is not supported for the field 'created'."]],
  ['assignee = now()', ["The function 'now' is not supported for the field 'assignee'."]],
  ['assignee = currentUser(x)', ["Function 'currentUser' expected '0' arguments but received '1'."]],
  ['created > now(1)', ["Function 'now' expected '0' arguments but received '1'."]],
  ['created > startOfMonth(1, 2)', ["Function 'startOfMonth' expected between '0' and '1' arguments but received '2'."]],
  ['created > startOfDay("abc")', ["Duration for function 'startOfDay' should have the format (+/-)n(y|M|w|d|h|m), e.g. -1M for 1 month earlier; got 'abc'."]],
  // Dates
  ['created > "yesterday"', [dateError('yesterday', 'created')]],
  ['created > "2026-02-30"', [dateError('2026-02-30', 'created')]],
  ['created > "2026-11-01 25:00"', [dateError('2026-11-01 25:00', 'created')]],
  ['created > "2026-11-01 10:00:30"', [dateError('2026-11-01 10:00:30', 'created')]],
  ['updated > -1y', [dateError('-1y', 'updated')]],
  ['resolved > "-1M"', [dateError('-1M', 'resolved')]],
  ['slaDue < "soon"', [dateError('soon', 'slaDue')]],
  ['summary ~ EMPTY', ["Operator '~' does not support searching for EMPTY for field 'summary'."]],
  // Text search
  ['summary ~ "*ail"', ["The text query '*ail' for field 'summary' is not allowed to start with a wildcard ('*' or '?')."]],
  ['summary ~ ""', ["The field 'summary' does not support searching for an empty string."]],
  ['summary ~ "the"', ["The text query 'the' for field 'summary' has no searchable words (punctuation and stop words are ignored)."]],
  ['summary ~ "foo OR bar"', ["The text query 'foo OR bar' for field 'summary' uses Lucene operators (AND, OR, NOT, +, -, !, ~, ^), which this Jira emulator does not support."]],
  ['text ~ "-outage"', ["The text query '-outage' for field 'text' uses Lucene operators (AND, OR, NOT, +, -, !, ~, ^), which this Jira emulator does not support."]],
  // ORDER BY
  ['order by foo', ["Field 'foo' does not exist or you do not have permission to view it."]],
  ['project = SUP order by labels', ["Sorting by 'labels' is not supported by this Jira emulator."]],
  ['project = SUP order by text', ["Field 'text' does not support sorting."]],
  ['project = SUP order by cf[10010] desc', ["Field 'cf[10010]' is not supported by this Jira emulator: custom fields are not emulated."]],
  ['project = SUP order by key, created, updated, resolved, priority, status, assignee, summary', ['The ORDER BY clause can contain at most 7 fields; it has 8.']],
  // Every problem of a query is reported at once.
  ['foo = 1 AND project = NOPE AND status WAS Open order by bar', [
    "Field 'foo' does not exist or you do not have permission to view it.",
    "The value 'NOPE' does not exist for the field 'project'.",
    "The operator 'WAS' is not supported by this Jira emulator for field 'status' (issue history is not emulated).",
    "Field 'bar' does not exist or you do not have permission to view it.",
  ]],
];

function dateError(value: string, field: string): string {
  return `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', `
    + "'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";
}

describe('JQL syntax errors', () => {
  test.each(syntax)('%j', (jql, message) => {
    expect(errorsOf(jql)).toEqual([message]);
  });
});

describe('unsupported and invalid queries', () => {
  test.each(semantic)('%s', (jql, messages) => {
    expect(errorsOf(jql)).toEqual(messages);
  });

  test('a context with an unknown time zone is rejected, not guessed', () => {
    expect(compileJql('project = SUP', context({ timeZone: 'Mars/Olympus' }))).toEqual({
      ok: false, status: 400, errorMessages: ["The time zone 'Mars/Olympus' is not a valid IANA time zone."],
    });
  });
});
