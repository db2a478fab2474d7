// The messages a resolver answers with, in the caller's language (Forge's i18n for functions, locales/*.json).
import { i18n } from '@forge/api';
import { forgeLocale } from '../contract/locale';
import type { ResolverError } from '../contract/result';

export interface CallerLocale {
  /** The caller's Jira locale, e.g. `de-CH`. */
  locale?: unknown;
  /** The caller's Jira time zone, e.g. `Europe/Zurich`. */
  timezone?: unknown;
}

const TEXT_OF: Partial<Record<ResolverError['code'], string>> = {
  FORBIDDEN: 'errors.forbidden',
  UPSTREAM: 'errors.upstream',
  INTERNAL: 'errors.internal',
};

/**
 * Translates the messages the app words itself. Field messages of INVALID_INPUT stay as the schemas word them
 * (English), next to the field they name.
 */
export async function localise(error: ResolverError, caller: CallerLocale): Promise<ResolverError> {
  const key = error.conflict ? 'errors.staleRevision' : TEXT_OF[error.code];
  if (!key) return error;
  const locale = typeof caller.locale === 'string' ? caller.locale : 'en-US';
  let t: (key: string) => string;
  try {
    t = await i18n.createTranslationFunction(forgeLocale(locale));
  } catch (failure) {
    // Without translations the English message still says what happened.
    console.warn(`resolver messages: translations unavailable (${String(failure)})`);
    return error;
  }
  const text = t(key);
  if (text === key) return error;
  if (!error.conflict) return { ...error, message: text };
  const timeZone = typeof caller.timezone === 'string' ? caller.timezone : 'UTC';
  const time = formatTime(error.conflict.updatedAt, locale, timeZone);
  return { ...error, message: text.replace('{name}', error.conflict.updatedBy).replace('{time}', time) };
}

function formatTime(iso: string, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    return iso;
  }
}
