// The two page readers: where they stop, and what they say when a bound cut them short.
import { readOffsetPages, readTokenPages } from '../../../src/jira/paging';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('offset pages', () => {
  it('stops on isLast, on total, on an empty page, and when nothing says there is more', async () => {
    const byIsLast = await readOffsetPages(async (startAt) => ({ items: range(startAt, 10), isLast: startAt >= 20 }), { pageSize: 10, maxPages: 9 });
    expect(byIsLast).toEqual({ items: range(0, 30), complete: true });
    const byTotal = await readOffsetPages(async (startAt) => ({ items: range(startAt, Math.min(10, 25 - startAt)), total: 25 }), { pageSize: 10, maxPages: 9 });
    expect(byTotal).toEqual({ items: range(0, 25), complete: true });
    const byEmpty = await readOffsetPages(async (startAt) => ({ items: startAt < 10 ? range(startAt, 10) : [], isLast: false }), { pageSize: 10, maxPages: 9 });
    expect(byEmpty).toEqual({ items: range(0, 10), complete: true });
    const silent = await readOffsetPages(async (startAt) => ({ items: range(startAt, 10) }), { pageSize: 10, maxPages: 9 });
    expect(silent).toEqual({ items: range(0, 10), complete: true });
  });

  it('starts each page where the last one ended, when Jira answers fewer than asked', async () => {
    const asked: [number, number][] = [];
    await readOffsetPages(async (startAt, maxResults) => {
      asked.push([startAt, maxResults]);
      return { items: range(startAt, Math.min(7, 20 - startAt)), total: 20 };
    }, { pageSize: 10, maxPages: 9 });
    expect(asked).toEqual([[0, 10], [7, 10], [14, 10]]);
  });

  it('is incomplete at maxPages, and null when a page is null', async () => {
    expect(await readOffsetPages(async (startAt) => ({ items: range(startAt, 10), isLast: false }), { pageSize: 10, maxPages: 2 })).toEqual({ items: range(0, 20), complete: false });
    expect(await readOffsetPages(async (startAt) => (startAt === 0 ? { items: [1], isLast: false } : null), { pageSize: 1, maxPages: 5 })).toBeNull();
  });
});

describe('token pages', () => {
  const pages: Record<string, { items: number[]; nextPageToken?: string }> = {
    first: { items: [1, 2], nextPageToken: 'b' },
    b: { items: [3, 4], nextPageToken: 'c' },
    c: { items: [5] },
  };
  const fetch = async (token: string | undefined) => pages[token ?? 'first'] ?? null;

  it('follows nextPageToken until it is absent', async () => {
    expect(await readTokenPages(fetch, { maxPages: 10 })).toEqual({ items: [1, 2, 3, 4, 5], complete: true });
  });

  it('stops at maxPages or maxItems, incomplete when Jira had more', async () => {
    expect(await readTokenPages(fetch, { maxPages: 2 })).toEqual({ items: [1, 2, 3, 4], complete: false });
    expect(await readTokenPages(fetch, { maxPages: 10, maxItems: 3 })).toEqual({ items: [1, 2, 3], complete: false });
    expect(await readTokenPages(fetch, { maxPages: 10, maxItems: 5 })).toEqual({ items: [1, 2, 3, 4, 5], complete: true });
  });

  it('tells the page reader how many items are still wanted', async () => {
    const wanted: number[] = [];
    await readTokenPages(async (token, n) => {
      wanted.push(n);
      return fetch(token);
    }, { maxPages: 10, maxItems: 4 });
    expect(wanted).toEqual([4, 2]);
  });
});
