// The Jira Cloud emulator: routes REST v3 requests to handlers, applies auth, faults and call counting, and
// owns the storage, memory index and product-event listeners.
import type { LocalDb } from '../db';
import type { JiraBackend, JiraPrincipal, JiraRequest, JiraResponse, ProductEventListener } from './backend';
import { type RequestContext, RequestContext as Ctx, type RouteResult } from './context';
import { Core } from './core';
import { JiraHttpError, unauthorized } from './errors';
import { Faults, type FaultInjector } from './faults';
import type { IndexedProperty } from './jql/types';
import type { NotificationRec } from './model';
import { appViewer, viewerFor } from './permissions';
import { Router } from './router';
import { SearchIndex } from './search-index';
import { changelogRoutes } from './routes/changelogs';
import { commentRoutes } from './routes/comments';
import { issueRoutes } from './routes/issues';
import { notifyRoutes } from './routes/notify';
import { propertyRoutes } from './routes/properties';
import { searchRoutes } from './routes/search';
import { siteRoutes } from './routes/site';
import { worklogRoutes } from './routes/worklogs';
import type { JiraSeed, SeedUser } from './seed';
import { importSeed } from './seed-import';
import { JiraState } from './state';
import { createJiraStore } from './store';

export interface JiraEmulatorOptions {
  db: LocalDb;
  /** From the manifest's `jira:entityProperty` modules: which issue property paths JQL may search. */
  indexedProperties: IndexedProperty[];
  /** Used in `self` links, e.g. `http://localhost:4010`. */
  baseUrl: string;
  /** Clock for created/updated stamps, the worklog feeds' lag and relative JQL dates (default `Date.now`). */
  now?: () => number;
  /** Zone for dates in app (`asApp`) answers and event payloads; users get their profile zone. Default UTC. */
  siteTimeZone?: string;
  /**
   * JQL search sees each issue as it was this many milliseconds (of `now`) ago: an edit is found by its old values,
   * a new issue not at all, until the lag passed, unless the request names the issue in `reconcileIssues`.
   * Default 0: search is read-after-write consistent. See README, "Search lags behind writes".
   */
  searchLagMs?: number;
  /**
   * Adding, editing or deleting a worklog writes the issue history items Jira writes (`timespent`, `WorklogId`,
   * `WorklogTimeSpent` on delete). Default false: worklog writes leave the changelog alone. See README, "Work logged".
   */
  worklogChangelog?: boolean;
  /**
   * Groups the app's account (`asApp` calls) belongs to. A comment or worklog restricted to a group is visible to the
   * app only when the group is listed here. Default none, as for a freshly installed app. See README, "Permissions".
   */
  appGroups?: string[];
  /**
   * Items per page of `worklog/updated` and `worklog/deleted` (Jira: 1000, the default). Tests set it small to reach
   * page ends, which may fall inside a run of equal timestamps, with little data. See README, "Worklogs".
   */
  worklogFeedPageSize?: number;
}

export interface JiraEmulator extends JiraBackend {
  /** Imports a seed in one transaction. Replaces nothing: existing issue keys are an error; call reset() first. */
  importSeed(seed: JiraSeed): void;
  isEmpty(): boolean;
  /** Drops all Jira data (tables stay). */
  reset(): void;
  /** Every write fires product events; `selfGenerated` is the request's `fromApp`. Returns an unsubscribe. */
  onEvent(listener: ProductEventListener): () => void;
  faults: FaultInjector;
  /** Calls received per endpoint key, e.g. `GET /rest/api/3/issue/{issueIdOrKey}` (faulted calls included). */
  calls(): Record<string, number>;
  resetCalls(): void;
  /** `Basic base64(email-or-accountId:anything)` of an active user -> that user; anything else -> anonymous. */
  authenticateBasic(authorization: string | undefined): JiraPrincipal;
  users(): SeedUser[];
  /** Notifications sent through `POST /rest/api/3/issue/{issueIdOrKey}/notify`, oldest first (kept in the database). */
  notifications(): NotificationRec[];
  /** Forgets the recorded notifications. */
  clearNotifications(): void;
}

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };

const ROUTES = [...siteRoutes, ...issueRoutes, ...commentRoutes, ...worklogRoutes, ...propertyRoutes, ...changelogRoutes, ...searchRoutes, ...notifyRoutes];

