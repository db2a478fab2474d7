// Dates, times and numbers as the viewer reads them: their Jira locale and time zone (view.getContext()).
export interface Viewer {
  locale: string;
  timeZone: string;
}

/** An instant (ISO 8601) as date and time in the viewer's zone. */
export function formatInstant(iso: string, viewer: Viewer): string {
  return new Intl.DateTimeFormat(viewer.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: viewer.timeZone }).format(new Date(iso));
}

function localDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** "14:02" for an instant earlier today in the viewer's zone, else date and time. */
export function formatRecentInstant(iso: string, viewer: Viewer, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  if (localDay(at, viewer.timeZone) === localDay(now, viewer.timeZone)) {
    return new Intl.DateTimeFormat(viewer.locale, { timeStyle: 'short', timeZone: viewer.timeZone }).format(new Date(at));
  }
  return formatInstant(iso, viewer);
}

/** A calendar date (`YYYY-MM-DD`, no time zone of its own) in the viewer's locale. */
export function formatDate(isoDate: string, locale: string): string {
  const at = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(at)) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(at));
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** Today's date (`YYYY-MM-DD`) in the viewer's zone. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  return localDay(now, timeZone);
}
