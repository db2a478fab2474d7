// One request as a route sees it: parameters, query, body, the caller, and checks that answer as Jira does.
import type { JiraRequest } from './backend';
import type { Core } from './core';
import { badRequest, forbidden, invalidPayload, isRecord, issueNotFound } from './errors';
import { APP_ACCOUNT_ID, type IssueRec, type ProjectRec } from './model';
import { canSeeIssue, hasProjectPermission, type Viewer } from './permissions';
import { type Json, Renderer } from './render';

export interface RouteResult {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

export const ok = (body: Json, status = 200): RouteResult => ({ status, body });
export const noContent = (): RouteResult => ({ status: 204 });

export class RequestContext {
  private parsedBody: { value: unknown } | undefined;
  private cachedRenderer: Renderer | undefined;

  constructor(
    readonly core: Core,
    readonly req: JiraRequest,
    readonly params: Record<string, string>,
    readonly url: URL,
    readonly viewer: Viewer,
  ) {}

  get state() {
    return this.core.state;
  }

  get catalog() {
    return this.core.state.catalog;
  }

  get timeZone(): string {
    return this.viewer.kind === 'user' ? this.viewer.user.timeZone : this.core.siteTimeZone;
  }

  /** Who acts, for product events. */
  get actor(): { accountId: string | null; fromApp: boolean } {
    return { accountId: this.accountId, fromApp: this.req.fromApp };
  }

  /** The account a write is recorded under: the user, or the app's bot account for `asApp` calls. */
  get authorId(): string {
    return this.accountId ?? APP_ACCOUNT_ID;
  }

  get accountId(): string | null {
    return this.viewer.kind === 'user' ? this.viewer.user.accountId : null;
  }

  get render(): Renderer {
    this.cachedRenderer ??= new Renderer(this.core.baseUrl, this.core.state, this.core.store, this.viewer, this.timeZone);
    return this.cachedRenderer;
  }

  param(name: string): string {
    const v = this.params[name];
    if (v === undefined) throw new Error(`route parameter ${name} missing`);
    return v;
  }

  query(name: string): string | undefined {
    return this.url.searchParams.get(name) ?? undefined;
  }

  /** Every value of a repeatable parameter, comma lists split. */
  queryList(name: string): string[] {
    return this.url.searchParams
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
  }

  intQuery(name: string, fallback: number): number {
    const raw = this.query(name);
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?\d+$/.test(raw)) throw badRequest(`The value '${raw}' is not valid for the parameter '${name}'. It must be an integer.`);
    return Number(raw);
  }

  optionalIntQuery(name: string): number | undefined {
    const raw = this.query(name);
    return raw === undefined || raw === '' ? undefined : this.intQuery(name, 0);
  }

  boolQuery(name: string, fallback: boolean): boolean {
    const raw = this.query(name);
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') throw badRequest(`The value '${raw}' is not valid for the parameter '${name}'. It must be true or false.`);
    return raw === 'true';
  }

  /** `startAt` and `maxResults` of an offset-paged list, checked as Jira does. */
  paging(defaultMax: number, minMax = 0): { startAt: number; maxResults: number } {
    const startAt = this.intQuery('startAt', 0);
    const maxResults = this.intQuery('maxResults', defaultMax);
    if (startAt < 0) throw badRequest('startAt must not be negative.');
    if (maxResults < minMax) throw badRequest(minMax === 0 ? 'maxResults must not be negative.' : `maxResults must be at least ${minMax}.`);
    return { startAt, maxResults };
  }

  /** The JSON body when it is an object; anything else is Jira's generic 400. */
  objectBody(): Record<string, unknown> {
    const body = this.body();
    if (!isRecord(body)) throw invalidPayload();
    return body;
  }

  /** The JSON body; a missing or malformed body is Jira's generic 400. */
  body(): unknown {
    if (!this.parsedBody) {
      const text = this.req.body ?? '';
      if (text.trim() === '') throw invalidPayload();
      try {
        this.parsedBody = { value: JSON.parse(text) };
      } catch {
        throw invalidPayload();
      }
    }
    return this.parsedBody.value;
  }

  /** The issue, or Jira's 404 when it does not exist or the caller may not browse it (indistinguishable, as in Jira). */
  issue(idOrKey: string = this.param('issueIdOrKey')): IssueRec {
    const issue = this.state.findIssue(idOrKey);
    if (!issue || !canSeeIssue(this.viewer, issue, this.catalog)) throw issueNotFound();
    return issue;
  }

  projectOf(issue: IssueRec): ProjectRec {
    const p = this.catalog.projects.get(issue.projectId);
    if (!p) throw new Error(`issue ${issue.key} refers to a missing project ${issue.projectId}`);
    return p;
  }

  requirePermission(project: ProjectRec, key: string, message: string): void {
    if (!hasProjectPermission(this.viewer, project, key)) throw forbidden(message);
  }
}
