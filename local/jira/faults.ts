// Fault injection for tests and benchmarks: latency, 429 with Retry-After, or 5xx, for matching calls, either for
// the next N calls or for a share of them. Rates are applied deterministically (an accumulator, not a coin toss),
// so `rate: 0.25` faults exactly every fourth matching call and runs are repeatable.

export interface FaultRule {
  /** Endpoint key (`GET /rest/api/3/issue/{issueIdOrKey}`) or path; a string matches by equality or as a prefix of the path. Absent: every call. */
  match?: string | RegExp;
  /** Delay before answering (applies to every matching call the rule covers, faulted or not). */
  latencyMs?: number;
  status?: 429 | 500 | 502 | 503;
  /** Seconds in `Retry-After` (429 default 1; 503 only when given). */
  retryAfterSeconds?: number;
  /** Share of matching calls to fault, 0..1 (default 1). */
  rate?: number;
  /** Fault only the next `count` matching calls, then the rule retires. */
  count?: number;
}

export interface FaultHandle { remove(): void }

export interface FaultInjector {
  inject(rule: FaultRule): FaultHandle;
  clear(): void;
  /** Rules still active (for assertions and debug pages). */
  active(): readonly FaultRule[];
}

export interface FaultDecision {
  latencyMs: number;
  fault?: { status: number; headers: Record<string, string>; body: string };
}

interface LiveRule { rule: FaultRule; remaining: number; acc: number }

export class Faults implements FaultInjector {
  private rules: LiveRule[] = [];

  inject(rule: FaultRule): FaultHandle {
    if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1)) throw new Error(`fault rate must be within 0..1, got ${rule.rate}`);
    if (rule.count !== undefined && !(Number.isInteger(rule.count) && rule.count >= 0)) throw new Error(`fault count must be a whole number, got ${rule.count}`);
    const live: LiveRule = { rule, remaining: rule.count ?? Number.POSITIVE_INFINITY, acc: 0 };
    this.rules.push(live);
    return { remove: () => void (this.rules = this.rules.filter((r) => r !== live)) };
  }

  clear(): void {
    this.rules = [];
  }

  active(): readonly FaultRule[] {
    return this.rules.map((r) => r.rule);
  }

  /** Decides what happens to one call; consumes `count` and advances `rate` of the rules it matches. */
  decide(endpointKey: string, path: string, now: number): FaultDecision {
    let latencyMs = 0;
    let fault: FaultDecision['fault'];
    for (const live of [...this.rules]) {
      if (!matches(live.rule.match, endpointKey, path)) continue;
      latencyMs = Math.max(latencyMs, live.rule.latencyMs ?? 0);
      if (live.rule.status === undefined || fault) continue;
      live.acc += live.rule.rate ?? 1;
      if (live.acc < 1 - 1e-9) continue;
      live.acc -= 1;
      fault = response(live.rule, now);
      live.remaining -= 1;
      if (live.remaining <= 0) this.rules = this.rules.filter((r) => r !== live);
    }
    return fault ? { latencyMs, fault } : { latencyMs };
  }
}

function matches(match: FaultRule['match'], endpointKey: string, path: string): boolean {
  if (match === undefined) return true;
  if (match instanceof RegExp) return match.test(endpointKey) || match.test(path);
  return match === endpointKey || path === match || path.startsWith(match);
}

function response(rule: FaultRule, now: number): NonNullable<FaultDecision['fault']> {
  const status = rule.status ?? 500;
  const headers: Record<string, string> = { 'content-type': 'application/json;charset=UTF-8' };
  if (status === 429) {
    const seconds = rule.retryAfterSeconds ?? 1;
    headers['retry-after'] = String(seconds);
    headers['x-ratelimit-limit'] = '100';
    headers['x-ratelimit-remaining'] = '0';
    headers['x-ratelimit-reset'] = new Date(now + seconds * 1000).toISOString();
    headers['ratelimit-reason'] = 'jira-burst-based';
    return { status, headers, body: JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }) };
  }
  if (rule.retryAfterSeconds !== undefined) headers['retry-after'] = String(rule.retryAfterSeconds);
  const message = status === 500 ? 'Internal server error.' : status === 502 ? 'Bad gateway.' : 'Service unavailable.';
  return { status, headers, body: JSON.stringify({ errorMessages: [message], errors: {} }) };
}
