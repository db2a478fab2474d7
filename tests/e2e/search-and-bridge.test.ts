// The host page's JQL search, the Custom UI bridge as the app's iframe sees it, and how resources are served.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { jiraGet, launchChromium, startTestHost, type TestHost } from './helpers/host';

type Bridge = { callBridge(name: string, payload?: unknown): Promise<unknown> };
type SearchAnswer = { issues: { key: string }[]; nextPageToken?: string };

// Used only inside page.evaluate callbacks, which run in the browser (the project compiles without the DOM lib).
declare const window: unknown;

const PANEL_FRAME = 'iframe[data-testid="forge-frame-service-issue-panel"]';

describe('host page: search, bridge and resources', () => {
  let t: TestHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestHost(), launchChromium()]);
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

  const allProjects = (): string[] => t.host.demo.customers.flatMap((c) => c.projectKeys);

  it('searches by JQL and pages through the results with nextPageToken', async () => {
    const jql = `project in (${allProjects().join(', ')}) ORDER BY key ASC`;
    const expected: string[] = [];
    let token: string | undefined;
    do {
      const q = `jql=${encodeURIComponent(jql)}&fields=summary&maxResults=100${token ? `&nextPageToken=${encodeURIComponent(token)}` : ''}`;
      const pageOf = await jiraGet<SearchAnswer>(t.host, `/rest/api/3/search/jql?${q}`);
      expected.push(...pageOf.body.issues.map((i) => i.key));
      token = pageOf.body.nextPageToken;
    } while (token);
    expect(expected.length).toBeGreaterThan(25);

    await page.goto(`${t.url}/issues`);
    await page.fill('[data-testid="jql-input"]', jql);
    // The default search also shows a results table: wait for the page of this query.
    await Promise.all([page.waitForURL((u) => u.searchParams.get('jql') === jql), page.press('[data-testid="jql-input"]', 'Enter')]);
    await page.waitForSelector('[data-testid="search-results"]');
    const seen = await page.locator('[data-testid="search-row"] td:nth-child(2)').allTextContents();
    expect(seen).toHaveLength(25);
    await page.click('[data-testid="next-page"]');
    await page.locator('[data-testid="pager"]', { hasText: 'Page 2' }).waitFor();
    seen.push(...(await page.locator('[data-testid="search-row"] td:nth-child(2)').allTextContents()));
    expect(seen).toEqual(expected);
    expect(await page.locator('[data-testid="next-page"]').count()).toBe(expected.length > 50 ? 1 : 0);

    // A row opens the issue view.
    await page.click(`[data-testid="search-row"] a:text-is("${expected[25]}")`);
    await expect(page.textContent('[data-testid="issue-key"]')).resolves.toBe(expected[25]);
  });

  it("shows the emulator's 400 message for JQL it cannot run", async () => {
    const jql = 'nosuchfield = 1';
    const direct = await jiraGet<{ errorMessages: string[] }>(t.host, `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`);
    expect(direct.status).toBe(400);
    const message = direct.body.errorMessages[0] ?? '';
    expect(message).not.toBe('');

    const response = await page.goto(`${t.url}/issues?jql=${encodeURIComponent(jql)}`);
    expect(response?.status()).toBe(400);
    const box = page.locator('[data-testid="jql-error"]');
    await expect(box.textContent()).resolves.toContain(message);
    await expect(page.inputValue('[data-testid="jql-input"]')).resolves.toBe(jql);
  });

  describe('the bridge in the app iframe', () => {
    let frame: Frame;
    let key: string;
    const call = (name: string, payload?: unknown): Promise<{ ok: boolean; value: unknown }> =>
      frame.evaluate(
        async ([n, p]) => {
          try {
            return { ok: true, value: await (window as unknown as { __bridge: Bridge }).__bridge.callBridge(n as string, p) };
          } catch (error) {
            return { ok: false, value: (error as Error).message };
          }
        },
        [name, payload] as const,
      );

    beforeEach(async () => {
      const found = await jiraGet<SearchAnswer>(t.host, `/rest/api/3/search/jql?jql=${encodeURIComponent('resolution = Unresolved ORDER BY key DESC')}&fields=summary&maxResults=1`);
      key = found.body.issues[0]?.key ?? '';
      await page.goto(`${t.url}/browse/${key}`);
      await page.frameLocator(PANEL_FRAME).locator('[data-testid="panel-ready"]').waitFor({ timeout: 20_000 });
      const handle = await page.waitForSelector(PANEL_FRAME);
      const f = await handle.contentFrame();
      if (!f) throw new Error('no panel frame');
      frame = f;
    });

    it('rejects an unknown operation with a message naming it', async () => {
      await expect(call('teleportIssue', { to: 'mars' })).resolves.toEqual({
        ok: false,
        value: "The local host does not support the bridge operation 'teleportIssue'.",
      });
    });

    it('answers getContext with the signed-in user and the issue', async () => {
      const sofia = t.host.demo.people.find((p) => p.role === 'service-manager');
      const issue = await jiraGet<{ id: string; fields: { issuetype: { id: string; name: string }; project: { id: string; key: string } } }>(
        t.host,
        `/rest/api/3/issue/${key}?fields=issuetype,project`,
      );
      const result = await call('getContext');
      expect(result.ok).toBe(true);
      expect(result.value).toEqual({
        accountId: sofia?.accountId,
        cloudId: t.host.forge.cloudId,
        siteUrl: t.url,
        localId: 'service-issue-panel-local',
        moduleKey: 'service-issue-panel',
        environmentId: 'local-development',
        environmentType: 'DEVELOPMENT',
        locale: sofia?.locale,
        timezone: sofia?.timeZone,
        theme: { colorMode: 'light' },
        extension: {
          type: 'jira:issuePanel',
          issue: { id: issue.body.id, key, type: issue.body.fields.issuetype.name, typeId: issue.body.fields.issuetype.id },
          project: { id: issue.body.fields.project.id, key: issue.body.fields.project.key, type: 'service_desk' },
        },
      });
    });

    it('runs fetchProduct as the signed-in user and invoke errors as clear rejections', async () => {
      const sofia = t.host.demo.people.find((p) => p.role === 'service-manager');
      const me = await call('fetchProduct', { product: 'jira', restPath: '/rest/api/3/myself', fetchRequestInit: { method: 'GET', body: null, headers: [['accept', 'application/json']] } });
      expect(me.ok).toBe(true);
      const answer = me.value as { status: number; body: string; headers: Record<string, string> };
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toContain('application/json');
      expect((JSON.parse(answer.body) as { accountId: string }).accountId).toBe(sofia?.accountId);

      const outside = await call('fetchProduct', { product: 'jira', restPath: 'https://example.com/', fetchRequestInit: { method: 'GET' } });
      expect(outside).toEqual({ ok: false, value: "fetchProduct: restPath must be a product path such as /rest/api/3/..., got 'https://example.com/'." });

      const unknown = await call('invoke', { functionKey: 'noSuchResolver', payload: {} });
      expect(unknown.ok).toBe(false);
      expect(String(unknown.value)).toContain('noSuchResolver');
      expect(String(unknown.value)).not.toMatch(/\n\s+at /);

      const ok = await call('invoke', { functionKey: 'getIssuePanel', payload: { issueKey: key } });
      expect(ok.ok).toBe(true);
      expect((ok.value as { ok: boolean; data: { issue: { key: string } } }).data.issue.key).toBe(key);
    });

    it('shows flags and fans events out to subscribed frames until they unsubscribe', async () => {
      await frame.evaluate(async () => {
        const w = window as unknown as { __got: unknown[]; __sub: { unsubscribe(): void }; __bridge: Bridge };
        w.__got = [];
        w.__sub = (await w.__bridge.callBridge('on', { event: 'app.refresh', callback: (p: unknown) => w.__got.push(p) })) as { unsubscribe(): void };
      });
      await expect(call('emit', { event: 'app.refresh', payload: { n: 1 } })).resolves.toEqual({ ok: true, value: undefined });
      await frame.waitForFunction(() => (window as unknown as { __got: unknown[] }).__got.length === 1);
      await frame.evaluate(() => (window as unknown as { __sub: { unsubscribe(): void } }).__sub.unsubscribe());
      await call('emit', { event: 'app.refresh', payload: { n: 2 } });
      await expect(frame.evaluate(() => (window as unknown as { __got: unknown[] }).__got)).resolves.toEqual([{ n: 1 }]);

      await call('showFlag', { id: 'saved', title: 'Contract saved', description: 'All clocks recomputed.', type: 'success' });
      await expect(page.locator('[data-testid="flag"]', { hasText: 'Contract saved' }).textContent()).resolves.toContain('All clocks recomputed.');
      await call('closeFlag', { id: 'saved' });
      await page.locator('[data-testid="flag"]', { hasText: 'Contract saved' }).waitFor({ state: 'detached' });

      const url = await call('getUrl', { target: 'issue', issueKey: 'ABC-1' });
      expect(url).toEqual({ ok: true, value: `${new URL(page.url()).origin}/browse/ABC-1` });
    });

    it('keeps a createHistory object in the frame that notifies listeners of push and replace', async () => {
      const seen = await frame.evaluate(async () => {
        type Loc = { pathname: string; search: string };
        const h = (await (window as unknown as { __bridge: Bridge }).__bridge.callBridge('createHistory')) as {
          location: Loc;
          push(p: string): void;
          replace(p: string): void;
          back(): void;
          listen(l: (loc: Loc, action: string) => void): () => void;
        };
        const log: string[] = [`start ${h.location.pathname}`];
        const stop = h.listen((loc, action) => log.push(`${action} ${loc.pathname}${loc.search}`));
        h.push('/contracts?page=2');
        h.replace('/contracts/42');
        h.back();
        stop();
        h.push('/ignored');
        return log;
      });
      expect(seen).toEqual(['start /', 'PUSH /contracts?page=2', 'REPLACE /contracts/42', 'POP /']);
    });

    it('opens a modal with a resource and calls onClose in the opener with what the modal closed with', async () => {
      await frame.evaluate(async () => {
        const w = window as unknown as { __closed: unknown[]; __bridge: Bridge };
        w.__closed = [];
        await w.__bridge.callBridge('openModal', { resource: 'issue-panel', title: 'Details', size: 'small', context: { from: 'panel' }, onClose: (p: unknown) => w.__closed.push(p) });
      });
      const modal = page.locator('[data-testid="forge-modal"]');
      await modal.waitFor();
      const modalFrame = await (await modal.locator('iframe').elementHandle())?.contentFrame();
      if (!modalFrame) throw new Error('no modal frame');
      await modalFrame.waitForFunction(() => Boolean((window as unknown as { __bridge?: Bridge }).__bridge));
      const ctx = (await modalFrame.evaluate(() => (window as unknown as { __bridge: Bridge }).__bridge.callBridge('getContext'))) as { extension: { modal: unknown; issue: { key: string } } };
      expect(ctx.extension.modal).toEqual({ from: 'panel' });
      expect(ctx.extension.issue.key).toBe(key);
      // The modal's document goes away with the dialog, so its close() promise is not awaited (as in Forge).
      await modalFrame.evaluate(() => void (window as unknown as { __bridge: Bridge }).__bridge.callBridge('close', { saved: true }));
      await modal.waitFor({ state: 'detached' });
      await frame.waitForFunction(() => (window as unknown as { __closed: unknown[] }).__closed.length === 1);
      await expect(frame.evaluate(() => (window as unknown as { __closed: unknown[] }).__closed)).resolves.toEqual([{ saved: true }]);
      // The panel itself is not a modal: close() answers false, which @forge/bridge turns into an error.
      await expect(call('close')).resolves.toEqual({ ok: true, value: false });
    });
  });

  it('serves resources with the shim first in <head>, a Forge-like CSP, and nothing outside the resource folder', async () => {
    const index = await fetch(`${t.url}/forge/resources/issue-panel/index.html`);
    expect(index.status).toBe(200);
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    const text = await index.text();
    expect(text).toMatch(/<head>\s*<script src="\/forge\/bridge-shim\.js"><\/script>/);
    expect(text.indexOf('bridge-shim.js')).toBeLessThan(text.indexOf('type="module"'));

    for (const path of ['..%2F..%2Fpackage.json', '..%2f..%2fmanifest.yml', '%2e%2e/%2e%2e/manifest.yml', 'assets/..%5C..%5C..%5Cmanifest.yml']) {
      const res = await fetch(`${t.url}/forge/resources/issue-panel/${path}`);
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('service-manager-for-jira');
    }
    const unknown = await fetch(`${t.url}/forge/resources/no-such-resource/index.html`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('manifest.yml declares no resource &#39;no-such-resource&#39;');
  });

  it('lists the app pages with their translated titles, and answers unknown pages with 404', async () => {
    await page.goto(`${t.url}/apps`);
    await expect(page.getAttribute('[data-testid="global-pages"] a', 'href')).resolves.toBe('/apps/service-board');
    await expect(page.textContent('[data-testid="global-pages"]')).resolves.toMatch(/Service Manager/);
    // The settings page's title comes from the manifest's translations, in the signed-in person's language.
    await expect(page.getAttribute('[data-testid="admin-pages"] a', 'href')).resolves.toBe('/settings/apps/service-admin-page');
    await expect(page.textContent('[data-testid="admin-pages"]')).resolves.toMatch(/Service Manager (settings|Einstellungen)/);
    const missing = await page.goto(`${t.url}/apps/not-a-module`);
    expect(missing?.status()).toBe(404);
    await expect(page.textContent('[data-testid="module-not-found"]')).resolves.toContain("The app has no global page 'not-a-module'.");
  });

  it('refuses cross-site posts to the bridge endpoint and the user switcher, and names a bad account id', async () => {
    const invoke = await fetch(`${t.url}/forge/invoke`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ moduleKey: 'service-issue-panel', functionKey: 'getIssuePanel', payload: {} }),
    });
    expect(invoke.status).toBe(403);
    const missing = await fetch(`${t.url}/forge/invoke`, { method: 'POST', body: JSON.stringify({ functionKey: 'getIssuePanel' }) });
    expect(missing.status).toBe(400);
    await expect(missing.json()).resolves.toEqual({ ok: false, message: 'invoke: moduleKey: Invalid input: expected string, received undefined' });
    const wrongUser = await fetch(`${t.url}/session/user`, { method: 'POST', body: 'accountId=nobody', redirect: 'manual' });
    expect(wrongUser.status).toBe(400);
    await expect(wrongUser.text()).resolves.toBe("accountId: 'nobody' is not one of the demo people.");
    // The switcher only returns to paths of this site.
    const engineer = t.host.demo.people.find((p) => p.role === 'engineer');
    const offsite = await fetch(`${t.url}/session/user`, {
      method: 'POST',
      body: `accountId=${encodeURIComponent(engineer?.accountId ?? '')}&returnTo=${encodeURIComponent('//evil.example/')}`,
      redirect: 'manual',
    });
    expect(offsite.status).toBe(303);
    expect(offsite.headers.get('location')).toBe('/');
    expect(offsite.headers.get('set-cookie')).toContain(`jira_local_user=${encodeURIComponent(engineer?.accountId ?? '')}`);
  });

  it('serves the REST API on the same origin with Basic auth winning over the page cookie', async () => {
    const customer = t.host.demo.people.find((p) => p.role === 'customer');
    const sofia = t.host.demo.people.find((p) => p.role === 'service-manager');
    const basic = `Basic ${Buffer.from(`${customer?.email}:any`).toString('base64')}`;
    const both = await fetch(`${t.url}/rest/api/3/myself`, { headers: { authorization: basic, cookie: `jira_local_user=${encodeURIComponent(sofia?.accountId ?? '')}` } });
    expect(((await both.json()) as { accountId: string }).accountId).toBe(customer?.accountId);
    const cookieOnly = await fetch(`${t.url}/rest/api/3/myself`, { headers: { cookie: `jira_local_user=${encodeURIComponent(sofia?.accountId ?? '')}` } });
    expect(((await cookieOnly.json()) as { accountId: string }).accountId).toBe(sofia?.accountId);
    const anonymous = await fetch(`${t.url}/rest/api/3/myself`);
    expect(anonymous.status).toBe(401);
  });
});
