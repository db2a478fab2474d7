// The parts of the UI's texts that need no Forge bridge: which Forge locale a Jira locale reads, `{name}`
// placeholders, and dates. Kept apart from i18n.ts so they run (and are tested) outside a browser.
export { DEFAULT_LOCALE, forgeLocale } from '../../src/contract/locale';

export type TextVars = Record<string, string | number>;
/** Looks up a text by its key in locales/<locale>.json (`panel.status`) and fills in `{name}` placeholders. */
export type Translate = (key: string, vars?: TextVars) => string;

/** Replaces `{name}` with `vars.name`; a placeholder without a value stays as written, so it is seen, not hidden. */
export function interpolate(text: string, vars?: TextVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : placeholder));
}

/** A `Translate` over a plain lookup (Forge's translation function, which answers the key itself when no text exists). */
export function translateWith(lookup: (key: string) => string): Translate {
  return (key, vars) => interpolate(lookup(key), vars);
}

/** A date and time in the viewer's own Jira locale (`de-CH` formats as Swiss German) and time zone. */
export function formatInstant(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/**
 * A Jira locale as `Intl` reads it: Jira may write `de_CH`, which `Intl` refuses; anything it still cannot read
 * is `en-US`, so a date is never what breaks a page.
 */
export function intlLocale(raw: string | null | undefined): string {
  if (!raw) return 'en-US';
  try {
    return Intl.getCanonicalLocales(raw.replace(/_/g, '-'))[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** The calendar day (`YYYY-MM-DD`) of an instant (epoch ms) in `timeZone`. */
export function localDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** A time of day, "4:30 PM" / "16:30", in the viewer's locale and zone. */
export function formatTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(iso));
}

/**
 * A near instant, short: "Mar 11, 4:30 PM" / "11. März, 16:30"; the year only when it is not the year of `now`
 * (both in the viewer's zone).
 */
export function formatNearInstant(iso: string, locale: string, timeZone: string, now: number): string {
  const at = new Date(iso);
  const sameYear = localDay(at.getTime(), timeZone).slice(0, 4) === localDay(now, timeZone).slice(0, 4);
  const day = new Intl.DateTimeFormat(locale, { year: sameYear ? undefined : 'numeric', month: 'short', day: 'numeric', timeZone }).format(at);
  // The locale's own short time ("00:30" in German, where `hour: 'numeric'` would write "0:30").
  return `${day}, ${formatTime(iso, locale, timeZone)}`;
}

/** A calendar date (`YYYY-MM-DD`, no zone of its own) in the viewer's locale: "Mar 1, 2026" / "01.03.2026". */
export function formatDate(isoDate: string, locale: string): string {
  const at = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(at)) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(at));
}

/** A calendar month (`YYYY-MM`) in the viewer's locale: "March 2026" / "März 2026". */
export function formatMonth(month: string, locale: string): string {
  const at = Date.parse(`${month}-01T00:00:00Z`);
  if (Number.isNaN(at)) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(at));
}

/** A number as the viewer writes it: "7.5" / "7,5". */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
