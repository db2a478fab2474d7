// The priority board in headless Chromium on the demo company: a service manager drags an item above another,
// reloads and sees the order kept, moves one by keyboard (focus stays, the move is announced) and undoes a move;
// the score explains itself on keyboard focus; the SLA countdown moves by the browser's clock; the team's next
// work across customers; filters; and a customer's contact who sees only their company's lane, read-only.
// Screenshots in light and dark, English and German.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import type { BoardLane, BoardView } from '../../src/contract/board';
import type { ResolverResult } from '../../src/contract/result';
import { generateDemo } from '../../local/demo/generate';
import { startLocalHost, type LocalHost } from '../../local/host';
import { jiraRest } from '../helpers/jira-rest';
import { APP_ROOT, launchChromium, pngSize, SCREENSHOT_DIR, startTrackedDemo } from './helpers/host';

// Names used only inside locator.evaluate callbacks, which run in the browser (the project compiles without the DOM lib).
declare const document: { activeElement: unknown };
declare function getComputedStyle(el: unknown): { lineHeight: string };

const FRAME = 'iframe[data-testid="forge-frame-service-board"]';
const BOARD_PAGE = '/apps/service-board';
/** Service manager (Alpenbank, Matterhorn), reads German (de-CH). */
const SOFIA = '712020:sofia.brandt';
/** Service manager (Hudson Health, Liberty), reads English (en-US). */
const DANIEL = '712020:daniel.okafor';
/** Alpenbank's head of IT operations: a customer's contact. */
const RETO = 'qm:alpenbank:reto.huber';
/** Wraps to two lines at most on the board; the whole text is in the row's title. */
const LONG_SUMMARY =
  'Payment terminals at the Lugano, Bellinzona and Locarno branches reject contactless cards since the overnight firmware rollout; customers are sent to the counter and queues reach the street during lunch hours';

