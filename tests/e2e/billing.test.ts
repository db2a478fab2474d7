// Billable hours in headless Chromium on the demo company. The Jira admin picks a month with worklogs and a
// customer, reads the page's figures, and exports CSV and XLSX through the page's buttons: both files add up to
// the page (one customer, and the whole month per currency). A worklog the app cannot read and a long customer
// name show as such; the month is closed through a dialog, a later change in Jira is listed instead of changing
// the invoice, and the admin reopens it (a reason is required); a service manager reads it all in German; an
// engineer outside the billing groups is told who may see billing.
// Screenshots: overview light, customer view dark, a closed month with a later change, German (wide and 900 px).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import type { BillingCustomerMonth, BillingOverview, CustomerMonthSummary } from '../../src/contract/billing';
import type { AdminConfig } from '../../src/contract/config';
import type { ResolverResult } from '../../src/contract/result';
import { ENGLISH_EXPORT_TEXTS } from '../../src/services/billing/export-texts';
import { ADMIN, ENGINEERS, SERVICE_MANAGERS } from '../../local/demo/company';
import type { LocalHost } from '../../local/host';
import { jiraRest } from '../helpers/jira-rest';
import { launchChromium, pngSize, SCREENSHOT_DIR, startTrackedDemo } from './helpers/host';

// Names used only inside locator.evaluate callbacks, which run in the browser (the project compiles without the DOM lib).
declare function getComputedStyle(el: unknown): { lineHeight: string };

// Billable hours are the second page of the app's one global page (the board's), chosen by its tab.
const FRAME = 'iframe[data-testid="forge-frame-service-board"]';
const GLOBAL_PAGE = '/apps/service-board';
const MODULE = 'service-board';
/** The Jira admin (group jira-admins): reads British English, works in Zurich. */
const MORGAN = ADMIN.accountId;
/** Service manager (group service-managers, which this test makes a billing group): reads Swiss German. */
const SOFIA = SERVICE_MANAGERS.sofia.accountId;
/** Engineer: in no billing group. */
const LUKAS = ENGINEERS.lukas.accountId;
/** Wraps to two lines at most in the overview; the whole name is in the title. */
const LONG_NAME = 'Alpenbank AG, Private Banking, Wealth Management and E-Banking Services for Zürich, Genève, Lugano and Vaduz';
/** A worklog restricted to jira-admins, which the app is not in: Jira counts it, the app cannot read it. */
const RESTRICTED_SECONDS = 5400;

/** The month before the current one in a zone, as the page picks it by default. */
function previousMonth(timeZone: string, now = Date.now()): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date(now)).split('-').map(Number) as [number, number];
  const index = year * 12 + month - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function addMonths(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + mon - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** RFC 4180: fields split by commas, records by CRLF; quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Sums kept exactly: seconds and minor units. */
interface Sums {
  raw: number;
  billable: number;
  minor: number;
  lines: number;
}
const noSums = (): Sums => ({ raw: 0, billable: 0, minor: 0, lines: 0 });
/** An hours value of an export (a decimal with up to 4 places, or a float) back to whole seconds. */
const seconds = (hours: number): number => Math.round(hours * 3600);
/** Major units (2 decimals for every demo currency) back to minor units. */
const minor = (amount: number): number => Math.round(amount * 100);

/** The page's texts for a sum, as the page writes them in the viewer's locale. */
function shown(locale: string, sums: Sums, currency: string | null): { hours: string; billable: string; amount: string | null } {
  const hours = (s: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(s / 3600);
  return {
    hours: hours(sums.raw),
    billable: hours(sums.billable),
    amount: currency ? new Intl.NumberFormat(locale, { style: 'currency', currency }).format(sums.minor / 100) : null,
  };
}

/** The CSV's lines added up per currency ('' for lines without one). */
function csvSums(bytes: Buffer): Map<string, Sums> {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('the CSV has no header');
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`the CSV has no column '${name}': ${header.join(', ')}`);
    return index;
  };
  const [raw, billable, amount, currency] = [ENGLISH_EXPORT_TEXTS.rawHours, ENGLISH_EXPORT_TEXTS.billableHours, ENGLISH_EXPORT_TEXTS.amount, ENGLISH_EXPORT_TEXTS.currency].map(column) as [number, number, number, number];
  const out = new Map<string, Sums>();
  for (const row of rows) {
    expect(row.length).toBe(header.length);
    const key = row[currency] ?? '';
    const sums = out.get(key) ?? noSums();
    sums.raw += seconds(Number(row[raw]));
    sums.billable += seconds(Number(row[billable]));
    sums.minor += row[amount] ? minor(Number(row[amount])) : 0;
    sums.lines += 1;
    out.set(key, sums);
  }
  return out;
}

