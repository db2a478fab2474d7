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
