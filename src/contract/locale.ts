// Which Forge locale a Jira locale reads: shared by the UI (@forge/bridge i18n) and functions (@forge/api i18n).
import { ensureLocale, type ForgeSupportedLocaleCode } from '@forge/i18n';

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
