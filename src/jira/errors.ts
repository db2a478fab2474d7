// What can go wrong when the app asks Jira, one class per cause, each saying in plain words what happened.
// Every class extends UpstreamError, so callers that only know "Jira failed" keep working; callers that care
// (resolvers, the SLA recompute) tell them apart by class, `code` or `retryable`.
import { UpstreamError } from '../services/errors';
import type { Actor } from './request';

/** The call that failed: counted operation name, what it was about, and (for writes) what it tried to do. */
export interface JiraTarget {
  /** The gateway's operation name, as counted in `calls` (e.g. `getIssue`). */
  operation: string;
  /** What the call reads or writes, in words: `issue SUP-1`, `the changelog of SUP-1`. */
  what: string;
  /** For writes: what the call tried to do, as a verb phrase (`set property serviceSla on issue SUP-1`). */
  action?: string;
  actor: Actor;
}

/** Jira's own explanation, from its `ErrorCollection` (`errorMessages`, `errors`) or a bare `message`. */
export interface JiraDetail {
  errorMessages: string[];
  /** Field name -> message, for a 400 about a field. */
  errors: Record<string, string>;
}

export type JiraErrorCode =
  | 'JIRA_BAD_REQUEST'
  | 'JIRA_REQUEST_REFUSED'
  | 'JIRA_UNAUTHORIZED'
  | 'JIRA_FORBIDDEN'
  | 'JIRA_NOT_FOUND'
  | 'JIRA_RATE_LIMITED'
  | 'JIRA_UNAVAILABLE'
  | 'JIRA_UNEXPECTED_REPLY';

const who = (actor: Actor): string => (actor === 'user' ? 'this user' : 'the app');

/** Jira's explanation as one sentence-ish line, or '' when it gave none. */
export function detailText(detail: JiraDetail): string {
  const parts = [...detail.errorMessages, ...Object.entries(detail.errors).map(([field, message]) => `${field}: ${message}`)];
  return parts.map((p) => p.trim()).filter((p) => p.length > 0).join('; ');
}

export abstract class JiraError extends UpstreamError {
  abstract readonly code: JiraErrorCode;
  /** True when the same call may succeed later (rate limit, outage): queue the work rather than drop it. */
  readonly retryable: boolean = false;
  readonly operation: string;
  readonly actor: Actor;
  readonly detail: JiraDetail;

  constructor(name: string, message: string, status: number, target: JiraTarget, detail: JiraDetail = { errorMessages: [], errors: {} }) {
    super(message, status);
    // UpstreamError types `name` as its own literal; at run time each class says its own (logs, toJSON).
    Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true, enumerable: false });
    this.operation = target.operation;
    this.actor = target.actor;
    this.detail = detail;
  }

  /** What a log line or a queue record should hold: never a stack. */
  toJSON(): { name: string; code: JiraErrorCode; status: number; operation: string; message: string } {
    return { name: this.name, code: this.code, status: this.status, operation: this.operation, message: this.message };
  }
}

/** 400: Jira rejected the request as malformed; its explanation is part of the message. */
export class JiraBadRequest extends JiraError {
  readonly code: JiraErrorCode = 'JIRA_BAD_REQUEST';
  constructor(target: JiraTarget, detail: JiraDetail, message?: string, name = 'JiraBadRequest') {
    const text = detailText(detail);
    super(name, message ?? `Jira rejected the request for ${target.what} (400)${text ? `: ${text}` : '.'}`, 400, target, detail);
  }
}

/** Refused by the gateway before sending, because Jira would reject it (a property value over 32 KB ...). */
export class JiraRequestRefused extends JiraBadRequest {
  override readonly code = 'JIRA_REQUEST_REFUSED';
  constructor(target: JiraTarget, reason: string) {
    const request = target.action ?? `the request for ${target.what}`;
    super(target, { errorMessages: [reason], errors: {} }, `Not sent to Jira: ${request} would be rejected. ${reason}`, 'JiraRequestRefused');
  }
}

/** 401: Jira did not accept the credentials (no user, consent missing, a scope the app lacks). */
export class JiraUnauthorized extends JiraError {
  readonly code = 'JIRA_UNAUTHORIZED';
  constructor(target: JiraTarget, detail: JiraDetail) {
    super('JiraUnauthorized', `Jira did not accept the credentials of ${who(target.actor)} for ${target.what} (401).`, 401, target, detail);
  }
}

/** 403: the caller may see the thing but not do this with it. */
export class JiraForbidden extends JiraError {
  readonly code = 'JIRA_FORBIDDEN';
  constructor(target: JiraTarget, detail: JiraDetail) {
    const message = target.action
      ? `Jira refused to let ${who(target.actor)} ${target.action} (403).`
      : `Jira refused to show ${target.what} to ${who(target.actor)} (403).`;
    super('JiraForbidden', message, 403, target, detail);
  }
}

