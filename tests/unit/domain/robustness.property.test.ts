// Bad input never crashes: random values and randomly damaged case files give ValidationErrors or failed
// checks with a message, never another exception.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCalendar, ValidationError } from '../../../src/domain/calendar';
import { parsePolicy, parseTimeline } from '../../../src/domain/sla';
import { runCaseFile } from '../../../src/domain/sla/conformance';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function onlyValidationErrors(parse: (input: unknown) => unknown, input: unknown): void {
  try {
    parse(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.length).toBeGreaterThan(0);
    expect((error as ValidationError).message).not.toBe('');
  }
}

describe('parsers on random input', () => {
  it.each([
    ['parseCalendar', parseCalendar],
    ['parsePolicy', parsePolicy],
    ['parseTimeline', parseTimeline],
  ])('%s throws nothing but ValidationError', (_name, parse) => {
    fc.assert(
      fc.property(fc.anything(), (input) => onlyValidationErrors(parse, input)),
      { numRuns: 300 },
    );
  });
});

const ROOT = resolve(__dirname, '../../..');
const cases: Json[] = [resolve(ROOT, '../shared/sla-cases'), resolve(ROOT, 'tests/sla-cases')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Json),
);

/** Every path to a value inside a JSON tree. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function replaceAt(value: Json, path: readonly (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === head ? replaceAt(v, rest, replacement) : v]));
  }
  return value;
}

describe('runCaseFile on damaged case files', () => {
  it('reports every problem as a failure with a message and never throws', () => {
    const damaged = fc
      .constantFrom(...cases)
      .chain((file) => fc.tuple(fc.constant(file), fc.constantFrom(...paths(file)), fc.jsonValue() as fc.Arbitrary<Json>))
      .map(([file, path, replacement]) => replaceAt(file, path, replacement));
    fc.assert(
      fc.property(damaged, (file) => {
        const outcome = runCaseFile(file);
        if (outcome.error !== undefined) expect(outcome.error).not.toMatch(/^internal error/);
        for (const check of outcome.checks) {
          if (check.error !== undefined) expect(check.error).not.toMatch(/^internal error/);
          if (!check.passed) expect(check.error !== undefined || check.mismatches.length > 0).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
