// Literal escapes and the ISO instants of date-typed issue properties.
import { literalValue } from '../../../local/jira/jql/literal';
import { parseIsoInstant } from '../../../local/jira/jql/property-values';
import { matchingKeys } from './fixtures';

describe('JQL string literals', () => {
  test.each([
    ['"a\\nb"', 'a\nb'],
    ['"tab\\there"', 'tab\there'],
    ["'it\\'s'", "it's"],
    ['"say \\"hi\\""', 'say "hi"'],
    ['"\\u0023hash"', '#hash'],
    ['"back\\\\slash"', 'back\\slash'],
    ['a\\ b', 'a b'],
    ['plain', 'plain'],
    ['""', ''],
  ])('%s -> %j', (text, value) => {
    expect(literalValue(text)).toBe(value);
  });

  test('escapes work inside queries', () => {
    expect(matchingKeys('labels = "vi\\u0070"')).toEqual(['SUP-1', 'SUP-11', 'SUP-3']);
    expect(matchingKeys("project = 'Support\\ Desk'")).toHaveLength(6);
  });
});

describe('ISO instants in issue properties', () => {
  test.each([
    ['2026-11-18', '2026-11-18T00:00:00.000Z'],
    ['2026-11-18T14:00Z', '2026-11-18T14:00:00.000Z'],
    ['2026-11-18T14:00:05Z', '2026-11-18T14:00:05.000Z'],
    ['2026-11-18T14:00:05.25Z', '2026-11-18T14:00:05.250Z'],
    ['2026-11-18T14:00:05.123456Z', '2026-11-18T14:00:05.123Z'],
    ['2026-11-18T14:00:00+01:00', '2026-11-18T13:00:00.000Z'],
    ['2026-11-18T14:00:00-0530', '2026-11-18T19:30:00.000Z'],
    ['2026-11-18 14:00', '2026-11-18T14:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('%s', (text, iso) => {
    const instant = parseIsoInstant(text);
    expect(instant === undefined ? undefined : new Date(instant).toISOString()).toBe(iso);
  });

  test.each(['2026-02-29', '2026-13-01', '2026-11-18T24:00Z', '2026-11-18T14:00:00.Z', '18.11.2026', '2026-11-18T14:00+1', '2026-11-18Z', ''])(
    '%j is not a date', (text) => {
      expect(parseIsoInstant(text)).toBeUndefined();
    },
  );
});
