// Sends one Jira REST call with bounded retries on rate limits and transient failures.
import api, { type RequestInit, type Route } from '@forge/api';
import { UpstreamError } from '../services/errors';

export type Actor = 'user' | 'app';

export interface RetryPolicy {
  maxRetries: number;
  /** Longest wait honoured from a Retry-After header; resolvers have 25 s in all. */
  maxWaitMs: number;
  sleep(ms: number): Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  maxWaitMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const RETRYABLE = new Set([429, 502, 503, 504]);

export interface JiraReply {
  status: number;
  json(): Promise<unknown>;
}

export async function requestJira(actor: Actor, path: Route, init: RequestInit, policy: RetryPolicy): Promise<JiraReply> {
  const client = actor === 'user' ? api.asUser() : api.asApp();
  for (let attempt = 0; ; attempt++) {
    const response = await client.requestJira(path, init);
    if (!RETRYABLE.has(response.status)) return response;
    if (attempt >= policy.maxRetries) {
      throw new UpstreamError(`Jira answered ${response.status} after ${attempt + 1} attempts`, response.status);
    }
    await policy.sleep(retryDelayMs(response.headers.get('retry-after'), attempt, policy.maxWaitMs));
  }
}

/** Retry-After in seconds when given (capped), else exponential backoff from 500 ms. */
export function retryDelayMs(retryAfter: string | null, attempt: number, maxWaitMs: number): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  const wanted = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 500 * 2 ** attempt;
  return Math.min(wanted, maxWaitMs);
}
