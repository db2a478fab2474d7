// The admin page in headless Chromium, as the Jira admin: create a customer, a calendar with holidays imported
// from an iCalendar file, and a contract; reload and see them. As an engineer: an "admins only" message, from
// Jira's settings page and from the app itself when a call is refused. Screenshots in light and dark, English
// and German.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { generateDemo } from '../../local/demo/generate';
import type { DemoPerson } from '../../local/demo/types';
import { startLocalHost, type LocalHost } from '../../local/host';
import { APP_ROOT, assertUiBuilt, launchChromium, pngSize, SCREENSHOT_DIR } from './helpers/host';

const FRAME = 'iframe[data-testid="forge-frame-service-admin-page"]';
const ADMIN_PAGE = '/settings/apps/service-admin-page';

/** A second Jira admin who reads German (de-CH), so one site shows the page in both languages. */
const GERMAN_ADMIN: DemoPerson = {
  accountId: '712020:mia.hofer',
  name: 'Mia Hofer',
  email: 'mia.hofer@demo.example',
  role: 'admin',
  timeZone: 'Europe/Zurich',
  locale: 'de-CH',
  title: 'Jira-Administratorin',
};

const HOLIDAYS_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Service Manager tests//Holidays//DE',
  'BEGIN:VEVENT',
  'UID:einheit-2026@test',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;VALUE=DATE:20261003',
  'DTEND;VALUE=DATE:20261004',
  'SUMMARY:Tag der Deutschen Einheit',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weihnachten-2026@test',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;VALUE=DATE:20261224',
  'DTEND;VALUE=DATE:20261227',
  'SUMMARY:Weihnachten',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

async function startSite(): Promise<LocalHost> {
  assertUiBuilt();
  const demo = generateDemo({ seed: 7, anchor: '2026-03-10T12:00:00Z', issues: 40, worklogs: 120 });
  const jira = {
    ...demo.jira,
    users: [
      ...demo.jira.users,
      {
        accountId: GERMAN_ADMIN.accountId,
        displayName: GERMAN_ADMIN.name,
        emailAddress: GERMAN_ADMIN.email,
        timeZone: GERMAN_ADMIN.timeZone,
        locale: 'de_CH',
        accountType: 'atlassian' as const,
        groups: ['jira-admins', 'service-team'],
        active: true,
      },
    ],
  };
  return startLocalHost({
    port: 0,
    dbFile: ':memory:',
    appRoot: APP_ROOT,
    company: { jira, anchor: demo.meta.anchor, people: [...demo.people, GERMAN_ADMIN], customers: demo.customers },
    schedules: false,
    log: () => {},
  });
}