describe('priority board', () => {
  let host: LocalHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // The board and the panel read the SLA state the backfill wrote for the seeded history.
    [host, browser] = await Promise.all([startTrackedDemo(), launchChromium()]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterEach(() => context.close());

  const signIn = (accountId: string, theme: 'light' | 'dark' = 'light') =>
    context.addCookies([
      { name: 'jira_local_user', value: encodeURIComponent(accountId), url: host.url },
      { name: 'jira_local_theme', value: theme, url: host.url },
    ]);
  const openBoard = async (): Promise<FrameLocator> => {
    await page.goto(`${host.url}${BOARD_PAGE}`);
    const app = page.frameLocator(FRAME);
    await app.locator('[data-testid="board"][data-loading="false"]').waitFor({ timeout: 30_000 });
    return app;
  };
  const shoot = async (name: string): Promise<void> => {
    await page.waitForSelector(`${FRAME}[data-sized]`);
    await page.evaluate('window.scrollTo(0, 0)');
    const file = join(SCREENSHOT_DIR, `board-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const png = pngSize(file);
    expect(png.width).toBe(page.viewportSize()?.width);
    expect(png.bytes).toBeGreaterThan(30_000);
  };
  /** The board as someone's resolver call sees it (the test's own view of the truth, not through the page). */
  const boardOf = async (accountId: string): Promise<BoardView> => {
    const answer = (await host.forge.invokeResolver({ moduleKey: 'service-board', functionKey: 'getBoard', accountId, payload: {} })) as ResolverResult<BoardView>;
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  };
  /** Issue keys of a lane in the order shown. */
  const shownOrder = (lane: Locator): Promise<string[]> =>
    lane.locator('[data-testid^="board-item-"][data-pinned]').evaluateAll((rows) => rows.map((r) => (r.getAttribute('data-testid') ?? '').replace('board-item-', '')));
  const unpinned = (lane: BoardLane): string[] => lane.items.filter((i) => !i.score.pinned).map((i) => i.key);
  const waitForText = async (locator: Locator, pattern: RegExp): Promise<string> => {
    const deadline = Date.now() + 10_000;
    let text = (await locator.textContent()) ?? '';
    while (!pattern.test(text) && Date.now() < deadline) {
      await page.waitForTimeout(100);
      text = (await locator.textContent()) ?? '';
    }
    expect(text).toMatch(pattern);
    return text;
  };

  /**
   * Moves the mouse (while dragging) to a point and stays there as a hand would, a little restless: the page
   * hears of a drag's position in dragover events, which Playwright sends only as the mouse moves.
   */
  const hover = async (x: number, y: number): Promise<void> => {
    await page.mouse.move(x, y, { steps: 12 });
    for (let i = 1; i <= 5; i++) {
      await page.mouse.move(x + i * 2, y);
      await page.waitForTimeout(40);
    }
  };

  /** A lane of Sofia's with three or more unpinned items to re-rank; on a day the demo has none, Alpenbank gets them. */
  const laneToRank = async (): Promise<BoardLane> => {
    const pick = (view: BoardView) => [...view.lanes].sort((a, b) => unpinned(b).length - unpinned(a).length)[0];
    let lane = pick(await boardOf(SOFIA));
    if (!lane || unpinned(lane).length < 3) {
      for (const summary of ['Branch printer offline', 'New laptop for trainee', 'Archive old shared mailbox']) {
        await jiraRest(host, RETO, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'ALP' }, issuetype: { name: 'Service request' }, summary, priority: { name: 'Low' } } });
      }
      await host.forge.idle();
      lane = pick(await boardOf(SOFIA));
    }
    if (!lane || unpinned(lane).length < 3) throw new Error('no lane with three unpinned items to re-rank');
    return lane;
  };

  it('re-ranks by drag and drop and by keyboard, keeps the order over a reload, and undoes a move', async () => {
    const data = await laneToRank();
    const customerKey = data.customer.key;
    const first = unpinned(data)[0] as string;
    const lastKey = unpinned(data).at(-1) as string;
    await signIn(SOFIA);
    let app = await openBoard();
    let lane = app.locator(`[data-testid="board-lane-${customerKey}"]`);
    expect(await shownOrder(lane)).toEqual(data.items.map((i) => i.key));
    // Sofia reads German.
    await expect(app.locator('[data-testid="board-tab-next"]').textContent()).resolves.toBe('Als Nächstes fürs Team');
    await shoot('light-de');

    // A drag shows where the item would land, and offers no place above breached items.
    const source = app.locator(`[data-testid="board-item-${lastKey}"]`);
    const target = app.locator(`[data-testid="board-item-${first}"]`);
    await lane.scrollIntoViewIfNeeded();
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('rows are not on the page');
    await page.mouse.move(from.x + 300, from.y + from.height / 2);
    await page.mouse.down();
    await hover(to.x + 300, to.y + 6);
    await app.locator(`[data-testid="board-item-${first}-drop-top"]`).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'board-dragging-de.png') });
    const pinnedRows = lane.locator('[data-pinned="true"]');
    if ((await pinnedRows.count()) > 0) {
      const pinnedBox = await pinnedRows.first().boundingBox();
      if (!pinnedBox) throw new Error('pinned row is not on the page');
      await hover(pinnedBox.x + 300, pinnedBox.y + 4);
      const offered = await lane.locator('[data-testid$="-drop-top"], [data-testid$="-drop-bottom"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(offered).toEqual([]);
    }
    await hover(to.x + 300, to.y + 6);
    await app.locator(`[data-testid="board-item-${first}-drop-top"]`).waitFor();
    await page.mouse.up();
    await waitForText(app.locator('[data-testid="board-announce"]'), new RegExp(`${lastKey} auf Position \\d+`));
    const afterDrag = await shownOrder(lane);
    expect(afterDrag.indexOf(lastKey)).toBe(afterDrag.indexOf(first) - 1);
    await expect(app.locator(`[data-testid="board-item-${lastKey}-moved"]`).textContent()).resolves.toContain('Verschoben von Sofia Brandt');

    // The order is the server's: the same after a reload, and for anyone else.
    app = await openBoard();
    lane = app.locator(`[data-testid="board-lane-${customerKey}"]`);
    expect(await shownOrder(lane)).toEqual(afterDrag);
    expect((await boardOf(SOFIA)).lanes.find((l) => l.customer.key === customerKey)?.items.map((i) => i.key)).toEqual(afterDrag);

    // Playwright's own drag (HTML5 drag events in Chromium) works the same: the first unpinned item to the bottom.
    const top = (await shownOrder(lane)).filter((k) => unpinned(data).includes(k))[0] as string;
    const bottom = app.locator(`[data-testid="board-item-${(await shownOrder(lane)).at(-1) as string}"]`);
    const bottomBox = await bottom.boundingBox();
    if (!bottomBox) throw new Error('the last row is not on the page');
    await app.locator(`[data-testid="board-item-${top}"]`).dragTo(bottom, { targetPosition: { x: 300, y: bottomBox.height - 4 } });
    await waitForText(app.locator('[data-testid="board-announce"]'), new RegExp(`${top} auf Position`));
    expect((await shownOrder(lane)).at(-1)).toBe(top);

    // By keyboard: Move up on the second unpinned item, then Alt+ArrowDown; focus stays on the button.
    const order = await shownOrder(lane);
    const rankable = order.filter((k) => unpinned(data).includes(k));
    const mover = rankable[1] as string;
    const up = app.locator(`[data-testid="board-item-${mover}-up"]`);
    await up.focus();
    await page.keyboard.press('Enter');
    await waitForText(app.locator('[data-testid="board-announce"]'), new RegExp(`${mover} auf Position ${order.indexOf(mover)} von`));
    expect((await shownOrder(lane)).indexOf(mover)).toBe(order.indexOf(mover) - 1);
    await expect(up.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Alt+ArrowDown');
    await waitForText(app.locator('[data-testid="board-announce"]'), new RegExp(`${mover} auf Position ${order.indexOf(mover) + 1} von`));
    expect(await shownOrder(lane)).toEqual(order);
    // The top of the unpinned items cannot go further up: said, not done.
    const head = rankable[0] as string;
    await app.locator(`[data-testid="board-item-${head}-up"]`).focus();
    await page.keyboard.press('Enter');
    await waitForText(app.locator('[data-testid="board-announce"]'), new RegExp(`${head} kann nicht weiter nach oben`));
    expect(await shownOrder(lane)).toEqual(order);
    app = await openBoard();
    lane = app.locator(`[data-testid="board-lane-${customerKey}"]`);
    expect(await shownOrder(lane)).toEqual(order);

    // The score explains itself on keyboard focus.
    const score = app.locator(`[data-testid="board-item-${mover}-score"]`);
    await score.focus();
    // The visible tooltip (a hidden copy describes the score to screen readers).
    const why = app.locator(`[data-testid="board-item-${mover}-score-tooltip"]`);
    await why.waitFor();
    expect(await why.textContent()).toMatch(/Priorität .*von \d+ Punkten/);
    expect(await why.textContent()).toMatch(/Warum hier: /);
    await shoot('score-de');

    // Undo takes the last move back.
    const undo = app.locator(`[data-testid="board-item-${mover}-undo"]`);
    await undo.click();
    await waitForText(app.locator('[data-testid="board-announce"]'), new RegExp(`Verschiebung von ${mover} rückgängig`));
    // Focus stays with the item (on Undo while there is an earlier move to take back, else on Move up), not the page.
    await expect(app.locator(`[data-testid="board-item-${mover}"]`).evaluate((row) => row.contains(document.activeElement))).resolves.toBe(true);

    // The narrowest width the page is made for.
    await page.mouse.move(0, 0);
    await app.locator('[data-testid="board-refresh"]').focus();
    await app.locator('[data-testid$="-score-tooltip"]').first().waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 900, height: 1000 });
    await shoot('narrow-de');
  }, 120_000);

  it('shows the board in English in light and dark, the team’s next work and a live countdown', async () => {
    // A new Alpenbank ticket (24x7 support hours, so its clocks always tick), as the customer raised it.
    const created = await jiraRest(host, RETO, 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'ALP' }, issuetype: { name: 'Incident' }, summary: LONG_SUMMARY, priority: { name: 'Highest' } },
    });
    const fresh = String(created.key);
    await host.forge.idle();
    await context.clock.install();
    await signIn(DANIEL);
    let app = await openBoard();
    await expect(app.locator('[data-testid="board-tab-lanes"]').textContent()).resolves.toBe('By customer');
    const lanes = app.locator('[data-testid^="board-lane-"][aria-labelledby]');
    expect(await lanes.count()).toBe(6);
    // Each lane's billable hours this month against its included hours (billing's count after the worklog sync).
    await expect(app.locator('[data-testid$="-hours"]').count()).resolves.toBe(6);
    expect(await app.locator('[data-testid="board-lane-alpenbank-hours"]').textContent()).toMatch(/^[\d.,]+ of 80 h used this month$/);
    await shoot('light-en');
    const summary = app.locator(`[data-testid="board-item-${fresh}-summary"]`);
    expect(await summary.getAttribute('title')).toBe(LONG_SUMMARY);
    const lines = await summary.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(lines).toBeLessThanOrEqual(2);

    // A running clock's remaining time moves with the browser's clock, without a new answer from the app.
    const countdown = app.locator(`[data-testid="board-item-${fresh}-clock-text"]`);
    const before = await waitForText(countdown, /^Due in 1[45] min$/);
    // Five minutes hold five refreshes (one a minute): what has focus keeps it.
    const score = app.locator(`[data-testid="board-item-${fresh}-score"]`);
    await score.focus();
    const updated = await app.locator('[data-testid="board-updated"]').textContent();
    await context.clock.fastForward('05:00');
    const after = await waitForText(countdown, /^Due in (9|10) min$/);
    expect(after).not.toBe(before);
    await waitForText(app.locator('[data-testid="board-updated"]'), new RegExp(`^(?!${(updated ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$)Updated `));
    await expect(score.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await app.locator('[data-testid="board-tab-next"]').click();
    const next = app.locator('[data-testid="board-next"]');
    await next.waitFor();
    const rows = next.locator('[data-testid^="board-next-item-"][data-pinned]');
    expect(await rows.count()).toBeGreaterThan(0);
    // Breached work first across customers, each with its customer named, read-only.
    const pinned = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-pinned') === 'true'));
    expect(pinned.indexOf(false) === -1 || pinned.lastIndexOf(true) < pinned.indexOf(false)).toBe(true);
    await expect(next.locator('[data-testid$="-customer"]').count()).resolves.toBe(await rows.count());
    await expect(next.locator('[data-testid$="-up"]').count()).resolves.toBe(0);
    await shoot('next-light-en');

    await signIn(DANIEL, 'dark');
    app = await openBoard();
    expect(await app.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await shoot('dark-en');
    await app.locator('[data-testid="board-tab-next"]').click();
    await app.locator('[data-testid="board-next"]').waitFor();
    await shoot('next-dark-en');
  }, 90_000);

  it('filters by SLA state and says when nothing matches', async () => {
    await signIn(DANIEL);
    const app = await openBoard();
    await app.locator('[data-testid="board-filter-sla-select--control"]').click();
    await page.keyboard.type('Breached');
    await page.keyboard.press('Enter');
    await app.locator('[data-testid="board-filter-clear"]').waitFor();
    await app.locator('[data-testid="board"][data-loading="false"]').waitFor();
    const rows = app.locator('[data-testid^="board-item-"][data-pinned]');
    const states = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-pinned')));
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(['true']));
    await shoot('filter-breached-en');
    // The filter is in the page's URL: the same link opens the board filtered.
    const link = new URL(page.url());
    expect(link.searchParams.get('sla')).toBe('breached');
    await page.goto(link.toString());
    await app.locator('[data-testid="board-filter-clear"]').waitFor();
    await app.locator('[data-testid="board"][data-loading="false"]').waitFor();
    expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-pinned'))))).toEqual(new Set(['true']));

    // An issue type no open issue has: nothing matches, and the page says how to see more.
    await app.locator('[data-testid="board-filter-type-select--control"]').click();
    const types = app.locator('[id*="-option-"]');
    await types.first().waitFor();
    await types.last().click();
    await app.locator('[data-testid="board"][data-loading="false"]').waitFor();
    await app.locator('[data-testid="board-filter-sla-select--control"]').click();
    await page.keyboard.type('Paused');
    await page.keyboard.press('Enter');
    await app.locator('[data-testid="board"][data-loading="false"]').waitFor();
    if ((await rows.count()) === 0) {
      await app.locator('[data-testid="board-empty-filters"]').waitFor();
      await app.locator('[data-testid="board-empty-filters-clear"]').click();
    } else {
      await app.locator('[data-testid="board-filter-clear"]').click();
    }
    await app.locator('[data-testid="board-filter-clear"]').waitFor({ state: 'detached' });
    await expect(app.locator('[data-testid^="board-lane-"][aria-labelledby]').count()).resolves.toBe(6);
  }, 60_000);

  it('explains an empty board and links to the settings where customers are set up', async () => {
    // A site of its own: the demo's Jira, but no customer configured in the app.
    const demo = generateDemo({ seed: 7, anchor: '2026-03-10T12:00:00Z', issues: 20, worklogs: 10 });
    const bare = await startLocalHost({
      port: 0,
      dbFile: ':memory:',
      appRoot: APP_ROOT,
      company: { jira: demo.jira, anchor: demo.meta.anchor, people: demo.people, customers: [] },
      schedules: false,
      delayScale: 0,
      log: () => {},
    });
    try {
      await context.addCookies([{ name: 'jira_local_user', value: encodeURIComponent(DANIEL), url: bare.url }]);
      await page.goto(`${bare.url}${BOARD_PAGE}`);
      const app = page.frameLocator(FRAME);
      const empty = app.locator('[data-testid="board-empty-customers"]');
      await empty.waitFor({ timeout: 30_000 });
      expect(await empty.textContent()).toContain('No customers set up yet');
      await page.waitForSelector(`${FRAME}[data-sized]`);
      const file = join(SCREENSHOT_DIR, 'board-empty-en.png');
      await page.screenshot({ path: file, fullPage: true });
      expect(pngSize(file).bytes).toBeGreaterThan(10_000);
      // The link opens the app's settings page (an admin's; for others Jira says it is for admins).
      await app.locator('[data-testid="board-empty-customers-settings"]').click();
      await page.waitForURL(/\/settings\/apps\/service-admin-page/);
    } finally {
      await bare.close();
    }
  }, 60_000);

  it("shows a customer's contact only their company's lane, read-only", async () => {
    await signIn(RETO);
    const app = await openBoard();
    expect(await app.locator('[data-testid="board"]').getAttribute('data-viewer')).toBe('contact');
    const lanes = app.locator('[data-testid^="board-lane-"][aria-labelledby]');
    expect(await lanes.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['board-lane-alpenbank']);
    // No re-ranking, no other customers, no team list.
    for (const selector of ['[data-testid$="-up"]', '[data-testid$="-down"]', '[data-testid$="-undo"]', '[draggable="true"]', '[data-testid="board-tab-next"]', '[data-testid="board-filter-customer-select--control"]', '[data-testid="board-filter-mine"]']) {
      await expect(app.locator(selector).count()).resolves.toBe(0);
    }
    const text = (await app.locator('[data-testid="board"]').textContent()) ?? '';
    for (const other of ['Hudson', 'Liberty', 'Lotus', 'Matterhorn', 'Saffron', 'Sofia Brandt']) expect(text).not.toContain(other);
    await shoot('contact-de');
  }, 60_000);
});
