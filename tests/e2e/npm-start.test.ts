// What a newcomer gets from `npm start`: the real start script, on a fresh database, serves the issue view of a
// demo issue with the app's panel rendered inside it and the admin page with the demo's customers and contracts;
// Ctrl-C stops it cleanly.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { APP_ROOT, assertUiBuilt, launchChromium, pngSize } from './helpers/host';

const PANEL_FRAME = 'iframe[data-testid="forge-frame-service-issue-panel"]';

/** Collects the child's output and resolves when `pattern` appears in it. */
function waitForOutput(child: ChildProcess, output: { text: string }, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms; output so far:\n${output.text}`)), ms);
    const check = () => {
      const match = pattern.exec(output.text);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output.text}`)));
    check();
  });
}

describe('npm start', () => {
  let dir: string;
  let child: ChildProcess;
  let browser: Browser;
  const output = { text: '' };

  beforeAll(() => {
    assertUiBuilt();
    dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds the demo company, serves a demo issue with the app panel inside, and stops cleanly on Ctrl-C', async () => {
    child = spawn(join(APP_ROOT, 'node_modules/.bin/tsx'), ['local/start.ts'], {
      cwd: APP_ROOT,
      env: { ...process.env, PORT: '0', FORGE_LOCAL_DB: join(dir, 'local.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    await waitForOutput(child, output, /Ctrl-C stops\./, 60_000);
    const url = /^\s+(http:\/\/localhost:\d+)/m.exec(output.text)?.[1];
    if (!url) throw new Error(`npm start printed no address:\n${output.text}`);
    expect(output.text).toContain('sofia.brandt@demo.example');
    expect(output.text).toContain('reto.huber@alpenbank.example');

    // The newest open Alpenbank ticket, as a service manager sees it through the REST API.
    const auth = `Basic ${Buffer.from('sofia.brandt@demo.example:any').toString('base64')}`;
    const jql = encodeURIComponent('project = ALP AND resolution = Unresolved ORDER BY created DESC');
    const search = await fetch(`${url}/rest/api/3/search/jql?jql=${jql}&maxResults=1&fields=summary,status`, { headers: { authorization: auth } });
    expect(search.status).toBe(200);
    const { issues } = (await search.json()) as { issues: { key: string; fields: { summary: string; status: { name: string } } }[] };
    const issue = issues[0];
    if (!issue) throw new Error('the demo company has no open ALP issue');

    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const response = await page.goto(`${url}/browse/${issue.key}`);
    expect(response?.status()).toBe(200);
    const panel = page.frameLocator(PANEL_FRAME);
    await panel.getByTestId('panel-ready').waitFor({ timeout: 20_000 });
    await expect(panel.getByTestId('panel-ready').textContent()).resolves.toContain(issue.key);
    await expect(panel.getByTestId('panel-ready').textContent()).resolves.toContain(issue.fields.summary);
    await expect(panel.getByTestId('panel-status').textContent()).resolves.toBe(issue.fields.status.name);
    const shot = join(dir, 'issue-view.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(pngSize(shot)).toMatchObject({ width: 1400 });
    expect(pngSize(shot).bytes).toBeGreaterThan(20_000);

    // The Jira admin's settings page shows the demo company's six customers, each with its contract.
    const admin = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await admin.addCookies([{ name: 'jira_local_user', value: encodeURIComponent('712020:morgan.keller'), url }]);
    const settings = await admin.newPage();
    await settings.goto(`${url}/settings/apps/service-admin-page`);
    const app = settings.frameLocator('iframe[data-testid="forge-frame-service-admin-page"]');
    await app.getByTestId('customers-table').waitFor({ timeout: 20_000 });
    const customers = ['alpenbank', 'matterhorn', 'hudson', 'liberty', 'lotus', 'saffron'];
    for (const key of customers) await expect(app.getByTestId(`customer-row-${key}`).count()).resolves.toBe(1);
    await app.getByTestId('tab-contracts').click();
    await app.getByTestId('contracts-table').waitFor();
    for (const key of customers) await expect(app.getByTestId(`contract-row-${key}-msa`).count()).resolves.toBe(1);
    await settings.screenshot({ path: join(dir, 'admin-contracts.png'), fullPage: true });
    await admin.close();

    child.kill('SIGINT');
    await waitForOutput(child, output, /stopped; all data saved\./, 20_000);
  }, 120_000);
});
