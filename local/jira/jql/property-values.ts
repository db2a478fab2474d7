// Reading indexed issue-property values from snapshots, typed the way Jira indexes them (jira:entityProperty):
// a value of the wrong type is simply not indexed (the issue counts as EMPTY for that path), and an array indexes
// each element, so `=` matches when any element does.
import type { IndexedPropertyValue, JqlIssue } from './types';

const hasOwn = Object.prototype.hasOwnProperty;

/** The raw JSON value at `path` of the issue's property, or undefined. */
export function readPropertyPath(issue: JqlIssue, propertyKey: string, path: readonly string[]): unknown {
  const properties = issue.properties;
  if (!hasOwn.call(properties, propertyKey)) return undefined;
  let value: unknown = properties[propertyKey];
  for (let k = 0; k < path.length; k++) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const segment = path[k] as string;
    if (!hasOwn.call(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Turns one JSON value into the indexed form for a type: number, string, or epoch ms (date). */
export type Extract<T> = (value: unknown) => T | undefined;

export const asNumber: Extract<number> = (value) => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
};

/** string and user values: strings as they are; booleans and numbers as their JSON text (Jira indexes them so). */
export const asString: Extract<string> = (value) => {
  if (typeof value === 'string') return value;
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
};

export const asText: Extract<string> = (value) => (typeof value === 'string' ? value : undefined);

export const asDate: Extract<number> = (value) => (typeof value === 'string' ? parseIsoInstant(value) : undefined);

export function extractorFor(type: IndexedPropertyValue['type']): Extract<number> | Extract<string> {
  switch (type) {
    case 'number': return asNumber;
    case 'date': return asDate;
    case 'text': return asText;
    case 'string':
    case 'user': return asString;
  }
}

/** True when `test` holds for the value, or for any element when the value is an array. */
export function someValue<T>(raw: unknown, extract: Extract<T>, test: (value: T) => boolean): boolean {
  if (Array.isArray(raw)) {
    for (let k = 0; k < raw.length; k++) {
      const v = extract(raw[k]);
      if (v !== undefined && test(v)) return true;
    }
    return false;
  }
  const v = extract(raw);
  return v !== undefined && test(v);
}

/** The first indexable value (for sorting). */
export function firstValue<T>(raw: unknown, extract: Extract<T>): T | undefined {
  if (Array.isArray(raw)) {
    for (let k = 0; k < raw.length; k++) {
      const v = extract(raw[k]);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  return extract(raw);
}

/** The number written with `count` digits at `start`, or -1. */
function digitsAt(s: string, start: number, count: number): number {
  if (start + count > s.length) return -1;
  let n = 0;
  for (let k = start; k < start + count; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function monthLength(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * ISO 8601 `yyyy-MM-dd`, optionally with `THH:mm[:ss[.fff]]` and `Z` or `+HH:mm`; no offset = UTC (Jira Cloud indexes
 * in UTC). Parsed by hand so that evaluating a query allocates nothing per issue.
 */
export function parseIsoInstant(s: string): number | undefined {
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  if (year < 0 || s.charCodeAt(4) !== 45 || month < 1 || month > 12 || s.charCodeAt(7) !== 45) return undefined;
  if (day < 1 || day > monthLength(year, month)) return undefined;
  if (s.length === 10) return Date.UTC(year, month - 1, day);
  const sep = s.charAt(10);
  if (sep !== 'T' && sep !== ' ') return undefined;
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  if (hour < 0 || hour > 23 || s.charCodeAt(13) !== 58 || minute < 0 || minute > 59) return undefined;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    second = digitsAt(s, i + 1, 2);
    if (second < 0 || second > 59) return undefined;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      i++;
      let scale = 100;
      const fractionStart = i;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
        ms += (s.charCodeAt(i) - 48) * scale;
        scale /= 10;
        i++;
      }
      if (i === fractionStart) return undefined;
      ms = Math.floor(ms);
    }
  }
  let offsetMinutes = 0;
  if (i < s.length) {
    const sign = s.charAt(i);
    if (sign === 'Z' && i === s.length - 1) {
      i++;
    } else if (sign === '+' || sign === '-') {
      const oh = digitsAt(s, i + 1, 2);
      const colon = s.charCodeAt(i + 3) === 58 ? 1 : 0;
      const om = digitsAt(s, i + 3 + colon, 2);
      if (oh < 0 || om < 0) return undefined;
      offsetMinutes = (sign === '-' ? -1 : 1) * (oh * 60 + om);
      i += 5 + colon;
    } else {
      return undefined;
    }
  }
  if (i !== s.length) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}
