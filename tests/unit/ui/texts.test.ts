// The UI's texts: which Forge locale a Jira locale reads, `{name}` placeholders, and that the locale files
// agree (every English text has a German one) and hold every key the UI asks for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatInstant, forgeLocale, interpolate, translateWith } from '../../../static/shared/locale';

const ROOT = join(__dirname, '../../..');
type Texts = { [key: string]: string | Texts };
const localeFile = (locale: string): Texts => JSON.parse(readFileSync(join(ROOT, 'locales', `${locale}.json`), 'utf8')) as Texts;

/** Every text's dotted key (`panel.status`); a value that is neither text nor group is reported as such. */
function keysOf(texts: Texts, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([key, value]) => {
    const path = prefix + key;
    if (typeof value === 'string') return [path];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return keysOf(value, `${path}.`);
    return [`${path} (not a text: ${JSON.stringify(value)})`];
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('forgeLocale', () => {
  it.each([
    ['de-CH', 'de-DE'],
    ['de_CH', 'de-DE'],
    ['de-AT', 'de-DE'],
    ['de-DE', 'de-DE'],
    ['de', 'de-DE'],
    ['en-US', 'en-US'],
    ['en_US', 'en-US'],
    ['en-IN', 'en-US'],
    ['en', 'en-US'],
    ['fr-CH', 'fr-FR'],
  ])('reads %s as the Forge locale %s', (raw, expected) => {
    expect(forgeLocale(raw)).toBe(expected);
  });

  it('keeps a code Forge supports, even when the app has no file for it (Forge then falls back to en-US)', () => {
    expect(forgeLocale('en-GB')).toBe('en-GB');
  });

  it.each([undefined, null, '', 'xx-YY', 'klingon'])('reads %p as the default, en-US', (raw) => {
    expect(forgeLocale(raw)).toBe('en-US');
  });
});

describe('interpolate', () => {
  it('fills in {name} placeholders with strings and numbers, each as often as it appears', () => {
    expect(interpolate('{count} of {total} events, {count} new', { count: 3, total: 10 })).toBe('3 of 10 events, 3 new');
    expect(interpolate('Hallo, {name}', { name: 'Lukas' })).toBe('Hallo, Lukas');
  });

  it('leaves a placeholder without a value as written, and text without vars untouched', () => {
    expect(interpolate('Due {when}', { other: 1 })).toBe('Due {when}');
    expect(interpolate('Due {when}')).toBe('Due {when}');
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });

  it('translateWith looks the key up, then interpolates', () => {
    const t = translateWith((key) => ({ 'a.b': 'Hi {name}' })[key] ?? key);
    expect(t('a.b', { name: 'Anna' })).toBe('Hi Anna');
    expect(t('a.missing')).toBe('a.missing');
  });
});

describe('formatInstant', () => {
  it('formats in the viewer’s raw locale and time zone', () => {
    expect(formatInstant('2026-03-10T12:00:00Z', 'de-CH', 'Europe/Zurich')).toBe('10.03.2026, 13:00');
    expect(formatInstant('2026-03-10T12:00:00Z', 'en-US', 'America/New_York')).toMatch(/^Mar 10, 2026, 8:00\sAM$/);
  });
});

describe('locale files', () => {
  const english = keysOf(localeFile('en-US'));
  const german = keysOf(localeFile('de-DE'));

  it('have the same keys in English and German (no text missing in either)', () => {
    expect(german.filter((k) => !english.includes(k))).toEqual([]);
    expect(english.filter((k) => !german.includes(k))).toEqual([]);
  });

  it('hold texts only, no empty ones', () => {
    for (const locale of ['en-US', 'de-DE']) {
      expect(keysOf(localeFile(locale)).filter((k) => k.includes(' (not a text'))).toEqual([]);
      const empty = keysOf(localeFile(locale)).filter((k) => {
        const value = k.split('.').reduce<unknown>((node, part) => (node as Texts)[part], localeFile(locale));
        return typeof value === 'string' && value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('have the same {placeholders} in each language', () => {
    const en = localeFile('en-US');
    const de = localeFile('de-DE');
    const textAt = (texts: Texts, key: string): string => String(key.split('.').reduce<unknown>((node, part) => (node as Texts)[part], texts));
    const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
    const differ = english
      .filter((key) => german.includes(key))
      .filter((key) => placeholders(textAt(en, key)).join() !== placeholders(textAt(de, key)).join());
    expect(differ).toEqual([]);
  });

  it("hold every key the UI asks for with t('...')", () => {
    const used = sourceFiles(join(ROOT, 'static')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*['"`]([\w.-]+)['"`]/g)].map((m) => ({ file: file.slice(ROOT.length + 1), key: m[1] ?? '' })),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((u) => !english.includes(u.key))).toEqual([]);
  });
});