/** 404 where the method does not answer null for it: missing, or hidden from the caller (Jira does not say which). */
export class JiraNotFound extends JiraError {
  readonly code = 'JIRA_NOT_FOUND';
  constructor(target: JiraTarget, detail: JiraDetail) {
    super('JiraNotFound', `Jira found no ${target.what}, or hides it from ${who(target.actor)} (404).`, 404, target, detail);
  }
}

/** How a retried call ended: the attempts made, and how long Jira last asked to wait (if it said). */
export interface RetryOutcome {
  attempts: number;
  /** Jira's last Retry-After, in ms: the earliest moment a queued retry makes sense. */
  retryAfterMs?: number;
  /**
   * Why the gateway stopped: it used all its retries, the next wait would run past the time limit, or Jira asked
   * for a longer wait than the policy allows.
   */
  stoppedBy: 'retries' | 'deadline' | 'wait';
}

function gaveUp(outcome: RetryOutcome): string {
  const attempts = `${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`;
  const why =
    outcome.stoppedBy === 'deadline'
      ? `gave up after ${attempts} to finish in time`
      : outcome.stoppedBy === 'wait'
        ? `gave up after ${attempts} rather than wait that long`
        : `gave up after ${attempts}`;
  const wait = outcome.retryAfterMs !== undefined ? `; Jira asked to wait ${Math.ceil(outcome.retryAfterMs / 1000)} s` : '';
  return `${why}${wait}`;
}

/** 429 on every attempt the time allowed: try again later (`retryAfterMs` says when). */
export class JiraRateLimited extends JiraError {
  readonly code = 'JIRA_RATE_LIMITED';
  override readonly retryable = true;
  readonly attempts: number;
  readonly retryAfterMs?: number;
  readonly stoppedBy: RetryOutcome['stoppedBy'];
  constructor(target: JiraTarget, outcome: RetryOutcome, detail?: JiraDetail) {
    super('JiraRateLimited', `Jira kept limiting the rate of requests for ${target.what} (429): ${gaveUp(outcome)}.`, 429, target, detail);
    this.attempts = outcome.attempts;
    this.retryAfterMs = outcome.retryAfterMs;
    this.stoppedBy = outcome.stoppedBy;
  }
}

/** 502/503/504 or a network failure (status 0) on every attempt the time allowed: try again later. */
export class JiraUnavailable extends JiraError {
  readonly code = 'JIRA_UNAVAILABLE';
  override readonly retryable = true;
  readonly attempts: number;
  readonly retryAfterMs?: number;
  readonly stoppedBy: RetryOutcome['stoppedBy'];
  constructor(target: JiraTarget, outcome: RetryOutcome, last: { status: number; networkError?: string }, detail?: JiraDetail) {
    const what =
      last.status === 0
        ? `Could not reach Jira for ${target.what} (network error: ${last.networkError ?? 'unknown'})`
        : `Jira was unavailable for ${target.what} (${last.status})`;
    super('JiraUnavailable', `${what}: ${gaveUp(outcome)}.`, last.status, target, detail);
    this.attempts = outcome.attempts;
    this.retryAfterMs = outcome.retryAfterMs;
    this.stoppedBy = outcome.stoppedBy;
  }
}

/** A status the call does not expect (500, 409 ...) or a reply whose shape the app does not understand. */
export class JiraUnexpectedReply extends JiraError {
  readonly code = 'JIRA_UNEXPECTED_REPLY';
  constructor(target: JiraTarget, status: number, detail?: JiraDetail, shapeProblem?: string) {
    const text = detail ? detailText(detail) : '';
    const message = shapeProblem
      ? `Jira sent a reply the app does not understand for ${target.what} (${status}): ${shapeProblem}.`
      : `Jira answered ${status} for ${target.what}, which the app does not expect${text ? `: ${text}` : '.'}`;
    super('JiraUnexpectedReply', message, status, target, detail);
  }
}

/** The typed error for a non-success answer that is not retried (400, 401, 403, 404, other). */
export function errorForStatus(target: JiraTarget, status: number, detail: JiraDetail): JiraError {
  switch (status) {
    case 400:
      return new JiraBadRequest(target, detail);
    case 401:
      return new JiraUnauthorized(target, detail);
    case 403:
      return new JiraForbidden(target, detail);
    case 404:
      return new JiraNotFound(target, detail);
    default:
      return new JiraUnexpectedReply(target, status, detail);
  }
}

/** Reads Jira's error body (`{ errorMessages, errors }`, or `{ message }` from the platform); never throws. */
export function parseDetail(body: string): JiraDetail {
  const detail: JiraDetail = { errorMessages: [], errors: {} };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return detail;
  }
  if (typeof json !== 'object' || json === null) return detail;
  const record = json as Record<string, unknown>;
  if (Array.isArray(record.errorMessages)) detail.errorMessages.push(...record.errorMessages.filter((m): m is string => typeof m === 'string'));
  if (typeof record.errors === 'object' && record.errors !== null && !Array.isArray(record.errors)) {
    for (const [field, message] of Object.entries(record.errors)) if (typeof message === 'string') detail.errors[field] = message;
  }
  if (typeof record.message === 'string') detail.errorMessages.push(record.message);
  return detail;
}
