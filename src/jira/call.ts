// One checked Jira call: counted, sent with retries, the status mapped to a typed error, the reply checked
// against its schema. Every gateway operation goes through `find` (404 is null) or `get` (404 is an error).
import type { RequestInit, Route } from '@forge/api';
import type { ZodError, ZodType } from 'zod';
import { errorForStatus, type JiraTarget, JiraUnexpectedReply, parseDetail } from './errors';
import { type Actor, requestJira, type RetryPolicy, type Transport } from './request';

export interface JiraCall<T> {
  /** The name counted in `calls` and `retries`, and carried by errors. */
  operation: string;
  /** What the call is about, in words, for error messages: `issue SUP-1`. */
  what: string;
  /** For writes: what the call does, as a verb phrase: `set property serviceSla on issue SUP-1`. */
  action?: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: Route;
  /** Sent as JSON. */
  body?: unknown;
  /** Checks the reply's JSON; absent when the app reads no body (a 204). */
  schema?: ZodType<T>;
  /** Statuses that mean success; default 200. */
  ok?: readonly number[];
}

export interface Answer<T> {
  status: number;
  data: T;
}

export interface Caller {
  /** The answer, or null when Jira says 404 (missing, or hidden from the actor). */
  find<T>(call: JiraCall<T>): Promise<Answer<T> | null>;
  /** The answer; a 404 is JiraNotFound. */
  get<T>(call: JiraCall<T>): Promise<Answer<T>>;
}

export interface Counters {
  calls: Record<string, number>;
  retries: Record<string, number>;
}

const bump = (counter: Record<string, number>, operation: string) => {
  counter[operation] = (counter[operation] ?? 0) + 1;
};

function shapeProblem(error: ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? first.path.map(String).join('.') : 'the reply';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${where}: ${first?.message ?? 'invalid'}${more}`;
}

export function createCaller(actor: Actor, policy: RetryPolicy, transport: Transport, counters: Counters): Caller {
  async function exchange<T>(call: JiraCall<T>, nullOn404: boolean): Promise<Answer<T> | null> {
    const target: JiraTarget = { operation: call.operation, what: call.what, action: call.action, actor };
    bump(counters.calls, call.operation);
    const sendsBody = call.body !== undefined;
    const init: RequestInit = {
      method: call.method ?? 'GET',
      headers: sendsBody ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
      ...(sendsBody ? { body: JSON.stringify(call.body) } : {}),
    };
    const reply = await requestJira(actor, call.path, init, policy, {
      transport,
      target,
      onRetry: () => bump(counters.retries, call.operation),
    });
    if (!(call.ok ?? [200]).includes(reply.status)) {
      if (reply.status === 404 && nullOn404) return null;
      throw errorForStatus(target, reply.status, parseDetail(reply.body));
    }
    if (!call.schema) return { status: reply.status, data: undefined as T };
    let json: unknown;
    try {
      json = JSON.parse(reply.body);
    } catch {
      throw new JiraUnexpectedReply(target, reply.status, undefined, reply.body === '' ? 'no body' : 'not JSON');
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) throw new JiraUnexpectedReply(target, reply.status, undefined, shapeProblem(parsed.error));
    return { status: reply.status, data: parsed.data };
  }

  return {
    find: (call) => exchange(call, true),
    // Never null: a 404 threw.
    get: async <T>(call: JiraCall<T>) => (await exchange(call, false)) as Answer<T>,
  };
}
