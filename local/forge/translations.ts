// The app's `translations` as Forge delivers them: an `__LOCALES__` folder with `i18n-info.json` and one
// `<locale>.json` per declared locale, next to each Custom UI resource (read by @forge/bridge `i18n`) and in the
// function's code folder (read by @forge/api `i18n` from `__forge_runtime__.container.appCodeDir`). Also the
// host's own lookup for module titles written as `{ i18n: key }`, with Forge's fallback order.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureLocale, getTranslationValue, I18N_BUNDLE_FOLDER_NAME, I18N_INFO_FILE_NAME, type ForgeSupportedLocaleCode } from '@forge/i18n';
import type { ManifestText, TranslationsDef } from './manifest';

/** One locale file: texts, or groups of texts, by key. */
type Texts = { [key: string]: string | Texts };

/** A text by key in one locale's file, as Forge finds it: the key as written, else its dotted path (`a.b.c`). */
function textIn(texts: Texts, i18nKey: string): string | null {
  const locale = 'en-US' satisfies ForgeSupportedLocaleCode;
  return getTranslationValue({ [locale]: texts }, i18nKey, locale);
}

export interface AppTranslations {
  /** `__LOCALES__/<name>` -> its JSON text: `i18n-info.json` and `<locale>.json` for every declared locale. */
  files: ReadonlyMap<string, string>;
  /** Lookup order per Forge locale code: the code, its fallbacks, the default; declared locales only. */
  lookupOrder(locale: string): string[];
  /** A locale's texts, or undefined when the manifest declares no file for it. */
  texts(locale: string): Texts | undefined;
}

/** Reads the files `translations.resources` names (paths relative to the app folder); throws naming a bad one. */
export function loadTranslations(appRoot: string, def: TranslationsDef): AppTranslations {
  const byLocale = new Map<string, Texts>();
  for (const { key, path } of def.resources) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(appRoot, path), 'utf8'));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`manifest.yml: translations resource '${key}' (${path}) cannot be read: ${why}`, { cause: error });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`manifest.yml: translations resource '${key}' (${path}) is not a JSON object`);
    }
    byLocale.set(key, parsed as Texts);
  }
  const locales = [...byLocale.keys()];
  const texts = (locale: string): Texts => byLocale.get(locale) ?? {};
  const lookupOrder = (locale: string): string[] => {
    const more = def.fallback[locale];
    const order = [locale, ...(Array.isArray(more) ? more : more ? [more] : []), def.fallback.default];
    return [...new Set(order)].filter((l) => byLocale.has(l));
  };
  // What Forge's deployment writes: the config, and each manifest i18n key's text per locale.
  const info = {
    translations: Object.fromEntries(
      def.moduleKeys.map((i18nKey) => [
        i18nKey,
        Object.fromEntries(locales.flatMap((l) => {
          const value = textIn(texts(l), i18nKey);
          return value === null ? [] : [[l, value]];
        })),
      ]),
    ),
    config: { locales, fallback: def.fallback },
  };
  const files = new Map<string, string>([[I18N_INFO_FILE_NAME, JSON.stringify(info)]]);
  for (const [locale, texts] of byLocale) files.set(`${locale}.json`, JSON.stringify(texts));
  return { files, lookupOrder, texts: (locale) => byLocale.get(locale) };
}

/**
 * The function's `appCodeDir`: `<appRoot>/.data/forge-app-code/<hash of the files>/`, holding the `__LOCALES__`
 * folder. Named by its content, so runtimes started at the same time share it and a killed one leaves nothing
 * half-written behind (the folder is filled aside, then renamed into place).
 */
export function writeAppCodeDir(appRoot: string, translations: AppTranslations): string {
  const hash = createHash('sha256');
  for (const [name, content] of [...translations.files].sort(([a], [b]) => a.localeCompare(b))) hash.update(`${name}\0${content}\0`);
  const parent = join(appRoot, '.data', 'forge-app-code');
  const dir = join(parent, hash.digest('hex').slice(0, 16));
  if (existsSync(join(dir, I18N_BUNDLE_FOLDER_NAME, I18N_INFO_FILE_NAME))) return dir;
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, 'staging-'));
  try {
    mkdirSync(join(staging, I18N_BUNDLE_FOLDER_NAME));
    for (const [name, content] of translations.files) writeFileSync(join(staging, I18N_BUNDLE_FOLDER_NAME, name), content);
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another runtime renamed the same content into place first.
    if (!existsSync(join(dir, I18N_BUNDLE_FOLDER_NAME, I18N_INFO_FILE_NAME))) throw error;
  }
  return dir;
}

export const LOCALES_FOLDER = I18N_BUNDLE_FOLDER_NAME;

/**
 * The Forge locale code a Jira locale reads: itself when Forge supports it, else its language's code
 * (`de-CH` -> `de-DE`, `en-IN` -> `en-US`), else undefined (the fallback default applies).
 */
export function forgeLocaleOf(raw: string): string | undefined {
  const locale = raw.trim().replace('_', '-');
  return ensureLocale(locale) ?? ensureLocale(locale.split('-')[0]?.toLowerCase() ?? '') ?? undefined;
}

/**
 * A manifest text for a person's Jira locale (`de-CH`): plain strings as written, `{ i18n: key }` from the
 * translations with Forge's fallback order; the key itself when no file has it (as Forge's `t()` answers).
 */
export function translateText(translations: AppTranslations | undefined, text: ManifestText, rawLocale: string): string {
  if (typeof text === 'string') return text;
  if (!translations) return text.i18n;
  const locale = forgeLocaleOf(rawLocale) ?? '';
  for (const l of translations.lookupOrder(locale)) {
    const value = textIn(translations.texts(l) ?? {}, text.i18n);
    if (value !== null) return value;
  }
  return text.i18n;
}