const numberOf = (value: ExcelJS.CellValue): number => {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'result' in value && typeof value.result === 'number') return value.result;
  return Number.NaN;
};

/** The XLSX's Details sheet: its lines added up, and the totals row's own results. */
async function xlsxSums(bytes: Buffer): Promise<{ lines: Sums; totals: Sums }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([ENGLISH_EXPORT_TEXTS.sheetSummary, ENGLISH_EXPORT_TEXTS.sheetDetails, ENGLISH_EXPORT_TEXTS.sheetRates]);
  const sheet = workbook.getWorksheet(ENGLISH_EXPORT_TEXTS.sheetDetails);
  if (!sheet) throw new Error('no Details sheet');
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 1) throw new Error(`the Details sheet has no column '${name}': ${header.join(', ')}`);
    return index;
  };
  const [raw, billable, amount, worklog] = [ENGLISH_EXPORT_TEXTS.rawHours, ENGLISH_EXPORT_TEXTS.billableHours, ENGLISH_EXPORT_TEXTS.amount, ENGLISH_EXPORT_TEXTS.worklogId].map(column) as [number, number, number, number];
  const lines = noSums();
  const totals = noSums();
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    const isTotal = values.some((v) => v === ENGLISH_EXPORT_TEXTS.total);
    const target = isTotal ? totals : lines;
    target.raw += seconds(numberOf(row.getCell(raw).value));
    target.billable += seconds(numberOf(row.getCell(billable).value));
    const money = numberOf(row.getCell(amount).value);
    target.minor += Number.isNaN(money) ? 0 : minor(money);
    if (!isTotal) expect(String(row.getCell(worklog).value ?? '')).not.toBe('');
    target.lines += 1;
  });
  return { lines, totals };
}

