// Issue properties indexed by the manifest (jira:entityProperty): each type's operators, aliases, arrays, values of
// the wrong type (not indexed, so EMPTY) and user values.
import { matchingKeys, sorted } from './fixtures';

const table: [string, string[]][] = [
  // string
  ['issue.property[serviceSla].breached = "true"', ['SUP-1', 'OPS-2']],
  ['slaBreached = "false"', ['SUP-2', 'SUP-9', 'SUP-10', 'SUP-11']],
  ['SLABREACHED = "false"', ['SUP-2', 'SUP-9', 'SUP-10', 'SUP-11']],
  ['slaBreached != "true"', ['SUP-2', 'SUP-9', 'SUP-10', 'SUP-11']],
  ['NOT slaBreached = "true"', ['SUP-2', 'SUP-9', 'SUP-10', 'SUP-11']],
  ['slaBreached not in ("true")', ['SUP-2', 'SUP-9', 'SUP-10', 'SUP-11']],
  ['slaBreached in ("true", "false")', ['SUP-1', 'SUP-2', 'SUP-9', 'SUP-10', 'SUP-11', 'OPS-2']],
  ['slaBreached is empty', ['SUP-3', 'OPS-1']],
  ['slaBreached is not empty', ['SUP-1', 'SUP-2', 'SUP-9', 'SUP-10', 'SUP-11', 'OPS-2']],
  ['customerKey = ACME', ['SUP-1', 'SUP-9', 'OPS-2']],
  ['customerKey = acme', ['SUP-10']],
  ['issue.property[customer].key in (GLOBEX)', ['SUP-2', 'SUP-11', 'OPS-2']],
  ['issue.property["customer"].key = ACME', ['SUP-1', 'SUP-9', 'OPS-2']],
  ['customerKey != ACME', ['SUP-2', 'SUP-10', 'SUP-11']],
  // number (numeric strings are indexed as numbers; null is not indexed)
  ['slaRemaining < 0', ['SUP-1']],
  ['slaRemaining <= 45', ['SUP-1', 'SUP-10', 'OPS-2']],
  ['slaRemaining > 45', ['SUP-2', 'SUP-11']],
  ['slaRemaining = 45', ['SUP-10']],
  ['slaRemaining = 45.0', ['SUP-10']],
  ['slaRemaining in (5, 120)', ['SUP-2', 'OPS-2']],
  ['slaRemaining != 5', ['SUP-1', 'SUP-2', 'SUP-10', 'SUP-11']],
  ['slaRemaining is empty', ['SUP-3', 'SUP-9', 'OPS-1']],
  ['issue.property[serviceSla].remainingMinutes >= -30.5', ['SUP-1', 'SUP-2', 'SUP-10', 'SUP-11', 'OPS-2']],
  // date (ISO 8601; a date alone is UTC midnight; an unparsable value is not indexed)
  ['slaDue < now()', ['SUP-1', 'SUP-10']],
  ['slaDue <= now()', ['SUP-1', 'SUP-10', 'OPS-2']],
  ['slaDue > endOfDay()', []],
  ['slaDue >= "2026-11-18 12:00"', ['SUP-2', 'SUP-11', 'OPS-2']],
  ['slaDue < -1d', ['SUP-1']],
  ['slaDue is empty', ['SUP-3', 'SUP-9', 'OPS-1']],
  // user
  ['issue.property[serviceSla].owner = currentUser()', ['SUP-1']],
  ['issue.property[serviceSla].owner = "Bob Builder"', ['OPS-2']],
  ['issue.property[serviceSla].owner = acc-zed', []],
  ['issue.property[serviceSla].owner is empty', ['SUP-2', 'SUP-3', 'SUP-9', 'SUP-10', 'SUP-11', 'OPS-1']],
  // text
  ['issue.property[serviceSla].note ~ vendor', ['OPS-1']],
  ['issue.property[serviceSla].note ~ "renewal certificate"', ['OPS-1']],
  ['issue.property[serviceSla].note !~ vendor', []],
  ['issue.property[serviceSla].note !~ invoice', ['OPS-1']],
  ['issue.property[serviceSla].note is not empty', ['OPS-1']],
];

describe('issue property clauses', () => {
  test.each(table)('%s', (jql, expected) => {
    expect(matchingKeys(jql)).toEqual(sorted(expected));
  });
});
