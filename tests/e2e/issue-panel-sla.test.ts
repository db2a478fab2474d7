// The issue panel's SLA clocks in headless Chromium on the demo company: a breached, a paused and a running
// ticket, screenshots of each, and a countdown that moves without a reload.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host';
import { jiraRest } from '../helpers/jira-rest';
import { launchChromium, pngSize, SCREENSHOT_DIR, startTrackedDemo } from './helpers/host';

const PANEL = 'iframe[data-testid="forge-frame-service-issue-panel"]';
const AGENT = '712020:lukas.meier';
const ADMIN = '712020:morgan.keller';

describe('issue panel: SLA clocks', () => {
  let host: LocalHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // The board and the panel read the SLA state the backfill wrote for the seeded history.
    [host, browser] = await Promise.all([startTrackedDemo(), launchChromium()]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });
    await context.addCookies([{ name: 'jira_local_user', value: encodeURIComponent(ADMIN), url: host.url }]);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterEach(() => context.close());

  const rest = (accountId: string, method: string, path: string, body?: unknown) => jiraRest(host, accountId, method, path, body);
  const firstKey = async (jql: string): Promise<string> => {
    const found = await rest(ADMIN, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&maxResults=1&fields=key`);
    const key = (found.issues as { key: string }[])[0]?.key;
    if (!key) throw new Error(`no demo issue for ${jql}`);
    return key;
  };
  /** A new Alpenbank ticket (24x7 support hours, so its clocks always tick), as the customer raised it. */
  const raise = async (summary: string): Promise<string> => {
    const created = await rest('qm:alpenbank:reto.huber', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'ALP' }, issuetype: { name: 'Incident' }, summary, priority: { name: 'Highest' } } });
    await host.forge.idle();
    return String(created.key);
  };
  const open = async (key: string): Promise<FrameLocator> => {
    await page.goto(`${host.url}/browse/${key}`);
    const panel = page.frameLocator(PANEL);
    await panel.locator('[data-testid="sla-clocks"]').waitFor();
    return panel;
  };
  const shoot = async (name: string) => {
    await page.waitForSelector(`${PANEL}[data-sized]`);
    const file = join(SCREENSHOT_DIR, `panel-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(pngSize(file).bytes).toBeGreaterThan(30_000);
  };

  it('shows a breached ticket as overdue, with its customer and contract', async () => {
    const key = await firstKey('issue.property[serviceSla].breached = "true" AND resolution = Unresolved ORDER BY created DESC');
    const panel = await open(key);
    const breached = panel.locator('[data-testid^="sla-clock-"][data-state]').filter({ has: panel.locator('text=/overdue|breached/i') });
    await expect(breached.count()).resolves.toBeGreaterThan(0);
    await expect(panel.locator('[data-testid="sla-customer"]').textContent()).resolves.toBeTruthy();
    await expect(panel.locator('[data-testid="sla-contract"]').textContent()).resolves.toContain('Managed services agreement');
    await shoot('breached');
  });

  it('shows a paused ticket and why it is paused', async () => {
    // A demo ticket waiting for its customer; on a day the demo has none, one is put there.
    let key = await firstKey('issue.property[serviceSla].metrics.resolution.state = "paused" ORDER BY created DESC').catch(() => '');
    if (!key) {
      key = await raise('Card payments declined at the Basel branch');
      await rest(AGENT, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '31' } });
      await host.forge.idle();
    }
    const panel = await open(key);
    await expect(panel.locator('[data-testid="sla-clock-resolution"]').getAttribute('data-state')).resolves.toBe('paused');
    await expect(panel.locator('[data-testid="sla-clock-resolution-paused"]').textContent()).resolves.toContain('Waiting for customer');
    await shoot('paused');
  });

  it('counts a running clock down without a reload', async () => {
    await context.clock.install();
    const key = await raise('E-banking login page times out');
    const panel = await open(key);
    await expect(panel.locator('[data-testid="sla-clock-firstResponse"]').getAttribute('data-state')).resolves.toBe('running');
    const remaining = panel.locator('[data-testid="sla-clock-firstResponse-remaining"]');
    const before = await remaining.textContent();
    expect(before).toMatch(/1[45] min/);
    await shoot('running');
    // Three minutes later by the browser's clock, with no call to the app: the countdown moved.
    await context.clock.fastForward('03:00');
    const deadline = Date.now() + 5_000;
    let after = await remaining.textContent();
    while (!/1[12] min/.test(after ?? '') && Date.now() < deadline) {
      await page.waitForTimeout(100);
      after = await remaining.textContent();
    }
    expect({ before, after }).toEqual({ before, after: expect.stringMatching(/1[12] min/) });
  });
});