export function createJiraEmulator(options: JiraEmulatorOptions): JiraEmulator {
  const store = createJiraStore(options.db);
  const state = new JiraState(store);
  const now = options.now ?? Date.now;
  const searchLagMs = options.searchLagMs ?? 0;
  if (!Number.isFinite(searchLagMs) || searchLagMs < 0) throw new Error(`searchLagMs must be a number of milliseconds >= 0 (got ${searchLagMs})`);
  const searchIndex = new SearchIndex(searchLagMs);
  const feedPageSize = options.worklogFeedPageSize ?? 1000;
  if (!Number.isInteger(feedPageSize) || feedPageSize < 1) throw new Error(`worklogFeedPageSize must be a whole number >= 1 (got ${feedPageSize})`);
  const appGroups = [...(options.appGroups ?? [])];
  const core = new Core(
    options.db, store, state, options.baseUrl.replace(/\/+$/, ''), now, options.siteTimeZone ?? 'UTC', options.indexedProperties, searchIndex,
    options.worklogChangelog ?? false, appGroups, feedPageSize,
  );
  const router = new Router(ROUTES);
  const faults = new Faults();
  let callCounts: Record<string, number> = {};

  function respond(result: RouteResult): JiraResponse {
    if (result.body === undefined) return { status: result.status, headers: { ...(result.headers ?? {}) }, body: '' };
    return { status: result.status, headers: { ...JSON_HEADERS, ...(result.headers ?? {}) }, body: JSON.stringify(result.body) };
  }

  function errorResponse(err: JiraHttpError): JiraResponse {
    return {
      status: err.status,
      headers: { ...JSON_HEADERS, ...err.headers },
      body: JSON.stringify({ errorMessages: err.errorMessages, errors: err.errors }),
    };
  }

  async function handle(req: JiraRequest): Promise<JiraResponse> {
    const method = req.method.toUpperCase();
    let url: URL;
    try {
      url = new URL(req.path, 'http://jira.invalid');
    } catch {
      return errorResponse(new JiraHttpError(400, [`The request path '${req.path}' is not a valid URL path.`]));
    }
    const match = router.match(method, url.pathname);
    const key = match.kind === 'none' ? `${method} ${url.pathname}` : match.key;
    callCounts[key] = (callCounts[key] ?? 0) + 1;

    const decision = faults.decide(key, url.pathname, now());
    if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
    if (decision.fault) return { ...decision.fault, headers: { ...decision.fault.headers } };

    if (match.kind === 'none') return errorResponse(new JiraHttpError(404, [`No Jira REST resource at ${method} ${url.pathname} (not emulated, or not in the REST API).`]));
    if (match.kind === 'wrongMethod') {
      return errorResponse(new JiraHttpError(405, [`Method ${method} is not allowed for ${url.pathname}. Allowed: ${match.allowed.join(', ')}.`], {}, { allow: match.allowed.join(', ') }));
    }
    // Jira's REST layer takes JSON only: a body sent without `Content-Type: application/json` is refused.
    const contentType = req.headers['content-type'] ?? Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    if (req.body !== undefined && req.body !== '' && !/\bjson\b/i.test(contentType ?? '')) {
      return errorResponse(new JiraHttpError(415, [`Unsupported Media Type: send the body as JSON with 'Content-Type: application/json' (got ${contentType === undefined ? 'none' : `'${contentType}'`}).`]));
    }
    const viewer = viewerFor(req.principal, state.catalog, appGroups);
    if (!viewer && !match.route.anonymous) return errorResponse(unauthorized());
    // Anonymous routes (serverInfo) read nothing the viewer guards; they get a viewer without groups.
    const ctx: RequestContext = new Ctx(core, req, match.params, url, viewer ?? appViewer());
    try {
      return respond(match.route.handler(ctx));
    } catch (err) {
      if (err instanceof JiraHttpError) return errorResponse(err);
      // A bug in the emulator: say so plainly instead of pretending Jira failed for a reason.
      console.error(`Jira emulator: ${key} failed:`, err);
      return errorResponse(new JiraHttpError(500, [`Internal error in the Jira emulator: ${err instanceof Error ? err.message : String(err)}`]));
    }
  }

  return {
    handle,
    importSeed(seed) {
      importSeed(store, state, seed);
      core.snapshots.invalidate();
      core.searchCache.clear();
    },
    isEmpty: () => store.isEmpty(),
    reset() {
      options.db.transaction(() => store.dropAll())();
      state.reload();
      searchIndex.clear();
      core.snapshots.invalidate();
      core.searchCache.clear();
    },
    onEvent: (listener) => core.onEvent(listener),
    faults,
    calls: () => ({ ...callCounts }),
    resetCalls() {
      callCounts = {};
    },
    authenticateBasic(authorization) {
      const m = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
      if (!m) return { kind: 'anonymous' };
      const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
      const name = decoded.slice(0, decoded.includes(':') ? decoded.indexOf(':') : undefined).toLowerCase();
      const user = state.catalog.usersByEmail.get(name) ?? [...state.catalog.users.values()].find((u) => u.accountId.toLowerCase() === name);
      return user && user.active ? { kind: 'user', accountId: user.accountId } : { kind: 'anonymous' };
    },
    users: () => [...state.catalog.users.values()],
    notifications: () => store.notifications(),
    clearNotifications: () => store.clearNotifications(),
  };
}
