// Sends one Jira REST call, retrying rate limits (429), gateway failures (502/503/504) and network errors with
// exponential backoff plus jitter, honouring Retry-After, and never waiting past the invocation's time limit.
import api, { getAppContext, type RequestInit, type Route } from '@forge/api';
import { type JiraDetail, JiraRateLimited, type JiraTarget, JiraUnavailable, parseDetail, type RetryOutcome } from './errors';

export type Actor = 'user' | 'app';

/** What a transport answers: the parts of a fetch `Response` the gateway reads. */
export interface JiraResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** Sends one request to Jira as the actor. Injectable so tests need no Forge runtime. */
export type Transport = (actor: Actor, path: Route, init: RequestInit) => Promise<JiraResponse>;

export const forgeTransport: Transport = (actor, path, init) => (actor === 'user' ? api.asUser() : api.asApp()).requestJira(path, init);

export interface RetryPolicy {
  /** Retries after the first attempt (so at most maxRetries + 1 requests per call). */
  maxRetries: number;
  /** The first backoff without Retry-After; doubles with every retry (plus jitter). */
  baseDelayMs: number;
  /** Longest single wait. A Retry-After longer than this is not waited for: the call gives up at once. */
  maxWaitMs: number;
  /** Time kept free before the deadline for the last attempt and the caller's own answer (or queueing). */
  reserveMs: number;
  /** An absolute deadline on `now()`, when the caller has one of its own. */
  deadlineMs?: number;
  /** Time left in this invocation. Default: Forge's `invocationRemainingTimeInMillis()`; no limit outside Forge. */
  remainingMs(): number;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** 0 <= x < 1, for jitter. */
  random(): number;
}

