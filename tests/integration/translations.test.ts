// The app's translations as Forge delivers them, on the local host: `__LOCALES__/` next to every Custom UI
// resource (what @forge/bridge i18n fetches), in the function's `appCodeDir` (what @forge/api i18n reads), and
// module titles given as `{ i18n: key }` translated for the signed-in person.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalHost, type LocalHost } from '../../local/host';
import { createLocalForge, type LocalForge } from '../../local/forge/runtime';
import { translateText } from '../../local/forge/translations';
import { SMALL_PEOPLE, smallSeed } from '../e2e/helpers/small-site';

const APP_ROOT = join(__dirname, '../..');
const FIXTURE = join(__dirname, '../fixtures/i18n-app');
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** The small site, with the engineer's Jira profile in Swiss German. */
function startSite(appRoot: string): Promise<LocalHost> {
  const seed = smallSeed();
  seed.users = seed.users.map((u) => (u.accountId === 'acc-eng' ? { ...u, locale: 'de_CH' } : u));
  return startLocalHost({
    port: 0,
    dbFile: ':memory:',
    appRoot,
    company: { jira: seed, anchor: '2026-03-10T12:00:00+01:00', people: SMALL_PEOPLE, customers: [] },
    schedules: false,
    delayScale: 0,
    log: () => {},
  });
}

const asPerson = (accountId: string) => ({ headers: { cookie: `jira_local_user=${encodeURIComponent(accountId)}` } });

