// UI texts through Forge's own i18n: `@forge/bridge` reads locales/<locale>.json, which Forge serves next to each
// Custom UI resource (`./__LOCALES__/`), with the manifest's `translations.fallback`.
import { i18n } from '@forge/bridge';
import { forgeLocale, translateWith, type Translate } from './locale';

export { DEFAULT_LOCALE, formatInstant, forgeLocale, interpolate, translateWith, type TextVars, type Translate } from './locale';

/**
 * The texts for a person's Jira locale (`view.getContext().locale`, e.g. `de-CH`). Rejects when Forge cannot
 * serve the translations; a key without a text in either the locale or the fallback reads as the key itself.
 */
export async function loadTexts(contextLocale: string | null | undefined): Promise<Translate> {
  const lookup = await i18n.createTranslationFunction(forgeLocale(contextLocale));
  return translateWith((key) => lookup(key));
}
