// Checks the generator's options, shared by `generateDemo` and the command line, so both report the same
// clear message naming the option that is wrong.

import { DEFAULT_DEMO_SEED, DEFAULT_ISSUES, DEFAULT_WORKLOGS_PER_ISSUE } from './company';
import type { DemoOptions } from './types';

export const MAX_ISSUES = 200_000;
export const MAX_WORKLOGS = 2_000_000;

export class DemoOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`--${option}: ${message}`);
    this.name = 'DemoOptionError';
  }
}

export interface ResolvedDemoOptions {
  seed: number;
  anchor: string;
  anchorMs: number;
  issues: number;
  worklogs: number;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

export function checkAnchor(value: unknown): number {
  const m = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (typeof value !== 'string' || !m) {
    throw new DemoOptionError('anchor', `expected an ISO 8601 instant with an offset, like 2026-06-10T14:00:00Z; got ${show(value)}`);
  }
  const [y, mo, d, h, mi, s, oh, om] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  // Date.parse rolls 31 February over into March, so the fields are checked here.
  const daysInMonth = new Date(Date.UTC(y ?? 0, mo ?? 0, 0)).getUTCDate();
  const fieldsOk = (mo ?? 0) >= 1 && (mo ?? 0) <= 12 && (d ?? 0) >= 1 && (d ?? 0) <= daysInMonth && (h ?? 0) <= 23 && (mi ?? 0) <= 59 && (s ?? 0) <= 59 && (oh ?? 0) <= 14 && (om ?? 0) <= 59;
  const ms = Date.parse(value);
  const year = new Date(ms).getUTCFullYear();
  if (!fieldsOk || !Number.isFinite(ms) || year < 2000 || year > 2099) {
    throw new DemoOptionError('anchor', `expected a real date between the years 2000 and 2099; got ${show(value)}`);
  }
  return ms;
}

export function checkInteger(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DemoOptionError(option, `expected a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}; got ${show(value)}`);
  }
  return value;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  const anchorMs = checkAnchor(options.anchor);
  const seed = options.seed === undefined ? DEFAULT_DEMO_SEED : checkInteger('seed', options.seed, 0, 0xffffffff);
  const issues = options.issues === undefined ? DEFAULT_ISSUES : checkInteger('issues', options.issues, 1, MAX_ISSUES);
  const worklogs =
    options.worklogs === undefined
      ? Math.min(MAX_WORKLOGS, issues * DEFAULT_WORKLOGS_PER_ISSUE)
      : checkInteger('worklogs', options.worklogs, 0, MAX_WORKLOGS);
  return { seed, anchor: options.anchor, anchorMs, issues, worklogs };
}