/** Forge's time left for the running invocation (25 s resolvers, up to 900 s consumers); Infinity outside Forge. */
export function forgeRemainingMs(): number {
  try {
    const left = getAppContext().invocationRemainingTimeInMillis();
    return Number.isFinite(left) ? left : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxWaitMs: 10_000,
  reserveMs: 2_000,
  remainingMs: forgeRemainingMs,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Error codes of a connection that failed or dropped (Node, undici). */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * A short name for a transport failure worth retrying (`ECONNRESET`, `fetch failed` ...), or null for anything
 * else: Forge platform errors (NEEDS_AUTHENTICATION_ERR, egress refusals, an expired invocation) and bugs are
 * not retried and reach the caller unchanged.
 */
export function networkFailure(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const e = error as Error & { code?: unknown; status?: unknown; cause?: unknown };
  const cause = e.cause as { code?: unknown } | undefined;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
  if (typeof cause?.code === 'string' && NETWORK_CODES.has(cause.code)) return cause.code;
  // Forge's own fetch failure, and the Forge proxy answering for a Jira it could not reach.
  if (e.name === 'FUNCTION_FETCH_ERR') return 'FUNCTION_FETCH_ERR';
  if (e.name === 'PROXY_ERR' && typeof e.status === 'number' && RETRYABLE_STATUS.has(e.status)) return `PROXY_ERR ${e.status}`;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return e.name;
  if (e.name === 'TypeError' && e.message === 'fetch failed') return 'fetch failed';
  return null;
}

const SECONDS = /^\s*\d+(\.\d+)?\s*$/;
/** An HTTP-date (IMF-fixdate, RFC 850 or asctime) starts with a day name. */
const HTTP_DATE = /^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/i;

/** Retry-After in ms from now: delta-seconds or an HTTP-date (a past date is 0); null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  if (SECONDS.test(header)) return Math.round(Number(header) * 1000);
  if (!HTTP_DATE.test(header)) return null;
  // asctime carries no zone; HTTP dates are always GMT.
  const at = Date.parse(/(GMT|UTC)\s*$/i.test(header) ? header : `${header.trim()} GMT`);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * How long to wait before retry number `retry` (0 for the first), or null when Jira asked for a longer wait than
 * the policy allows. With Retry-After: that long plus up to a quarter of the base delay as jitter. Without:
 * exponential backoff from the base delay, capped, with "equal jitter" (half fixed, half random).
 */
export function retryDelayMs(retryAfterMs: number | null, retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxWaitMs' | 'random'>): number | null {
  if (retryAfterMs !== null) {
    if (retryAfterMs > policy.maxWaitMs) return null;
    return Math.min(policy.maxWaitMs, retryAfterMs + Math.floor((policy.random() * policy.baseDelayMs) / 4));
  }
  const exp = Math.min(policy.maxWaitMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(exp / 2 + (policy.random() * exp) / 2);
}

/** Time left for waiting and retrying: the nearer of the deadline and the invocation's end, less the reserve. */
function budgetMs(policy: RetryPolicy): number {
  const now = policy.now();
  const untilDeadline = policy.deadlineMs === undefined ? Number.POSITIVE_INFINITY : policy.deadlineMs - now;
  return Math.min(untilDeadline, policy.remainingMs()) - policy.reserveMs;
}

export interface JiraReply {
  status: number;
  headers: { get(name: string): string | null };
  /** The body as text ('' when there is none). */
  body: string;
}

export interface RequestOptions {
  transport?: Transport;
  /** Which call this is, for the error messages. */
  target?: Omit<JiraTarget, 'actor'>;
  /** Told before each retry: its number (1 = first retry), the reason and the wait. */
  onRetry?(retry: number, reason: string, waitMs: number): void;
}

type Failure = { kind: 'status'; status: number; retryAfterMs: number | null; detail: JiraDetail } | { kind: 'network'; code: string };

/**
 * Sends the request; answers any non-retryable status as it came (the gateway maps 4xx to its errors). Throws
 * JiraRateLimited or JiraUnavailable when retries or time run out, and rethrows Forge platform errors unchanged.
 */
export async function requestJira(actor: Actor, path: Route, init: RequestInit, policy: RetryPolicy, options: RequestOptions = {}): Promise<JiraReply> {
  const transport = options.transport ?? forgeTransport;
  const target: JiraTarget = { operation: options.target?.operation ?? 'request', what: options.target?.what ?? 'the request', action: options.target?.action, actor };
  let lastRetryAfter: number | undefined;
  for (let attempt = 1; ; attempt++) {
    let failure: Failure;
    try {
      const response = await transport(actor, path, init);
      const body = await response.text();
      if (!RETRYABLE_STATUS.has(response.status)) return { status: response.status, headers: response.headers, body };
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), policy.now());
      failure = { kind: 'status', status: response.status, retryAfterMs, detail: parseDetail(body) };
    } catch (error) {
      const code = networkFailure(error);
      if (code === null) throw error;
      failure = { kind: 'network', code };
    }

    const retryAfterMs = failure.kind === 'status' ? failure.retryAfterMs : null;
    if (retryAfterMs !== null) lastRetryAfter = retryAfterMs;
    const waitMs = attempt > policy.maxRetries ? null : retryDelayMs(retryAfterMs, attempt - 1, policy);
    const stoppedBy: RetryOutcome['stoppedBy'] | null =
      attempt > policy.maxRetries ? 'retries' : waitMs === null ? 'wait' : waitMs > budgetMs(policy) ? 'deadline' : null;
    if (stoppedBy !== null || waitMs === null) {
      const outcome: RetryOutcome = { attempts: attempt, retryAfterMs: lastRetryAfter, stoppedBy: stoppedBy ?? 'wait' };
      if (failure.kind === 'network') throw new JiraUnavailable(target, outcome, { status: 0, networkError: failure.code });
      if (failure.status === 429) throw new JiraRateLimited(target, outcome, failure.detail);
      throw new JiraUnavailable(target, outcome, { status: failure.status }, failure.detail);
    }
    options.onRetry?.(attempt, failure.kind === 'status' ? String(failure.status) : failure.code, waitMs);
    await policy.sleep(waitMs);
  }
}
