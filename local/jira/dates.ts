// Jira's wire formats for instants (`2021-01-18T23:45:00.000+0000`) and durations (`3h 20m`).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * An instant as Jira writes it: local wall time in `timeZone` with a colon-less offset. Jira renders dates in the
 * caller's profile zone, so apps must parse the offset rather than read the local part.
 */
export function formatJiraDateTime(ms: number, timeZone: string): string {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const millis = ((ms % 1000) + 1000) % 1000;
  const offsetMin = Math.round((wall - (ms - millis)) / 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return (
    `${pad(parts.year ?? 1970, 4)}-${pad(parts.month ?? 1)}-${pad(parts.day ?? 1)}T${pad(parts.hour ?? 0)}:` +
    `${pad(parts.minute ?? 0)}:${pad(parts.second ?? 0)}.${pad(millis, 3)}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
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
