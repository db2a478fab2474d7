// Whatever a user types, the engine answers ok or a 400 with a message: it never throws.
import fc from 'fast-check';
import { compileJql } from '../../../local/jira/jql';
import { context, ISSUES } from './fixtures';

const TOKENS = [
  'project', 'key', 'status', 'statusCategory', 'priority', 'assignee', 'reporter', 'labels', 'component', 'type',
  'summary', 'text', 'created', 'updated', 'resolved', 'resolution', 'slaDue', 'slaRemaining', 'customerKey',
  'issue.property[serviceSla].due', 'cf[10010]', 'foo', '=', '!=', '~', '!~', '<', '>', '<=', '>=', 'in', 'not in',
  'is', 'is not', 'was', 'changed', 'EMPTY', 'null', 'AND', 'OR', 'NOT', '(', ')', ',', 'ORDER BY', 'asc', 'desc',
  'SUP', 'OPS-1', 'SUP-10', 'Open', 'Done', '"In Progress"', 'Highest', 'acc-ann', 'currentUser()', 'now()',
  'startOfMonth(-1)', 'endOfDay("+2h")', 'startOfWeek(x)', '-1w2d', '"2026-11-01"', '"2026/11/01 13:45"', '42',
  '"the"', '"pass*"', '"*x"', 'vip', '"a\\u0023"', "'q'", '"', '\\', '#', 'true',
];

function assertAnswered(jql: string): void {
  const result = compileJql(jql, context());
  if (result.ok) {
    for (const issue of ISSUES) result.query.matches(issue);
    [...ISSUES].sort(result.query.compare);
  } else {
    expect(result.status).toBe(400);
    expect(result.errorMessages.length).toBeGreaterThan(0);
    for (const message of result.errorMessages) expect(message.length).toBeGreaterThan(10);
  }
}

describe('robustness', () => {
  test('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (jql) => assertAnswered(jql)), { numRuns: 200 });
  });

  test('well-formed clauses with any field, operator and value', () => {
    const fields = TOKENS.slice(0, 21);
    const operators = ['=', '!=', '~', '!~', '<', '>', '<=', '>=', 'is', 'is not', 'was'];
    const values = ['SUP', 'OPS-1', 'Open', '"In Progress"', 'Highest', 'acc-ann', 'currentUser()', 'now()', 'EMPTY',
      'startOfMonth(-1)', 'endOfDay("+2h")', '-1w2d', '"2026-11-01"', '42', '"pass*"', 'vip', 'membersOf(x)'];
    const clause = fc.tuple(fc.constantFrom(...fields), fc.constantFrom(...operators), fc.constantFrom(...values))
      .map(([f, o, v]) => `${f} ${o} ${v}`);
    const list = fc.tuple(fc.constantFrom(...fields), fc.constantFrom('in', 'not in'), fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }))
      .map(([f, o, vs]) => `${f} ${o} (${vs.join(', ')})`);
    const query = fc.tuple(fc.array(fc.oneof(clause, list), { minLength: 1, maxLength: 4 }), fc.constantFrom(' AND ', ' OR ', ' AND NOT '),
      fc.constantFrom('', ' ORDER BY key', ' ORDER BY priority DESC, slaDue', ' ORDER BY labels'))
      .map(([clauses, join, order]) => clauses.join(join) + order);
    fc.assert(fc.property(query, (jql) => assertAnswered(jql)), { numRuns: 300 });
  });

  test('sequences of JQL tokens', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }), (tokens) => assertAnswered(tokens.join(' '))),
      { numRuns: 400 },
    );
  });
});