describe('billable hours page', () => {
  let host: LocalHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** The month the test reads (one with demo worklogs), how far before the default month it is, and its customer. */
  let month: string;
  let monthsBack: number;
  let customer: CustomerMonthSummary;
  let restrictedIssue: string;

  const invoke = async <T>(accountId: string, functionKey: string, payload: unknown, moduleKey = MODULE): Promise<T> => {
    const answer = (await host.forge.invokeResolver({ moduleKey, functionKey, accountId, payload })) as ResolverResult<T>;
    if (!answer.ok) throw new Error(`${functionKey}: ${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  };
  const overviewOf = (m: string) => invoke<BillingOverview>(MORGAN, 'billingOverview', { month: m });

  beforeAll(async () => {
    [host, browser] = await Promise.all([startTrackedDemo(), launchChromium()]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await host.forge.runScheduledTrigger('billing-sync');
    await host.forge.idle();

    // The default month (the previous one where Morgan is), or the latest before it with worklogs.
    const fallback = previousMonth(ADMIN.timeZone);
    for (monthsBack = 0; monthsBack < 6; monthsBack++) {
      month = addMonths(fallback, -monthsBack);
      if ((await overviewOf(month)).customers.some((c) => c.lineCount > 0 && c.currency === 'CHF')) break;
    }
    const view = await overviewOf(month);
    const chosen = view.customers.filter((c) => c.currency === 'CHF' && c.lineCount > 0).sort((a, b) => b.lineCount - a.lineCount)[0];
    if (!chosen) throw new Error(`no CHF customer with worklogs in ${month}`);

    // The customer gets a long name; billing is opened to the service managers (Sofia reads German).
    const config = await invoke<AdminConfig>(MORGAN, 'getAdminConfig', {}, 'service-admin-page');
    const record = config.customers.find((c) => c.key === chosen.customerKey);
    if (!record) throw new Error(`no customer ${chosen.customerKey}`);
    const { meta, ...fields } = record;
    await invoke(MORGAN, 'saveCustomer', { customer: { ...fields, name: LONG_NAME }, expectedRevision: meta.revision }, 'service-admin-page');
    const { meta: settingsMeta, ...settings } = config.settings;
    await invoke(MORGAN, 'saveSettings', { settings: { ...settings, billingGroups: ['service-managers'] }, expectedRevision: settingsMeta.revision }, 'service-admin-page');

    // A worklog on one of the customer's issues that only jira-admins may see (the app cannot read it).
    const detail = await invoke<BillingCustomerMonth>(MORGAN, 'billingCustomerMonth', { month, customerKey: chosen.customerKey });
    restrictedIssue = detail.issues[0]?.issueKey ?? '';
    if (!restrictedIssue) throw new Error('the customer has no issues with worklogs');
    await jiraRest(host, MORGAN, 'POST', `/rest/api/3/issue/${restrictedIssue}/worklog`, {
      started: `${month}-14T10:00:00.000+0000`,
      timeSpentSeconds: RESTRICTED_SECONDS,
      comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Board meeting preparation' }] }] },
      visibility: { type: 'group', value: 'jira-admins' },
    });
    await host.forge.idle();
    await host.forge.runScheduledTrigger('billing-sync');
    await host.forge.idle();
    customer = (await overviewOf(month)).customers.find((c) => c.customerKey === chosen.customerKey) as CustomerMonthSummary;
    expect(customer.customerName).toBe(LONG_NAME);
    expect(customer.notVisibleSeconds).toBeGreaterThanOrEqual(RESTRICTED_SECONDS);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterEach(() => context.close());

  const signIn = (accountId: string, theme: 'light' | 'dark' = 'light') =>
    context.addCookies([
      { name: 'jira_local_user', value: encodeURIComponent(accountId), url: host.url },
      { name: 'jira_local_theme', value: theme, url: host.url },
    ]);
  const ready = (app: FrameLocator) => app.locator('[data-testid="billing"][data-state="ready"]').waitFor({ timeout: 30_000 });
  const openPage = async (): Promise<FrameLocator> => {
    // The global page's second page, from the list of its pages as Jira shows it beside the page.
    await page.goto(`${host.url}${GLOBAL_PAGE}`);
    await page.click('[data-testid="app-page-billing"]');
    await expect(page.getAttribute('[data-testid="app-page-billing"]', 'aria-current')).resolves.toBe('page');
    const app = page.frameLocator(FRAME);
    await app.locator('[data-testid="billing"]:not([data-state="loading"])').waitFor({ timeout: 30_000 });
    return app;
  };
  const shoot = async (name: string): Promise<void> => {
    await page.waitForSelector(`${FRAME}[data-sized]`);
    await page.waitForTimeout(200);
    await page.evaluate('window.scrollTo(0, 0)');
    const file = join(SCREENSHOT_DIR, `billing-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const png = pngSize(file);
    expect(png.width).toBe(page.viewportSize()?.width);
    expect(png.bytes).toBeGreaterThan(30_000);
  };
  const text = async (locator: Locator): Promise<string> => ((await locator.textContent()) ?? '').trim();
  /** Goes from the default month to the test's month with the picker's buttons (back and forth when it is the default). */
  const pickMonth = async (app: FrameLocator): Promise<void> => {
    const root = app.locator('[data-testid="billing"]');
    expect(await root.getAttribute('data-month')).toBe(previousMonth(ADMIN.timeZone));
    if (monthsBack === 0) {
      await app.locator('[data-testid="billing-month-prev"]').click();
      await expect(root.getAttribute('data-month')).resolves.toBe(addMonths(month, -1));
      await app.locator('[data-testid="billing-month-next"]').click();
    }
    for (let i = 0; i < monthsBack; i++) await app.locator('[data-testid="billing-month-prev"]').click();
    await app.locator(`[data-testid="billing"][data-month="${month}"][data-state="ready"]`).waitFor();
  };
  const pickCustomer = async (app: FrameLocator): Promise<void> => {
    await app.locator('#billing-customer').fill('Wealth Management');
    await app.getByRole('option', { name: LONG_NAME }).click();
    await app.locator(`[data-testid="billing-customer"][data-customer="${customer.customerKey}"]`).waitFor();
    await ready(app);
  };
  /** Exports through the page's button and returns the file the browser saved. */
  const download = async (app: FrameLocator, format: 'csv' | 'xlsx'): Promise<{ name: string; bytes: Buffer }> => {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), app.locator(`[data-testid="billing-export-${format}"]`).first().click()]);
    const path = await file.path();
    if (!path) throw new Error(`the ${format} download was not saved`);
    await app.locator('[data-testid="billing-export"][data-state="done"]').first().waitFor();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  };

  it('shows the month per customer, with totals per currency that the CSV export adds up to', async () => {
    await signIn(MORGAN);
    const app = await openPage();
    await ready(app);
    await pickMonth(app);
    // Worklogs are read in the background: the page says how far.
    expect(await text(app.locator('[data-testid="billing-sync"]'))).toMatch(/^Worklogs up to /);

    // The long name: two lines at most, the whole name in its title.
    const row = app.locator(`[data-testid="billing-row-${customer.customerKey}"]`);
    const name = row.locator(`[data-testid="billing-row-${customer.customerKey}-name"]`);
    expect(await name.getAttribute('title')).toBe(LONG_NAME);
    const lines = await name.evaluate((el) => (el as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
    expect(lines).toBeLessThanOrEqual(2.05);
    expect(await text(row.locator(`[data-testid="billing-row-${customer.customerKey}-hours"]`))).toBe(shown('en-GB', { ...noSums(), raw: customer.rawSeconds }, null).hours);
    // The restricted worklog: a warning above the table and in the customer's row.
    await app.locator('[data-testid="billing-not-visible-notice"]').waitFor();
    expect(await row.locator(`[data-testid="billing-row-${customer.customerKey}-not-visible"] span`).count()).toBe(1);
    await shoot('overview-light-en');

    const { name: fileName, bytes } = await download(app, 'csv');
    expect(fileName).toBe(`billable-hours-${month}-all.csv`);
    const sums = csvSums(bytes);
    // Every total row of the page (one per currency, and one for hours without a rate) against the file.
    const totalRows = await app.locator('tfoot tr[data-testid^="billing-total-"]:not([data-testid="billing-total-all"])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid') ?? ''));
    expect(totalRows.length).toBeGreaterThan(0);
    const currencies = totalRows.map((id) => id.replace('billing-total-', '')).map((c) => (c === 'none' ? '' : c));
    expect([...sums.keys()].filter((c) => !currencies.includes(c))).toEqual([]);
    for (const currency of currencies) {
      const id = `billing-total-${currency || 'none'}`;
      const onPage = {
        hours: await text(app.locator(`[data-testid="${id}-hours"]`)),
        billable: await text(app.locator(`[data-testid="${id}-billable"]`)),
        amount: currency ? await text(app.locator(`[data-testid="${id}-amount"]`)) : null,
      };
      expect({ currency, ...onPage }).toEqual({ currency, ...shown('en-GB', sums.get(currency) ?? noSums(), currency || null) });
    }
  });

  it("shows a customer's month, and its CSV and XLSX exports add up to the page's figures", async () => {
    await signIn(MORGAN);
    const app = await openPage();
    await ready(app);
    await pickMonth(app);
    await pickCustomer(app);
    expect(await text(app.locator('[data-testid="billing-customer-name"]'))).toBe(LONG_NAME);

    const figure = (id: string) => text(app.locator(`[data-testid="billing-figure-${id}-value"]`));
    const onPage = { hours: await figure('hours'), billable: await figure('billable'), amount: await figure('amount') };
    const unit = (sums: Sums) => {
      const s = shown('en-GB', sums, 'CHF');
      return { hours: `${s.hours} h`, billable: `${s.billable} h`, amount: s.amount };
    };
    expect(onPage).toEqual(unit({ raw: customer.rawSeconds, billable: customer.billableSeconds, minor: customer.amount, lines: 0 }));
    // What the app cannot read is listed with the explanation.
    expect(await figure('not-visible')).toBe(`${shown('en-GB', { ...noSums(), raw: customer.notVisibleSeconds }, null).hours} h`);
    await app.locator(`[data-testid="billing-not-visible-${restrictedIssue}"]`).waitFor();

    const csv = await download(app, 'csv');
    expect(csv.name).toBe(`billable-hours-${month}-${customer.customerKey}.csv`);
    const csvTotals = csvSums(csv.bytes);
    expect([...csvTotals.keys()]).toEqual(['CHF']);
    const fromCsv = csvTotals.get('CHF') as Sums;
    expect(fromCsv.lines).toBe(customer.lineCount);
    expect(unit(fromCsv)).toEqual(onPage);

    const xlsx = await download(app, 'xlsx');
    expect(xlsx.name).toBe(`billable-hours-${month}-${customer.customerKey}.xlsx`);
    expect([...xlsx.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const fromXlsx = await xlsxSums(xlsx.bytes);
    expect(fromXlsx.lines.lines).toBe(customer.lineCount);
    expect(unit(fromXlsx.lines)).toEqual(onPage);
    expect(unit(fromXlsx.totals)).toEqual(onPage);

    // The drill-down (the invoiced worklogs; excluded ones are listed apart) adds up to the billable figures.
    expect(`${await text(app.locator('[data-testid="billing-drill-total-billable"]'))} h`).toBe(onPage.billable);
    expect(await text(app.locator('[data-testid="billing-drill-total-amount"]'))).toBe(onPage.amount);
    const issueBillable = await app
      .locator('[data-testid^="billing-issue-"][data-testid$="-billable"]')
      .evaluateAll((cells) => cells.map((c) => Number((c.textContent ?? '').replace(/,/g, ''))));
    expect(issueBillable.reduce((a, b) => a + b, 0)).toBeCloseTo(customer.billableSeconds / 3600, 1);
    const firstToggle = app.locator('[data-testid^="billing-issue-"][data-testid$="-toggle"]').first();
    expect(await firstToggle.getAttribute('aria-expanded')).toBe('false');
    await firstToggle.click();
    expect(await firstToggle.getAttribute('aria-expanded')).toBe('true');
    const personToggle = app.locator('[data-testid*="-person-"][data-testid$="-toggle"]').first();
    await personToggle.click();
    expect(await app.locator('[data-testid*="-person-"][data-testid*="-day-"][data-testid$="-hours"]').count()).toBeGreaterThan(0);

    // The budget burn is an image with a title and a description, and a hidden table of its figures.
    const chart = app.locator('[data-testid="billing-burn-chart-svg"]');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('title').textContent()).toBe('Billable hours through the month');
    expect(await chart.locator('desc').textContent()).toContain(`${shown('en-GB', { ...noSums(), raw: customer.billableSeconds }, null).hours} billable hours`);
    expect(await app.locator('[data-testid="billing-burn-chart"] table tbody tr').count()).toBeGreaterThan(0);
  });

  it("shows a customer's month in the dark theme, and a link to it opens it again", async () => {
    await signIn(MORGAN, 'dark');
    const app = await openPage();
    await ready(app);
    await pickMonth(app);
    await pickCustomer(app);
    // The page keeps its place in Jira's URL (the global page's route, then month and customer): a link opens it there.
    const link = new URL(page.url());
    expect(link.pathname).toBe(`${GLOBAL_PAGE}/billing`);
    expect(Object.fromEntries(link.searchParams)).toEqual({ month, customer: customer.customerKey });
    await page.goto('about:blank');
    await page.goto(link.toString());
    await page.frameLocator(FRAME).locator(`[data-testid="billing"][data-month="${month}"][data-customer="${customer.customerKey}"][data-state="ready"]`).waitFor({ timeout: 30_000 });
    await app.locator('[data-testid^="billing-issue-"][data-testid$="-toggle"]').first().click();
    expect(await app.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await shoot('customer-dark-en');
  });

  it('closes the month through a dialog, and the Jira admin reopens it with a reason', async () => {
    await signIn(MORGAN);
    const app = await openPage();
    await ready(app);
    await pickMonth(app);
    await pickCustomer(app);
    const dialog = page.frameLocator('[data-testid="forge-modal"] iframe');

    await app.locator('[data-testid="billing-close"]').click();
    await dialog.locator('[data-testid="billing-closure-dialog"][data-action="close"]').waitFor();
    expect(await text(dialog.locator('[data-testid="billing-closure-dialog"]'))).toContain("The month's lines become the invoice; later changes are listed instead.");
    await dialog.locator('[data-testid="billing-closure-confirm"]').click();
    await app.locator('[data-testid="billing-customer"][data-closed="true"]').waitFor();
    await ready(app);
    expect(await text(app.locator('[data-testid="billing-customer-status"]'))).toBe('Closed');
    await app.locator('[data-testid="billing-history-closed"]').waitFor();

    // A worklog changed in Jira after closing: the invoice keeps its figures, the change is listed.
    const hoursBefore = await text(app.locator('[data-testid="billing-figure-hours-value"]'));
    const list = (await jiraRest(host, MORGAN, 'GET', `/rest/api/3/issue/${restrictedIssue}/worklog`)) as { worklogs: { id: string; started: string; timeSpentSeconds: number; visibility?: unknown }[] };
    const changed = list.worklogs.find((w) => w.started.startsWith(month) && !w.visibility);
    if (!changed) throw new Error(`no worklog of ${restrictedIssue} in ${month}`);
    await jiraRest(host, MORGAN, 'PUT', `/rest/api/3/issue/${restrictedIssue}/worklog/${changed.id}`, { timeSpentSeconds: changed.timeSpentSeconds + 3600 });
    await host.forge.idle();
    await app.locator('[data-testid="billing-refresh"]').click();
    const changedRow = app.locator(`[data-testid="billing-changed-${changed.id}"]`);
    await changedRow.waitFor();
    await ready(app);
    expect(await text(changedRow)).toBe(
      `${restrictedIssue}Changed${shown('en-GB', { ...noSums(), raw: changed.timeSpentSeconds }, null).hours}${shown('en-GB', { ...noSums(), raw: changed.timeSpentSeconds + 3600 }, null).hours}`,
    );
    expect(await text(app.locator('[data-testid="billing-figure-hours-value"]'))).toBe(hoursBefore);
    expect(await text(app.locator('[data-testid="billing-figure-changed-value"]'))).toBe('1');
    await shoot('customer-closed-light-en');

    await app.locator('[data-testid="billing-reopen"]').click();
    await dialog.locator('[data-testid="billing-closure-dialog"][data-action="reopen"]').waitFor();
    // The reason is required: the dialog says so and stays open.
    await dialog.locator('[data-testid="billing-closure-confirm"]').click();
    expect(await text(dialog.locator('[data-testid="billing-reopen-reason-error"]'))).toBe('Say why the month is reopened.');
    await dialog.locator('#billing-reopen-reason').fill('Credit note: two tickets were logged on the wrong customer');
    await dialog.locator('[data-testid="billing-closure-confirm"]').click();
    await app.locator('[data-testid="billing-customer"][data-closed="false"]').waitFor();
    await ready(app);
    expect(await text(app.locator('[data-testid="billing-history-reopened"]'))).toContain('Credit note: two tickets were logged on the wrong customer');
    // Reopened, the figures follow Jira again (the changed worklog counts), and nothing is listed as changed.
    expect(await text(app.locator('[data-testid="billing-figure-hours-value"]'))).not.toBe(hoursBefore);
    expect(await app.locator('[data-testid="billing-changed"]').count()).toBe(0);
    expect(await page.locator('[data-testid="forge-modal"]').count()).toBe(0);
  });

  it('reads in German for a service manager of a billing group, at full width and at 900 px', async () => {
    await signIn(SOFIA);
    const app = await openPage();
    await ready(app);
    await pickMonth(app);
    expect(await text(app.locator('[data-testid="billing-overview-title"]'))).toMatch(/^Abrechenbare Stunden im /);
    expect(await text(app.locator('[data-testid="billing-export-csv"]'))).toBe('CSV exportieren');
    await shoot('overview-light-de');
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.waitForTimeout(300);
    await shoot('overview-900-de');
    await page.setViewportSize({ width: 1400, height: 1000 });
    await pickCustomer(app);
    expect(await text(app.locator('[data-testid="billing-figure-hours-value"]'))).toMatch(/ Std\.$/);
    // A service manager may close, not reopen: the close button is there, the text says who reopens.
    await app.locator('[data-testid="billing-close"]').waitFor();
    await shoot('customer-light-de');
  });

  it('tells someone outside the billing groups who may see billing', async () => {
    await signIn(LUKAS);
    const app = await openPage();
    await app.locator('[data-testid="billing"][data-state="forbidden"]').waitFor();
    expect(await text(app.locator('[data-testid="billing-forbidden"]'))).toContain(
      'Nur Jira-Administratoren und die auf der Einstellungsseite festgelegten Abrechnungsgruppen dürfen die Abrechnung sehen.',
    );
  });
});
