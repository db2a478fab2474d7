// The host page's issue view in headless Chromium: the app's panel renders inside it, actions go through the
// REST API (so the app's trigger runs), and permissions show when switching to a customer.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { DemoPerson } from '../../local/demo/types';
import { APP_ROOT, jiraGet, launchChromium, pngSize, SCREENSHOT_DIR, startTestHost, type TestHost } from './helpers/host';

type SearchAnswer = { issues: { key: string; fields: { summary: string; status: { name: string }; project: { key: string } } }[] };
type CommentsAnswer = { comments: { jsdPublic?: boolean; body: unknown }[] };

// Names used only inside page.evaluate callbacks, which run in the browser (the project compiles without the DOM lib).
declare const window: unknown;
declare const document: { body: { scrollHeight: number }; querySelector(selector: string): { textContent: string | null } | null };
type SelectLike = { value: string; options: ArrayLike<{ value: string; text: string }> };

const PANEL_FRAME = 'iframe[data-testid="forge-frame-service-issue-panel"]';

describe('host page: issue view', () => {
  let t: TestHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let issue: SearchAnswer['issues'][number];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestHost(), launchChromium()]);
    const found = await jiraGet<SearchAnswer>(t.host, `/rest/api/3/search/jql?jql=${encodeURIComponent('resolution = Unresolved ORDER BY key ASC')}&fields=summary,status,project&maxResults=1`);
    const first = found.body.issues[0];
    if (!first) throw new Error('the demo company has no open issue');
    issue = first;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.host.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const panelFrame = async (): Promise<Frame> => {
    const handle = await page.waitForSelector(PANEL_FRAME);
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('the panel iframe has no frame');
    return frame;
  };

  it('renders the issue with the app panel inside its iframe, showing key, status and summary', async () => {
    const response = await page.goto(`${t.url}/browse/${issue.key}`);
    expect(response?.status()).toBe(200);
    await expect(page.textContent('[data-testid="issue-summary"]')).resolves.toBe(issue.fields.summary);
    await expect(page.textContent('[data-testid="issue-status"]')).resolves.toBe(issue.fields.status.name);

    const panel = page.frameLocator(PANEL_FRAME);
    const ready = panel.locator('[data-testid="panel-ready"]');
    await ready.waitFor({ timeout: 20_000 });
    const text = (await ready.textContent()) ?? '';
    expect(text).toContain(issue.key);
    expect(text).toContain(issue.fields.summary);
    await expect(panel.locator('[data-testid="panel-status"]').textContent()).resolves.toBe(issue.fields.status.name);

    // The shim reported the content height and the host sized the iframe to it.
    const frame = page.locator(PANEL_FRAME);
    await page.waitForSelector(`${PANEL_FRAME}[data-sized]`);
    const frameHeight = (await frame.boundingBox())?.height ?? 0;
    const contentHeight = await (await panelFrame()).evaluate(() => document.body.scrollHeight);
    expect(Math.abs(frameHeight - contentHeight)).toBeLessThanOrEqual(24);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, 'issue-view.png');
    await page.screenshot({ path: file, fullPage: true });
    const png = pngSize(file);
    expect(png.width).toBe(1400);
    expect(png.height).toBeGreaterThanOrEqual(1000);
    expect(png.bytes).toBeGreaterThan(30_000);
  });

  it('adds an internal comment and moves the issue through the REST API; the trigger runs and the panel shows it', async () => {
    await page.goto(`${t.url}/browse/${issue.key}`);
    const frame = await panelFrame();
    await page.frameLocator(PANEL_FRAME).locator('[data-testid="panel-ready"]').waitFor({ timeout: 20_000 });
    // An app listening for Jira's issue-view event, as a panel would to refresh itself.
    await frame.evaluate(async () => {
      const w = window as unknown as { __seen: unknown[]; __bridge: { callBridge(name: string, payload: unknown): Promise<unknown> } };
      w.__seen = [];
      await w.__bridge.callBridge('on', { event: 'JIRA_ISSUE_CHANGED', callback: (p: unknown) => w.__seen.push(p) });
    });

    const note = `Checked the logs at ${Date.now()}`;
    await page.fill('#comment-body', note);
    await page.check('[data-testid="comment-internal"]');
    await page.click('[data-testid="comment-form"] button[type="submit"]');
    const item = page.locator('[data-testid="comment"]', { hasText: note });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Internal');
    const stored = await jiraGet<CommentsAnswer>(t.host, `/rest/api/3/issue/${issue.key}/comment`);
    expect(stored.body.comments.some((c) => JSON.stringify(c.body).includes(note) && c.jsdPublic === false)).toBe(true);

    const before = await page.textContent('[data-testid="issue-status"]');
    const option = await page.$eval('[data-testid="transition-select"]', (el) => {
      const o = Array.from((el as unknown as SelectLike).options).find((x) => x.value !== '');
      return o ? o.value : '';
    });
    expect(option).not.toBe('');
    await page.selectOption('[data-testid="transition-select"]', option);
    await page.waitForFunction((old) => document.querySelector('[data-testid="issue-status"]')?.textContent !== old, before);
    const after = await jiraGet<{ fields: { status: { name: string } } }>(t.host, `/rest/api/3/issue/${issue.key}?fields=status`);
    const newStatus = after.body.fields.status.name;
    await expect(page.textContent('[data-testid="issue-status"]')).resolves.toBe(newStatus);
    await expect(page.textContent('[data-testid="field-status"]')).resolves.toBe(newStatus);

    // The host told the frames: one commented, one updated change.
    const seen = await frame.evaluate(() => (window as unknown as { __seen: { changes: { changeType: string }[] }[] }).__seen);
    expect(seen.map((e) => e.changes[0]?.changeType)).toEqual(['commented', 'updated']);

    // The product events ran the app's trigger: the issue's SLA property is published; the reloaded panel shows the new status.
    await t.host.forge.idle();
    const property = await jiraGet<{ value: { v: number } }>(t.host, `/rest/api/3/issue/${issue.key}/properties/serviceSla`);
    expect(property).toMatchObject({ status: 200, body: { value: { v: 1 } } });
    await Promise.all([frame.waitForNavigation(), page.click('[data-reload-frame]')]);
    const panel = page.frameLocator(PANEL_FRAME);
    await panel.locator('[data-testid="sla"]').waitFor({ timeout: 20_000 });
    await expect(panel.locator('[data-testid="panel-status"]').textContent()).resolves.toBe(newStatus);
  });

  it('logs work with a Jira duration and changes the priority', async () => {
    await page.goto(`${t.url}/browse/${issue.key}`);
    const rowsBefore = await page.locator('[data-testid="worklog"]').count();
    await page.fill('[data-testid="worklog-time"]', '1h 30m');
    await page.fill('#worklogs input[name="comment"]', 'Reviewed the alerting rules');
    await page.click('[data-testid="worklog-form"] button[type="submit"]');
    await page.locator('[data-testid="worklog"]', { hasText: 'Reviewed the alerting rules' }).waitFor();
    expect(await page.locator('[data-testid="worklog"]').count()).toBe(rowsBefore + 1);
    await expect(page.locator('[data-testid="worklog"]', { hasText: 'Reviewed the alerting rules' }).textContent()).resolves.toContain('1h 30m');

    const other = await page.$eval('[data-testid="priority-select"]', (el) => {
      const select = el as unknown as SelectLike;
      return Array.from(select.options).find((o) => o.value !== select.value && o.value !== '')?.text ?? '';
    });
    await page.selectOption('[data-testid="priority-select"]', { label: other });
    await page.locator('[data-testid="field-priority"]', { hasText: other }).waitFor();
    const stored = await jiraGet<{ fields: { priority: { name: string } } }>(t.host, `/rest/api/3/issue/${issue.key}?fields=priority`);
    expect(stored.body.fields.priority.name).toBe(other);
    // The panel listens for the issue view's JIRA_ISSUE_CHANGED and shows the new priority without a reload.
    await page.frameLocator(PANEL_FRAME).locator('[data-testid="panel-priority"]', { hasText: other }).waitFor({ timeout: 20_000 });
  });

  it('shows a de-CH user the panel in German and an en-IN user in English, with the panel title translated', async () => {
    const person = (email: string): DemoPerson => {
      const found = t.host.demo.people.find((p: DemoPerson) => p.email === email);
      if (!found) throw new Error(`no demo person ${email}`);
      return found;
    };
    const titles = (locale: string): string =>
      (JSON.parse(readFileSync(join(APP_ROOT, 'locales', `${locale}.json`), 'utf8')) as { modules: { issuePanel: { title: string } } }).modules.issuePanel.title;
    const panel = page.frameLocator(PANEL_FRAME);
    const header = '[data-testid="app-panel-service-issue-panel"] h2';
    const signIn = (p: DemoPerson) => context.addCookies([{ name: 'jira_local_user', value: encodeURIComponent(p.accountId), url: t.url }]);

    const lukas = person('lukas.meier@demo.example');
    expect(lukas.locale).toBe('de-CH');
    await signIn(lukas);
    await page.goto(`${t.url}/browse/${issue.key}`);
    await panel.locator('[data-testid="panel-ready"]').waitFor({ timeout: 20_000 });
    await expect(panel.locator('[data-testid="panel-priority"]').textContent()).resolves.toMatch(/^Priorität/);
    await expect(panel.locator('[data-testid="panel-assignee"]').textContent()).resolves.toMatch(/^Bearbeiter/);
    // Dates keep the person's own locale: Swiss German writes 10.03.2026.
    await expect(panel.locator('[data-testid="panel-updated"]').textContent()).resolves.toMatch(/^Aktualisiert\d{2}\.\d{2}\.\d{4}/);
    await expect(panel.locator('[data-testid="sla-hours"]').textContent()).resolves.toMatch(/auf diesem Vorgang/);
    await expect(page.textContent(header)).resolves.toBe(titles('de-DE'));
    await expect(page.getAttribute(PANEL_FRAME, 'title')).resolves.toBe(titles('de-DE'));

    const arjun = person('arjun.mehta@demo.example');
    expect(arjun.locale).toBe('en-IN');
    await signIn(arjun);
    await page.goto(`${t.url}/browse/${issue.key}`);
    await panel.locator('[data-testid="panel-ready"]').waitFor({ timeout: 20_000 });
    await expect(panel.locator('[data-testid="panel-priority"]').textContent()).resolves.toMatch(/^Priority/);
    await expect(panel.locator('[data-testid="panel-assignee"]').textContent()).resolves.toMatch(/^Assignee/);
    await expect(page.textContent(header)).resolves.toBe(titles('en-US'));
  });

  it("shows a customer of another project the not-found page, and the customer's own issues", async () => {
    const otherCustomer = t.host.demo.customers.find((c) => !c.projectKeys.includes(issue.fields.project.key));
    const customer = t.host.demo.people.find((p: DemoPerson) => p.role === 'customer' && p.customerKey === otherCustomer?.key);
    if (!otherCustomer || !customer) throw new Error('the demo company has no customer outside the issue project');

    await page.goto(`${t.url}/projects`);
    await page.selectOption('[data-testid="switch-user"]', customer.accountId);
    await page.locator('[data-testid="current-user"]', { hasText: customer.name }).waitFor();
    await expect(page.textContent('[data-testid="current-role"]')).resolves.toBe('Customer');
    const projects = await page.locator('[data-testid="project-row"] td:nth-child(2)').allTextContents();
    expect(projects.sort()).toEqual([...otherCustomer.projectKeys].sort());

    const response = await page.goto(`${t.url}/browse/${issue.key}`);
    expect(response?.status()).toBe(404);
    await expect(page.textContent('[data-testid="issue-not-found"]')).resolves.toContain(issue.key);
    expect(await page.locator(PANEL_FRAME).count()).toBe(0);

    // The same person sees an issue of their own project (with the panel), so the 404 is about permission.
    const own = await jiraGet<SearchAnswer>(t.host, `/rest/api/3/search/jql?jql=${encodeURIComponent(`project = ${otherCustomer.projectKeys[0]} ORDER BY key ASC`)}&fields=summary&maxResults=1`, { kind: 'user', accountId: customer.accountId });
    const ownKey = own.body.issues[0]?.key;
    expect(ownKey).toBeDefined();
    await page.goto(`${t.url}/browse/${ownKey}`);
    await page.frameLocator(PANEL_FRAME).locator('[data-testid="panel-ready"]').waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-testid="comment-internal"]').count()).resolves.toBe(0);
  });
});
