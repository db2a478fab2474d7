// A lane longer than the board shows: the board says so and shows the first 100; the lane alone shows it all,
// still in one id-only search.
import { join } from 'node:path';
import type { BoardView } from '../../src/contract/board';
import type { ResolverResult } from '../../src/contract/result';
import { defaultAnchor } from '../../local/demo/seed-local';
import { startLocalHost, type LocalHost } from '../../local/host';
import { openWorkSite } from '../helpers/open-work-site';

describe('priority board: a long lane', () => {
  let host: LocalHost;
  let customerKey = '';

  beforeAll(async () => {
    const anchor = defaultAnchor();
    const { jira, customers, people } = openWorkSite(anchor, 1, 130);
    customerKey = customers[0]?.key ?? '';
    host = await startLocalHost({ appRoot: join(__dirname, '../..'), port: 0, dbFile: ':memory:', company: { jira, anchor, people, customers }, schedules: false, delayScale: 0, log: () => {} });
    await host.forge.idle();
  }, 60_000);
  afterAll(async () => {
    await host?.close();
  });

  const board = async (payload: Record<string, unknown>): Promise<BoardView> => {
    const answer = (await host.forge.invokeResolver({ moduleKey: 'service-board', functionKey: 'getBoard', accountId: '712020:sofia.brandt', payload })) as ResolverResult<BoardView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };

  it('shows the first 100 on the board and says so, and all 130 in the lane alone', async () => {
    const all = (await board({})).lanes[0];
    expect({ items: all?.items.length, truncated: all?.truncated, open: all?.health.open }).toEqual({ items: 100, truncated: true, open: 130 });
    host.jira.resetCalls();
    const alone = (await board({ customerKey })).lanes[0];
    expect({ items: alone?.items.length, truncated: alone?.truncated }).toEqual({ items: 130, truncated: false });
    expect(Object.values(host.jira.calls()).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
    // The first 100 are the same in both, in the same order.
    expect(alone?.items.slice(0, 100).map((i) => i.key)).toEqual(all?.items.map((i) => i.key));
  });
});
