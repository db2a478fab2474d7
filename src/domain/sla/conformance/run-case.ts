// Evaluates one case file with the engine and reports each check as passed or failed, with what differed.
// Pure (the caller reads files), so the jest tests and the CLI share it.
import {
  addBusinessTime,
  businessTimeBetween,
  isBusinessTime,
  nextBusinessMoment,
  parseCalendar,
  subtractBusinessTime,
  ValidationError,
  type Calendar,
  type Pause,
} from '../../calendar';
import { issuesFromZod } from '../../calendar/schema-issues';
import { evaluateSla } from '../evaluate';
import { parsePolicy, parseTimeline } from '../schema';
import type { MetricResult } from '../types';
import { caseFileSchema, checkSchema, type Check, type MetricExpectation } from './case-schema';
import { formatInstant } from './iso';

export interface Mismatch {
  field: string;
  expected: string;
  got: string;
}

export interface CheckOutcome {
  index: number;
  op: string;
  note: string;
  passed: boolean;
  mismatches: Mismatch[];
  /** Set when the check could not run (malformed check, invalid policy ...). */
  error?: string;
}

export interface CaseFileOutcome {
  name: string;
  /** Set when the file as a whole is unusable (bad JSON shape, invalid calendar); no checks ran. */
  error?: string;
  checks: CheckOutcome[];
}

/** Runs a parsed case file (the JSON value). Never throws on bad input: problems become failures. */
export function runCaseFile(json: unknown): CaseFileOutcome {
  const file = caseFileSchema.safeParse(json, { reportInput: true });
  if (!file.success) {
    return { name: '', error: describeError(new ValidationError(issuesFromZod('', file.error))), checks: [] };
  }
  const name = file.data.name ?? '';
  let calendar: Calendar;
  try {
    calendar = parseCalendar(file.data.calendar, 'calendar');
  } catch (error) {
    return { name, error: describeError(error), checks: [] };
  }
  const checks = file.data.checks.map((raw, index) => runCheck(raw, index, calendar));
  return { name, checks };
}

function runCheck(raw: unknown, index: number, calendar: Calendar): CheckOutcome {
  const path = `checks[${index}]`;
  const label = peekLabel(raw);
  const parsed = checkSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    return { index, ...label, passed: false, mismatches: [], error: describeError(new ValidationError(issuesFromZod(path, parsed.error))) };
  }
  const check = parsed.data;
  try {
    const mismatches = evaluateCheck(check, calendar, path);
    return { index, op: check.op, note: check.note ?? '', passed: mismatches.length === 0, mismatches };
  } catch (error) {
    return { index, op: check.op, note: check.note ?? '', passed: false, mismatches: [], error: describeError(error) };
  }
}

function evaluateCheck(check: Check, calendar: Calendar, path: string): Mismatch[] {
  switch (check.op) {
    case 'add':
    case 'subtract': {
      const ms = check.minutes !== undefined ? check.minutes * 60_000 : (check.seconds ?? 0) * 1000;
      const fn = check.op === 'add' ? addBusinessTime : subtractBusinessTime;
      const got = fn(calendar, check.start, ms, toPauses(check.pauses));
      return compareInstant('result', check.expect, got);
    }
    case 'between': {
      const ms = businessTimeBetween(calendar, check.start, check.end, toPauses(check.pauses));
      const out: Mismatch[] = [];
      if (check.expectMinutes !== undefined) compareValue(out, 'minutes', check.expectMinutes, Math.floor(ms / 60_000));
      if (check.expectSeconds !== undefined) compareValue(out, 'seconds', check.expectSeconds, Math.floor(ms / 1000));
      return out;
    }
    case 'nextBusinessMoment':
      return compareInstant('result', check.expect, nextBusinessMoment(calendar, check.at));
    case 'isBusinessTime': {
      const out: Mismatch[] = [];
      compareValue(out, 'result', check.expect, isBusinessTime(calendar, check.at));
      return out;
    }
    case 'sla': {
      const policy = parsePolicy(check.policy, `${path}.policy`);
      const timeline = parseTimeline(check.timeline, `${path}.timeline`);
      const result = evaluateSla(policy, timeline, check.now, { calendar });
      const out: Mismatch[] = [];
      for (const [key, expected] of Object.entries(check.expect)) {
        const got = result[key];
        if (!got) {
          out.push({ field: key, expected: 'a metric', got: `no metric "${key}" in the policy` });
          continue;
        }
        compareMetric(out, key, expected, got);
      }
      return out;
    }
  }
}

function compareMetric(out: Mismatch[], key: string, expected: MetricExpectation, got: MetricResult): void {
  for (const [field, want] of Object.entries(expected) as [keyof MetricExpectation, unknown][]) {
    if (want === undefined) continue;
    if (field === 'dueAt') {
      out.push(...compareInstant(`${key}.dueAt`, want as number | null, got.dueAt));
    } else {
      compareValue(out, `${key}.${field}`, want, got[field]);
    }
  }
}

function compareInstant(field: string, expected: number | null, got: number | null): Mismatch[] {
  return expected === got ? [] : [{ field, expected: formatInstant(expected), got: formatInstant(got) }];
}

function compareValue(out: Mismatch[], field: string, expected: unknown, got: unknown): void {
  if (expected !== got) out.push({ field, expected: JSON.stringify(expected), got: JSON.stringify(got) });
}

function toPauses(pairs: readonly [number, number][] | undefined): Pause[] | undefined {
  return pairs?.map(([from, to]) => ({ from, to }));
}

function peekLabel(raw: unknown): { op: string; note: string } {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { op: typeof r['op'] === 'string' ? r['op'] : '?', note: typeof r['note'] === 'string' ? r['note'] : '' };
}

function describeError(error: unknown): string {
  if (error instanceof ValidationError) return error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}