describe('admin page', () => {
  let host: LocalHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [host, browser] = await Promise.all([startSite(), launchChromium()]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    // A step that cannot happen fails fast with the step's own message, within the test's time.
    page.setDefaultTimeout(10_000);
  });
  afterEach(() => context.close());

  const byRole = (role: DemoPerson['role']): DemoPerson => {
    const person = host.demo.people.find((p) => p.role === role);
    if (!person) throw new Error(`no ${role} in the demo`);
    return person;
  };
  const signIn = (accountId: string, theme: 'light' | 'dark' = 'light') =>
    context.addCookies([
      { name: 'jira_local_user', value: encodeURIComponent(accountId), url: host.url },
      { name: 'jira_local_theme', value: theme, url: host.url },
    ]);
  const openAdminPage = async (): Promise<FrameLocator> => {
    await page.goto(`${host.url}${ADMIN_PAGE}`);
    const app = page.frameLocator(FRAME);
    await app.locator('[data-testid="admin-page"]').waitFor({ timeout: 20_000 });
    return app;
  };
  const shoot = async (name: string): Promise<string> => {
    const file = join(SCREENSHOT_DIR, `admin-${name}.png`);
    await page.waitForSelector(`${FRAME}[data-sized]`);
    // From the top, so the host's sticky top bar sits at the top of the full-page picture.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: file, fullPage: true });
    const png = pngSize(file);
    expect(png.width).toBe(1400);
    expect(png.bytes).toBeGreaterThan(30_000);
    return file;
  };
  /** Picks an option of an Atlaskit select by typing its label, as a keyboard user would. */
  const choose = async (app: FrameLocator, testId: string, label: string): Promise<void> => {
    await app.locator(`[data-testid="${testId}-select--control"]`).click();
    await page.keyboard.type(label);
    await app.locator('[id*="-option-"]', { hasText: label }).first().click();
  };

  it('creates a customer, a calendar with imported holidays and a contract, and keeps them over a reload', async () => {
    await signIn(byRole('admin').accountId);
    let app = await openAdminPage();
    for (const key of ['alpenbank', 'matterhorn', 'hudson', 'liberty', 'lotus', 'saffron']) {
      await expect(app.locator(`[data-testid="customer-row-${key}"]`).count()).resolves.toBe(1);
    }
    await shoot('customers-light-en');

    // A customer.
    await app.locator('[data-testid="customers-create"]').click();
    await app.locator('[data-testid="customer-key"]').fill('nordlicht');
    await app.locator('[data-testid="customer-name"]').fill('Nordlicht Energie GmbH');
    await choose(app, 'customer-tier', 'Silver');
    await choose(app, 'customer-timezone', 'Europe/Berlin');
    await app.locator('[data-testid="customer-contact-add"]').click();
    await app.locator('[data-testid="customer-contact-0-name"]').fill('Jana Vogel');
    await app.locator('[data-testid="customer-contact-0-email"]').fill('jana.vogel@nordlicht.example');
    await app.locator('[data-testid="customer-save"]').click();
    await page.locator('[data-testid="flag"]').first().waitFor();
    await app.locator('[data-testid="customer-row-nordlicht"]').waitFor();

    // A calendar, its holidays imported from an iCalendar file.
    await app.locator('[data-testid="tab-calendars"]').click();
    await app.locator('[data-testid="calendars-create"]').click();
    await app.locator('[data-testid="calendar-name"]').fill('Nordlicht office hours');
    await choose(app, 'calendar-timezone', 'Europe/Berlin');
    const ics = join(SCREENSHOT_DIR, 'holidays-de-2026.ics');
    writeFileSync(ics, HOLIDAYS_ICS);
    await app.locator('[data-testid="calendar-ics-input"]').setInputFiles(ics);
    await expect(app.locator('[data-testid="calendar-ics-result"]').textContent()).resolves.toMatch(/4\b/);
    await shoot('calendar-import-light-en');
    await app.locator('[data-testid="calendar-save"]').click();
    await app.locator('[data-testid="calendars-table"]').waitFor();
    const calendarRow = app.locator('[data-testid^="calendar-row-"]', { hasText: 'Nordlicht office hours' });
    await calendarRow.waitFor();

    // A contract for the new customer on the new calendar.
    await app.locator('[data-testid="tab-contracts"]').click();
    await app.locator('[data-testid="contracts-create"]').click();
    await choose(app, 'contract-customer', 'Nordlicht Energie GmbH');
    await app.locator('[data-testid="contract-name"]').fill('Support 2026');
    await app.locator('[data-testid="contract-valid-from"]').fill('2026-01-01');
    await choose(app, 'contract-calendar', 'Nordlicht office hours');
    await choose(app, 'contract-policy', 'Silver SLA');
    await app.locator('[data-testid="contract-included-hours-per-month"]').fill('20');
    await choose(app, 'contract-currency', 'EUR');
    await app.locator('[data-testid="contract-rate-card-0-valid-from"]').fill('2026-01-01');
    await app.locator('[data-testid="contract-rate-card-0-default-rate"]').fill('140.50');
    await app.locator('[data-testid="contract-save"]').click();
    await app.locator('[data-testid="contracts-table"]').waitFor();
    await app.locator('[data-testid^="contract-row-"]', { hasText: 'Support 2026' }).waitFor();

    // Reload: what the page shows now comes from storage.
    app = await openAdminPage();
    await app.locator('[data-testid="customer-row-nordlicht"]').waitFor();
    await app.locator('[data-testid="tab-contracts"]').click();
    const contractRow = app.locator('[data-testid^="contract-row-"]', { hasText: 'Support 2026' });
    await contractRow.waitFor();
    expect(await contractRow.textContent()).toContain('Nordlicht Energie GmbH');
    await app.locator('[data-testid="tab-calendars"]').click();
    await app.locator('[data-testid^="calendar-open-"]', { hasText: 'Nordlicht office hours' }).click();
    await app.locator('[data-testid="calendar-editor"]').waitFor();
    const dates = await app.locator('[data-testid$="-date"][data-testid^="calendar-holiday-"]').evaluateAll((inputs) =>
      inputs.map((i) => (i as unknown as { value: string }).value),
    );
    expect(dates.sort()).toEqual(['2026-10-03', '2026-12-24', '2026-12-25', '2026-12-26']);

    // The stored records, read through the app's own resolver as the admin.
    const config = (await host.forge.invokeResolver({ moduleKey: 'service-admin-page', functionKey: 'getAdminConfig', accountId: byRole('admin').accountId, payload: {} })) as {
      ok: true;
      data: { contracts: { customerKey: string; rateCards: { defaultRate: number }[]; calendarId: string }[]; calendars: { id: string; name: string; holidays: { date: string; name?: string }[] }[] };
    };
    const contract = config.data.contracts.find((c) => c.customerKey === 'nordlicht');
    expect(contract?.rateCards[0]?.defaultRate).toBe(14_050);
    const calendar = config.data.calendars.find((c) => c.id === contract?.calendarId);
    expect(calendar?.name).toBe('Nordlicht office hours');
    expect(calendar?.holidays.find((h) => h.date === '2026-10-03')?.name).toBe('Tag der Deutschen Einheit');
  }, 90_000);

  it('looks right in dark and in German', async () => {
    await signIn(byRole('admin').accountId, 'dark');
    let app = await openAdminPage();
    expect(await app.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await shoot('customers-dark-en');
    await app.locator('[data-testid="tab-policies"]').click();
    await app.locator('[data-testid="policy-open-platinum-sla"]').click();
    await app.locator('[data-testid="policy-editor"]').waitFor();
    // The simulator: a stricter first-response target on an unsaved draft, next to the saved version's clocks.
    for (let target = 0; target < 5; target++) {
      await app.locator(`[data-testid="policy-metric-0-target-${target}-hours"]`).fill('0');
      await app.locator(`[data-testid="policy-metric-0-target-${target}-minutes"]`).fill('1');
    }
    await app.locator('[data-testid="policy-simulator-issue"]').fill('ALP-1');
    await app.locator('[data-testid="policy-simulate"]').click();
    await app.locator('[data-testid="simulation-table"]').waitFor();
    await expect(app.locator('[data-testid="simulation-row-firstResponse"]').count()).resolves.toBe(1);
    // The draft's one-minute target differs from the saved version's: the page marks the difference.
    await expect(app.locator('[data-differs="true"]').count()).resolves.toBeGreaterThan(0);
    await shoot('policy-dark-en');

    // A German-speaking admin's browser formats dates and numbers the Swiss way too.
    await context.close();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'de-CH' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(GERMAN_ADMIN.accountId, 'light');
    app = await openAdminPage();
    await expect(app.locator('[data-testid="tab-customers"]').textContent()).resolves.toBe('Kunden');
    await expect(app.locator('[data-testid="tab-contracts"]').textContent()).resolves.toBe('Verträge');
    await shoot('customers-light-de');
    await app.locator('[data-testid="tab-contracts"]').click();
    await app.locator('[data-testid="contract-open-alpenbank-msa"]').click();
    await app.locator('[data-testid="contract-editor"]').waitFor();
    await shoot('contract-light-de');

    await signIn(GERMAN_ADMIN.accountId, 'dark');
    app = await openAdminPage();
    expect(await app.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await shoot('customers-dark-de');
  });

  it('shows an engineer that the settings are for admins only, on the page and from the app itself', async () => {
    const engineer = byRole('engineer');
    await signIn(engineer.accountId);
    const response = await page.goto(`${host.url}${ADMIN_PAGE}`);
    expect(response?.status()).toBe(403);
    await expect(page.textContent('[data-testid="no-permission"]')).resolves.toContain('Only Jira administrators');
    await shoot_(page, 'engineer-settings-page');

    // The page was opened by an admin whose rights then went: the app's next call is refused on the server.
    await signIn(byRole('admin').accountId);
    const app = await openAdminPage();
    await app.locator('[data-testid="tab-settings"]').click();
    await app.locator('[data-testid="settings-form"]').waitFor();
    // The recompute of every issue after the demo's configuration was imported, as the admin sees it.
    await expect(app.locator('[data-testid="backfill-status"]').textContent()).resolves.toMatch(/SLA clocks/);
    await shoot('settings-backfill');
    await signIn(engineer.accountId);
    await app.locator('[data-testid="settings-save"]').click();
    const message = app.locator('[data-testid="admin-forbidden"]');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/Only Jira administrators/);
    await shoot('engineer-forbidden');
  });
});

async function shoot_(page: Page, name: string): Promise<void> {
  const file = join(SCREENSHOT_DIR, `admin-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(pngSize(file).bytes).toBeGreaterThan(10_000);
}
