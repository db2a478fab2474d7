// A scripted Jira for gateway unit tests (no Forge runtime): requests are recorded, answers come from a handler,
// and time is a counter that `sleep` advances.
import type { Route } from '@forge/api';
import type { RetryPolicy, Transport } from '../../../src/jira/request';

export interface Sent {
  actor: 'user' | 'app';
  method: string;
  /** Path and query, decoded. */
  path: string;
  body: unknown;
}

export type Handler = (req: Sent) => Response | Error | Promise<Response | Error>;

export function reply(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  const empty = body === undefined || status === 204;
  return new Response(empty ? null : JSON.stringify(body), {
    status,
    headers: empty ? headers : { 'content-type': 'application/json', ...headers },
  });
}

export const jiraError = (status: number, errorMessages: string[], errors: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  reply(status, { errorMessages, errors }, headers);

/** An error as Node's fetch throws it when the connection drops. */
export function connectionReset(): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
}

export class FakeJira {
  readonly sent: Sent[] = [];
  constructor(private handler: Handler) {}

  readonly transport: Transport = async (actor, path: Route, init) => {
    const req: Sent = {
      actor,
      method: init.method ?? 'GET',
      path: decodeURIComponent(path.value),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    this.sent.push(req);
    const answer = await this.handler(req);
    if (answer instanceof Error) throw answer;
    return answer;
  };

  /** Answers these in order, then falls back to the handler. */
  script(...answers: (Response | Error)[]): this {
    const fallback = this.handler;
    this.handler = (req) => answers.shift() ?? fallback(req);
    return this;
  }
}

/** A clock that only moves when the code under test sleeps. */
export class FakeClock {
  now = Date.parse('2026-03-02T09:00:00.000Z');
  readonly sleeps: number[] = [];
  random = 0.5;

  policy(overrides: Partial<RetryPolicy> = {}): Partial<RetryPolicy> {
    return {
      now: () => this.now,
      sleep: async (ms) => {
        this.sleeps.push(ms);
        this.now += ms;
      },
      random: () => this.random,
      remainingMs: () => Number.POSITIVE_INFINITY,
      ...overrides,
    };
  }
}
