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

/** The app's own fixed messages, in English, by their key in locales/*.json. */
export const MESSAGES = {
  'errors.forbidden': 'You do not have permission to do this. Only Jira administrators can manage Service Manager.',
  'errors.forbiddenBilling': 'You do not have permission to see billing. Only Jira administrators and the billing groups set on the admin page may see or export billable hours.',
  'errors.upstream': 'Jira is not answering right now. Please try again in a moment.',
  'errors.internal': 'Something went wrong on our side. The error has been logged.',
} as const;

const KEY_OF = new Map<string, string>(Object.entries(MESSAGES).map(([key, text]) => [text, key]));

/**
 * Translates the messages the app words itself: its fixed messages, and conflicts (with the time in the caller's
 * zone). A message a service worded for the case at hand, and field messages of INVALID_INPUT, stay as written.
 */
export async function localise(error: ResolverError, caller: CallerLocale): Promise<ResolverError> {
  const key = error.conflict ? 'errors.staleRevision' : KEY_OF.get(error.message);
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
