// `/issues?jql=...`: issue search through `GET /rest/api/3/search/jql`, paged with `nextPageToken` as Jira does
// (no totals, no random access: "first page" and "next page"). A 400 shows Jira's own message.
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import * as shapes from '../jira-shapes';
import type { PageRequest, PageResult } from './context';
import { priorityMark, statusLozenge } from './bits';

// Jira Cloud refuses unbounded JQL on search/jql, so the default is bounded (Jira's "open issues").
export const DEFAULT_JQL = 'resolution = Unresolved ORDER BY updated DESC';
const PAGE_SIZE = 25;

/** Jira's built-in filters, as JQL the emulator runs. */
const QUICK_FILTERS: { label: string; jql: string }[] = [
  { label: 'Open issues', jql: DEFAULT_JQL },
  { label: 'Assigned to me', jql: 'assignee = currentUser() AND resolution = Unresolved ORDER BY updated DESC' },
  { label: 'Reported by me', jql: 'reporter = currentUser() ORDER BY created DESC' },
  { label: 'Updated in the last 7 days', jql: 'updated >= -7d ORDER BY updated DESC' },
  { label: 'Done', jql: 'statusCategory = Done ORDER BY updated DESC' },
];
const FIELDS = 'summary,status,priority,assignee,issuetype,updated';

function searchHref(jql: string, token?: string, page?: number): string {
  const q = new URLSearchParams({ jql });
  if (token) q.set('nextPageToken', token);
  if (page && page > 1) q.set('page', String(page));
  return `/issues?${q.toString()}`;
}

export async function searchPage(req: PageRequest): Promise<PageResult> {
  const jql = req.url.searchParams.get('jql') ?? DEFAULT_JQL;
  const token = req.url.searchParams.get('nextPageToken') ?? undefined;
  const page = Math.max(1, Number(req.url.searchParams.get('page') ?? '1') || 1);
  const query = new URLSearchParams({ jql, maxResults: String(PAGE_SIZE), fields: FIELDS });
  if (token) query.set('nextPageToken', token);
  const read = await req.jira.get(`/rest/api/3/search/jql?${query.toString()}`, shapes.searchPage);

  const form = html`<form class="jql-form" method="get" action="/issues" data-testid="jql-form">
    <label class="visually-hidden" for="jql">JQL</label>
    <input id="jql" name="jql" class="jql-input" value="${jql}" spellcheck="false" autocomplete="off" placeholder="project = SUP AND status != Done ORDER BY updated DESC" data-testid="jql-input">
    <button type="submit" class="button button-primary">Search</button>
  </form>
  <nav class="quick-filters" aria-label="Filters">${QUICK_FILTERS.map(
    (f) => html`<a href="${searchHref(f.jql)}"${f.jql === jql ? html` class="active" aria-current="true"` : html``}>${f.label}</a>`,
  )}</nav>`;

  let results: SafeHtml;
  let status = 200;
  if (!read.ok) {
    status = read.status === 400 ? 400 : 502;
    results = html`<div class="section-message section-message-error" role="alert" data-testid="jql-error">
      <strong>${read.status === 400 ? 'The JQL query could not be run' : 'Search failed'}</strong>
      <ul>${read.messages.map((m) => html`<li>${m}</li>`)}</ul>
    </div>`;
  } else if (read.data.issues.length === 0) {
    results = html`<p class="empty-line muted" data-testid="search-empty">${page > 1 ? 'No more issues.' : 'No issues match this query (or you cannot see them).'}</p>`;
  } else {
    const next = read.data.nextPageToken && read.data.isLast !== true ? read.data.nextPageToken : undefined;
    results = html`<table class="table issues" data-testid="search-results">
      <thead><tr><th>Type</th><th>Key</th><th>Summary</th><th>Status</th><th>Priority</th><th>Assignee</th><th>Updated</th></tr></thead>
      <tbody>${read.data.issues.map((i) => {
        const f = i.fields;
        return html`<tr data-testid="search-row">
          <td class="nowrap">${f.issuetype?.name ?? ''}</td>
          <td class="nowrap"><a href="/browse/${i.key}">${i.key}</a></td>
          <td><a href="/browse/${i.key}" class="summary-link">${f.summary}</a></td>
          <td class="nowrap">${statusLozenge(f.status)}</td>
          <td class="nowrap">${priorityMark(f.priority)}</td>
          <td class="nowrap">${f.assignee?.displayName ?? html`<span class="muted">Unassigned</span>`}</td>
          <td class="nowrap">${formatDateTime(f.updated, req.viewer)}</td>
        </tr>`;
      })}</tbody>
    </table>
    <div class="pager" data-testid="pager">
      <span class="muted">Page ${page} · ${read.data.issues.length} ${read.data.issues.length === 1 ? 'issue' : 'issues'}</span>
      <span class="spacer"></span>
      ${page > 1 ? html`<a class="button" href="${searchHref(jql)}">First page</a>` : html``}
      ${next ? html`<a class="button" href="${searchHref(jql, next, page + 1)}" data-testid="next-page">Next page</a>` : html``}
    </div>`;
  }
  const body = html`<div class="page-header"><h1>Search issues</h1></div>${form}${results}`;
  return { status, title: 'Issues', active: 'issues', body };
}
