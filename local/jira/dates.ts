// Jira's wire formats for instants (`2021-01-18T23:45:00.000+0000`) and durations (`3h 20m`).
import { zoneOffsets } from '../../src/domain/calendar';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * An instant as Jira writes it: local wall time in `timeZone` with a colon-less offset. Jira renders dates in the
 * caller's profile zone, so apps must parse the offset rather than read the local part.
 */
export function formatJiraDateTime(ms: number, timeZone: string): string {
  const offsets = zoneOffsets(timeZone);
  if (!offsets) throw new Error(`unknown time zone ${timeZone}`);
  const offsetMin = Math.round(offsets.offsetAt(ms) / 60000);
  const wall = new Date(ms + offsetMin * 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:` +
    `${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}.${pad(wall.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 instant with an explicit offset (`Z`, `+0000` or `+00:00`); null when it is not one. */
export function parseInstant(text: string): number | null {
  if (!INSTANT.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

// Jira's default time-tracking settings: 8 hours a day, 5 days a week.
const UNITS: [suffix: string, seconds: number][] = [
  ['w', 5 * 8 * 3600],
  ['d', 8 * 3600],
  ['h', 3600],
  ['m', 60],
];

/** `12000` -> `3h 20m`, as Jira shows `timeSpent`. */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds / 60) * 60);
  const out: string[] = [];
  for (const [suffix, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) out.push(`${n}${suffix}`);
    rest -= n * size;
  }
  return out.length > 0 ? out.join(' ') : '0m';
}

/** `1d 2h 30m` -> seconds; null when the text is not a Jira duration. A bare number means minutes. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 60);
  const tokens = trimmed.split(/\s+/);
  let total = 0;
  for (const token of tokens) {
    const m = /^(\d+(?:\.\d+)?)([wdhm])$/.exec(token);
    if (!m) return null;
    const unit = UNITS.find(([s]) => s === m[2]);
    if (!unit) return null;
    total += Number(m[1]) * unit[1];
  }
  return tokens.length > 0 ? Math.round(total) : null;
}