describe('translations: the real app', () => {
  let site: LocalHost;
  beforeAll(async () => {
    site = await startSite(APP_ROOT);
  });
  afterAll(() => site?.close());

  it('serves __LOCALES__/i18n-info.json for a Custom UI resource, built from manifest.yml translations', async () => {
    const res = await fetch(`${site.url}/forge/resources/issue-panel/__LOCALES__/i18n-info.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const info = (await res.json()) as { config: unknown; translations: Record<string, Record<string, string>> };
    expect(info.config).toEqual({ locales: ['en-US', 'de-DE'], fallback: { default: 'en-US' } });
    expect(info.translations['modules.issuePanel.title']).toEqual({ 'en-US': 'Service Manager', 'de-DE': 'Service Manager' });
  });

  it('serves each locale file as written in locales/, and 404 for a locale or resource it does not have', async () => {
    const de = await fetch(`${site.url}/forge/resources/issue-panel/__LOCALES__/de-DE.json`);
    expect(de.status).toBe(200);
    expect(await de.json()).toEqual(readJson(join(APP_ROOT, 'locales/de-DE.json')));
    expect((await fetch(`${site.url}/forge/resources/issue-panel/__LOCALES__/fr-FR.json`)).status).toBe(404);
    expect((await fetch(`${site.url}/forge/resources/issue-panel/__LOCALES__/x/en-US.json`)).status).toBe(404);
    expect((await fetch(`${site.url}/forge/resources/nope/__LOCALES__/en-US.json`)).status).toBe(404);
  });
});

describe('translations: a fixture app', () => {
  let forge: LocalForge;
  beforeEach(() => {
    forge = createLocalForge({ appRoot: FIXTURE, db: ':memory:', log: () => {} });
  });
  afterEach(() => forge.close());

  const texts = (locale: string) => forge.invokeResolver({ moduleKey: 'probe-panel', functionKey: 'texts', payload: { locale }, accountId: 'acc-eng' });

  it('gives @forge/api i18n in a function the locale files, with the fallback to the default locale', async () => {
    await expect(texts('de-DE')).resolves.toEqual({ hello: 'Hallo, {name}', onlyEnglish: 'Only in English', missing: 'greeting.missing' });
    await expect(texts('en-US')).resolves.toEqual({ hello: 'Hello, {name}', onlyEnglish: 'Only in English', missing: 'greeting.missing' });
    // Forge's own locale check maps a language (`de`) but not a regional code it lacks (`de-CH`): that reads the
    // default locale, so a function must map a Swiss locale itself, as the UI's forgeLocale does.
    await expect(texts('de')).resolves.toMatchObject({ hello: 'Hallo, {name}' });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(texts('de-CH')).resolves.toMatchObject({ hello: 'Hello, {name}' });
      expect(warn).toHaveBeenCalledWith('The locale "de-CH" is not supported, defaulting to the default locale.');
    } finally {
      warn.mockRestore();
    }
  });

  it('writes the __LOCALES__ folder into the appCodeDir under .data/, one folder per content', async () => {
    const appCodeDir = (f: LocalForge) =>
      f.withInvocation(async () => (globalThis as { __forge_runtime__?: { container: { appCodeDir?: string } } }).__forge_runtime__?.container.appCodeDir);
    const dir = (await appCodeDir(forge)) ?? '';
    expect(dir.startsWith(join(FIXTURE, '.data', 'forge-app-code'))).toBe(true);
    const folder = join(dir, '__LOCALES__');
    expect(readdirSync(folder).sort()).toEqual(['de-DE.json', 'en-US.json', 'i18n-info.json']);
    expect(readJson(join(folder, 'de-DE.json'))).toEqual(readJson(join(FIXTURE, 'locales/de-DE.json')));
    expect(readJson(join(folder, 'i18n-info.json'))).toMatchObject({ config: { locales: ['en-US', 'de-DE'] } });
    // A second runtime of the same app shares the folder; nothing is left half-written beside it.
    const second = createLocalForge({ appRoot: FIXTURE, db: ':memory:', log: () => {} });
    try {
      await expect(appCodeDir(second)).resolves.toBe(dir);
    } finally {
      await second.close();
    }
    expect(readdirSync(join(FIXTURE, '.data', 'forge-app-code')).filter((name) => name.startsWith('staging-'))).toEqual([]);
  });

  it('translates manifest titles with Forge fallback rules: a supported code, its language, the default', () => {
    const title = { i18n: 'modules.panel.title' };
    expect(translateText(forge.translations, title, 'de-CH')).toBe('Testfeld');
    expect(translateText(forge.translations, title, 'de_DE')).toBe('Testfeld');
    expect(translateText(forge.translations, title, 'en-IN')).toBe('Probe panel');
    expect(translateText(forge.translations, title, 'fr-FR')).toBe('Probe panel');
    expect(translateText(forge.translations, title, 'xx')).toBe('Probe panel');
    expect(translateText(forge.translations, { i18n: 'modules.none.title' }, 'de-DE')).toBe('modules.none.title');
    expect(translateText(forge.translations, 'Plain title', 'de-DE')).toBe('Plain title');
  });
});

describe('translations: module titles on the host pages', () => {
  let site: LocalHost;
  beforeAll(async () => {
    site = await startSite(FIXTURE);
  });
  afterAll(() => site?.close());

  it('lists the app pages with titles in the signed-in person’s language', async () => {
    const english = await (await fetch(`${site.url}/apps`, asPerson('acc-admin'))).text();
    expect(english).toContain('<strong>Probe page</strong>');
    expect(english).toContain('<strong>Plain title</strong>');
    const german = await (await fetch(`${site.url}/apps`, asPerson('acc-eng'))).text();
    expect(german).toContain('<strong>Testseite</strong>');
    expect(german).toContain('<strong>Plain title</strong>');
    const page = await (await fetch(`${site.url}/apps/probe-page`, asPerson('acc-eng'))).text();
    expect(page).toContain('<h1>Testseite</h1>');
    expect(page).toContain('<title>Testseite - Jira (local)</title>');
  });

  it('heads the issue-view panel with the translated title; the frame context keeps the raw Jira locale', async () => {
    const german = await (await fetch(`${site.url}/browse/ABC-1`, asPerson('acc-eng'))).text();
    expect(german).toContain('<h2>Testfeld</h2>');
    expect(german).toContain('"locale":"de-CH"');
    const english = await (await fetch(`${site.url}/browse/ABC-1`, asPerson('acc-sm'))).text();
    expect(english).toContain('<h2>Probe panel</h2>');
    expect(english).toContain('"locale":"en-GB"');
  });
});
