// The host's page modules on a fixture app (the real manifest has none yet): global page full width, admin page
// for admins only, router navigation from inside the iframe, and the "not built" message.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './helpers/host';
import type { LocalHost } from '../../local/host';
import { SMALL_PEOPLE, startSmallSite } from './helpers/small-site';

const APP = join(__dirname, 'fixtures/pages-app');
const FRAME = 'iframe[data-forge-frame]';

const byRole = (role: string) => {
  const p = SMALL_PEOPLE.find((x) => x.role === role);
  if (!p) throw new Error(`no ${role} in the small site`);
  return p;
};

describe('host page: app pages', () => {
  let site: LocalHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [site, browser] = await Promise.all([startSmallSite(APP), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const signIn = async (accountId: string): Promise<void> => {
    await context.addCookies([{ name: 'jira_local_user', value: encodeURIComponent(accountId), url: site.url }]);
  };

  it('lists the global and admin pages and renders a global page full width, invoking as the signed-in user', async () => {
    await page.goto(`${site.url}/apps`);
    await expect(page.locator('[data-testid="global-pages"] a').textContent()).resolves.toContain('Priority board');
    await expect(page.locator('[data-testid="admin-pages"] a').textContent()).resolves.toContain('Service Manager settings');

    await page.click('[data-testid="global-pages"] a');
    await page.waitForURL(`${site.url}/apps/board-page`);
    const who = page.frameLocator(FRAME).locator('#who');
    await who.filter({ hasText: 'as ' }).waitFor();
    await expect(who.textContent()).resolves.toBe(`jira:globalPage board-page as ${byRole('service-manager').accountId}`);
    const width = (await page.locator(FRAME).boundingBox())?.width ?? 0;
    expect(width).toBeGreaterThan(1100);
  });

  it('follows router navigation from the iframe to the issue view', async () => {
    await page.goto(`${site.url}/apps/board-page`);
    await page.frameLocator(FRAME).locator('#who').filter({ hasText: 'as ' }).waitFor();
    await Promise.all([page.waitForURL(`${site.url}/browse/ABC-1`), page.frameLocator(FRAME).locator('#go').click()]);
    await expect(page.textContent('[data-testid="issue-summary"]')).resolves.toBe('VPN drops every hour');
    // The fixture app has no issue panel: the view says so instead of an empty column.
    await expect(page.locator('.issue-side').textContent()).resolves.toContain('The app has no issue panel.');
  });

  it('shows admin pages to admins only', async () => {
    await signIn(byRole('engineer').accountId);
    const denied = await page.goto(`${site.url}/settings/apps/settings-page`);
    expect(denied?.status()).toBe(403);
    await expect(page.textContent('[data-testid="no-permission"]')).resolves.toContain('Only Jira administrators');
    expect(await page.locator(FRAME).count()).toBe(0);

    await signIn(byRole('admin').accountId);
    await page.goto(`${site.url}/settings/apps/settings-page`);
    await expect(page.frameLocator(FRAME).locator('#who').filter({ hasText: 'as ' }).textContent()).resolves.toBe(
      `jira:adminPage settings-page as ${byRole('admin').accountId}`,
    );
  });

  it('hides the other project from a customer and says how to build a resource that is missing', async () => {
    await signIn(byRole('customer').accountId);
    await page.goto(`${site.url}/projects`);
    await expect(page.locator('[data-testid="project-row"] td:nth-child(2)').allTextContents()).resolves.toEqual(['ABC']);
    const hidden = await page.goto(`${site.url}/browse/XYZ-1`);
    expect(hidden?.status()).toBe(404);
    await page.goto(`${site.url}/browse/ABC-1`);
    // Internal comments are not shown to customers.
    await expect(page.locator('[data-testid="comment"]').allTextContents()).resolves.toEqual([expect.stringContaining('Looking into it.')]);

    const res = await fetch(`${site.url}/forge/resources/unbuilt/index.html`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).toContain("Resource &#39;unbuilt&#39; is not built");
    expect(text).toContain('Run npm run build');
  });
});
