// The parts of the UI's texts that need no Forge bridge: which Forge locale a Jira locale reads, `{name}`
// placeholders, and dates. Kept apart from i18n.ts so they run (and are tested) outside a browser.
import { ensureLocale, type ForgeSupportedLocaleCode } from '@forge/i18n';

export type TextVars = Record<string, string | number>;
/** Looks up a text by its key in locales/<locale>.json (`panel.status`) and fills in `{name}` placeholders. */
export type Translate = (key: string, vars?: TextVars) => string;

/** The manifest's `translations.fallback.default`: what a locale without texts of its own reads. */
export const DEFAULT_LOCALE: ForgeSupportedLocaleCode = 'en-US';

/**
 * The Forge locale code for a Jira locale: the code itself when Forge supports it (`de-DE`, `en-GB`), else its
 * language's code (`de-CH` -> `de-DE`, `en-IN` -> `en-US`), else the default. Forge's i18n looks up texts only under
 * supported codes, so `de-CH` must become `de-DE` before the lookup for a Swiss user to read German.
 */
export function forgeLocale(raw: string | null | undefined): ForgeSupportedLocaleCode {
  const locale = (raw ?? '').trim().replace('_', '-');
  if (locale === '') return DEFAULT_LOCALE;
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  return (ensureLocale(locale) ?? ensureLocale(language) ?? DEFAULT_LOCALE) as ForgeSupportedLocaleCode;
}

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
