// Holidays from an iCalendar (.ics) file, read in the browser with ical.js (loaded only when a file is chosen).
// An all-day VEVENT gives a holiday per day it covers (DTEND is exclusive); a simple yearly recurrence gives a
// yearly holiday (MM-DD); events with a time of day are skipped.

export interface ImportedHoliday {
  /** YYYY-MM-DD, or MM-DD for a yearly holiday. */
  date: string;
  name: string;
}

export interface IcsResult {
  holidays: ImportedHoliday[];
  /** Events with a time of day (not holidays). */
  skipped: number;
}

export class IcsFileError extends Error {}

const MAX_DAYS_PER_EVENT = 366;
const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export async function parseIcsHolidays(text: string): Promise<IcsResult> {
  const { default: ICAL } = await import('ical.js');
  let root: InstanceType<typeof ICAL.Component>;
  try {
    const parsed: unknown = ICAL.parse(text);
    if (!Array.isArray(parsed) || parsed[0] !== 'vcalendar') throw new IcsFileError('no VCALENDAR');
    root = new ICAL.Component(parsed as unknown as []);
  } catch (error) {
    throw new IcsFileError(error instanceof Error ? error.message : String(error));
  }
  const holidays: ImportedHoliday[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  const add = (date: string, name: string) => {
    if (seen.has(date)) return;
    seen.add(date);
    holidays.push({ date, name });
  };
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const start = event.startDate;
    if (!start) continue;
    if (!start.isDate) {
      skipped += 1;
      continue;
    }
    const name = (event.summary ?? '').trim().slice(0, 120);
    const first = Date.UTC(start.year, start.month - 1, start.day);
    const end = event.endDate;
    const last = end && end.isDate ? Date.UTC(end.year, end.month - 1, end.day) : first + 86_400_000;
    const days = Math.min(Math.max(1, Math.round((last - first) / 86_400_000)), MAX_DAYS_PER_EVENT);
    const yearly = isSimpleYearly(vevent);
    for (let i = 0; i < days; i += 1) {
      const day = isoDay(first + i * 86_400_000);
      add(yearly ? day.slice(5) : day, name);
    }
  }
  return { holidays, skipped };
}

/** RRULE:FREQ=YEARLY without end and with no rule parts that move the day (BYDAY, BYSETPOS, ...): the same MM-DD every year. */
function isSimpleYearly(vevent: { getFirstPropertyValue(name: string): unknown }): boolean {
  const rule = vevent.getFirstPropertyValue('rrule') as {
    freq?: string;
    interval?: number;
    count?: number | null;
    until?: unknown;
    parts?: Record<string, unknown>;
  } | null;
  if (!rule || rule.freq !== 'YEARLY' || (rule.interval ?? 1) !== 1 || rule.count || rule.until) return false;
  const parts = Object.keys(rule.parts ?? {});
  return parts.every((p) => p === 'BYMONTH' || p === 'BYMONTHDAY');
}
