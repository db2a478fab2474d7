// What every route needs: storage, the in-memory state, the clock, and a write helper that commits to SQLite,
// then updates memory, then emits product events (in that order, so a failed write changes nothing and fires nothing).
import type { LocalDb } from '../db';
import type { ProductEvent, ProductEventListener } from './backend';
import type { IndexedProperty } from './jql/types';
import { JqlSnapshots } from './jql-snapshot';
import { appViewer } from './permissions';
import { Renderer } from './render';
import { SearchIndex } from './search-index';
import type { JiraState } from './state';
import type { JiraStore } from './store';

export interface Tx {
  /** Runs after the transaction committed (memory updates). */
  after(fn: () => void): void;
  /** Builds and emits an event after commit and memory updates. */
  emit(build: () => ProductEvent): void;
}

/** Sorted search results by caller and JQL, valid while the data version is unchanged (paging reuses them). */
export class SearchCache {
  private readonly entries = new Map<string, { version: number; ids: number[] }>();

  constructor(private readonly capacity = 32) {}

  get(key: string, version: number): number[] | undefined {
    const e = this.entries.get(key);
    if (!e || e.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.ids;
  }

  set(key: string, version: number, ids: number[]): void {
    this.entries.delete(key);
    this.entries.set(key, { version, ids });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

export class Core {
  private readonly listeners = new Set<ProductEventListener>();
  readonly snapshots = new JqlSnapshots();
  readonly searchCache = new SearchCache();

  constructor(
    readonly db: LocalDb,
    readonly store: JiraStore,
    readonly state: JiraState,
    readonly baseUrl: string,
    readonly now: () => number,
    readonly siteTimeZone: string,
    readonly indexedProperties: IndexedProperty[],
    /** What JQL search sees; lags writes by `searchLagMs` (0 = read-after-write consistent). */
    readonly searchIndex: SearchIndex = new SearchIndex(0),
    /** Worklog writes record `timespent`/`WorklogId` history items, as Jira does (option `worklogChangelog`). */
    readonly worklogChangelog = false,
    /** Groups the app's account is in, for group-restricted comments and worklogs (option `appGroups`). */
    readonly appGroups: readonly string[] = [],
    /** Items per page of `worklog/updated` and `worklog/deleted` (option `worklogFeedPageSize`, Jira: 1000). */
    readonly worklogFeedPageSize = 1000,
  ) {}

  write<T>(fn: (tx: Tx) => T): T {
    const after: (() => void)[] = [];
    const events: (() => ProductEvent)[] = [];
    const tx: Tx = { after: (f) => void after.push(f), emit: (b) => void events.push(b) };
    const result = this.db.transaction(() => fn(tx))();
    if (this.searchIndex.enabled) {
      const at = this.now();
      this.state.onPut = (previous, next) => this.searchIndex.recordWrite(at, previous, next);
      try {
        for (const f of after) f();
      } finally {
        this.state.onPut = undefined;
      }
    } else {
      for (const f of after) f();
    }
    this.state.version++;
    for (const build of events) this.deliver(build());
    return result;
  }

  onEvent(listener: ProductEventListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private deliver(event: ProductEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch (err) {
        // A failing subscriber must not undo or break the write that already happened (Jira delivers asynchronously).
        console.error(`Jira emulator: a product event listener threw for ${event.eventType}:`, err);
      }
    }
  }

  /**
   * The renderer of product event payloads, with dates in the site zone. Payloads render the trimmed fields
   * and the comment or worklog itself, none of which the viewer filters.
   */
  eventRenderer(): Renderer {
    return new Renderer(this.baseUrl, this.state, this.store, appViewer(this.appGroups), this.siteTimeZone);
  }
}
