// The two ways Jira pages a list, read to the end or to a bound: offset pages (`startAt`, `maxResults`, and
// `isLast` or `total`) and token pages (`nextPageToken`, absent on the last page). A page reader answering null
// (a 404: the thing went away between pages) makes the whole read null.

export interface Paged<T> {
  items: T[];
  /** False when the read stopped at its page or item bound while Jira had more. */
  complete: boolean;
}

export interface OffsetPage<T> {
  items: T[];
  isLast?: boolean;
  total?: number;
}

/**
 * Reads offset pages from startAt 0, each starting where the previous one's items ended (Jira may answer fewer
 * than asked). Stops on `isLast: true`, on reaching `total`, on an empty page, or after `maxPages` pages.
 */
export async function readOffsetPages<T>(
  fetchPage: (startAt: number, maxResults: number) => Promise<OffsetPage<T> | null>,
  bounds: { pageSize: number; maxPages: number },
): Promise<Paged<T> | null> {
  const items: T[] = [];
  let startAt = 0;
  for (let page = 0; page < bounds.maxPages; page++) {
    const reply = await fetchPage(startAt, bounds.pageSize);
    if (reply === null) return null;
    items.push(...reply.items);
    startAt += reply.items.length;
    if (isLastOffsetPage(reply, startAt)) return { items, complete: true };
  }
  return { items, complete: false };
}

function isLastOffsetPage(reply: OffsetPage<unknown>, nextStartAt: number): boolean {
  if (reply.isLast === true || reply.items.length === 0) return true;
  if (reply.total !== undefined && nextStartAt >= reply.total) return true;
  // Neither `isLast: false` nor a `total` beyond this page: nothing says there is more.
  return reply.isLast !== false && reply.total === undefined;
}

export interface TokenPage<T> {
  items: T[];
  nextPageToken?: string | null;
  isLast?: boolean;
}

/**
 * Reads token pages from the first (no token) while Jira sends a `nextPageToken`; stops after `maxPages` pages
 * or once `maxItems` items are in (the result then holds exactly `maxItems`). `fetchPage` is told how many items
 * are still wanted, so it can ask for no more than that.
 */
export async function readTokenPages<T>(
  fetchPage: (nextPageToken: string | undefined, wanted: number) => Promise<TokenPage<T> | null>,
  bounds: { maxPages: number; maxItems?: number },
): Promise<Paged<T> | null> {
  const maxItems = bounds.maxItems ?? Number.POSITIVE_INFINITY;
  const items: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < bounds.maxPages; page++) {
    const reply = await fetchPage(token, maxItems - items.length);
    if (reply === null) return null;
    items.push(...reply.items);
    const more = typeof reply.nextPageToken === 'string' && reply.nextPageToken !== '' && reply.isLast !== true;
    if (items.length >= maxItems) return { items: items.slice(0, maxItems), complete: !more && items.length === maxItems };
    if (!more) return { items, complete: true };
    token = reply.nextPageToken as string;
  }
  return { items, complete: false };
}
