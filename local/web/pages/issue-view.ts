// `/browse/KEY`: Jira's issue view. Left: summary, actions, description, comments, work log. Right: details and
// the app's issue panels in iframes. Every action posts to the same-origin REST API (assets/issue-view.js).
import { adfToHtml, formatDateTime, formatSeconds, parseJiraDate, type Viewer } from '../format';
import { frameContext, framesData, moduleLinks, panelFrame, type FrameSpec } from '../frames';
import { html, jsonScript, type SafeHtml } from '../html';
import type { JiraRead } from '../jira-client';
import * as shapes from '../jira-shapes';
import type { Comment, Issue, Priority, Status, Worklog } from '../jira-shapes';
import type { PageRequest, PageResult } from './context';
import { personChip, priorityMark, statusLozenge } from './bits';
import { avatar, messageBody } from './layout';

const ISSUE_FIELDS = 'summary,status,priority,issuetype,project,assignee,reporter,labels,components,created,updated,resolutiondate,resolution,description';
export const ISSUE_MODULE_TYPES = ['jira:issuePanel', 'jira:issueContext'];

export function notFound(key: string): PageResult {
  return {
    status: 404,
    title: 'Issue not found',
    active: 'issues',
    body: messageBody(
      'Issue not found',
      `The issue ${key} does not exist, or you do not have permission to see it. Switch user (top right) if you expected to see it.`,
      'issue-not-found',
      { icon: 'lock', tone: 'warning', links: [{ href: '/issues', label: 'Search issues' }, { href: '/projects', label: 'Go to projects' }] },
    ),
  };
}

/** `YYYY-MM-DDTHH:mm` now, on the wall clock of `timeZone` (the log-work form's default start). */
function wallClockNow(timeZone: string): string {
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date())
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  } catch {
    return new Date().toISOString().slice(0, 16);
  }
}

function detailRow(label: string, value: SafeHtml, testId: string): SafeHtml {
  return html`<div class="detail-row"><dt>${label}</dt><dd data-testid="${testId}">${value}</dd></div>`;
}

function chips(values: string[]): SafeHtml {
  if (values.length === 0) return html`<span class="muted">None</span>`;
  return html`${values.map((v) => html`<span class="chip">${v}</span>`)}`;
}

function details(issue: Issue, viewer: Viewer): SafeHtml {
  const f = issue.fields;
  return html`<section class="card details" id="issue-details" data-live="details">
    <h2 class="card-title">Details</h2>
    <dl>
      ${detailRow('Status', statusLozenge(f.status), 'field-status')}
      ${detailRow('Type', html`${f.issuetype?.name ?? ''}`, 'field-type')}
      ${detailRow('Priority', html`${priorityMark(f.priority)}`, 'field-priority')}
      ${detailRow('Assignee', personChip(f.assignee, 'Unassigned'), 'field-assignee')}
      ${detailRow('Reporter', personChip(f.reporter, 'Nobody'), 'field-reporter')}
      ${detailRow('Labels', chips(f.labels ?? []), 'field-labels')}
      ${detailRow('Components', chips((f.components ?? []).map((c) => c.name)), 'field-components')}
      ${detailRow('Created', html`${formatDateTime(f.created, viewer)}`, 'field-created')}
      ${detailRow('Updated', html`${formatDateTime(f.updated, viewer)}`, 'field-updated')}
      ${detailRow('Resolved', f.resolutiondate ? html`${formatDateTime(f.resolutiondate, viewer)}${f.resolution ? html` <span class="muted">(${f.resolution.name})</span>` : html``}` : html`<span class="muted">Unresolved</span>`, 'field-resolved')}
    </dl>
  </section>`;
}

function actionsBar(issue: Issue, transitions: JiraRead<{ transitions: { id: string; name: string; to?: Status }[] }>, priorities: JiraRead<Priority[]>): SafeHtml {
  const f = issue.fields;
  const transitionControl = transitions.ok
    ? html`<label class="control"><span class="control-label">Status</span>
        <select data-action="transition" data-testid="transition-select" ${transitions.data.transitions.length === 0 ? html`disabled` : html``}>
          <option value="" selected>${f.status?.name ?? 'Status'}</option>
          ${transitions.data.transitions.map((t) => html`<option value="${t.id}">${t.name}${t.to && t.to.name !== t.name ? ` → ${t.to.name}` : ''}</option>`)}
        </select></label>`
    : html``;
  const priorityControl = priorities.ok
    ? html`<label class="control"><span class="control-label">Priority</span>
        <select data-action="priority" data-testid="priority-select">
          ${f.priority ? html`` : html`<option value="" selected>None</option>`}
          ${priorities.data.map((p) => html`<option value="${p.id}"${p.id === f.priority?.id ? html` selected` : html``}>${p.name}</option>`)}
        </select></label>`
    : html``;
  return html`<div class="actions-bar">${transitionControl}${priorityControl}<span class="action-status" data-testid="action-status" role="status"></span></div>`;
}

function commentItem(c: Comment, viewer: Viewer): SafeHtml {
  const internal = c.jsdPublic === false || c.visibility !== undefined;
  const name = c.author?.displayName ?? 'Unknown user';
  return html`<li class="activity-item${internal ? ' internal' : ''}" data-testid="comment">
    ${avatar(name, c.author?.accountId ?? name, 'medium')}
    <div class="activity-body">
      <div class="activity-meta"><strong>${name}</strong><span class="muted">${formatDateTime(c.created, viewer)}</span>
        ${internal ? html`<span class="lozenge lozenge-moved" title="Visible to the service team only">Internal</span>` : html`<span class="lozenge lozenge-new" title="Visible to the customer">Public</span>`}</div>
      <div class="rich-text">${adfToHtml(c.body) ?? html`<p class="muted">(empty)</p>`}</div>
    </div>
  </li>`;
}

function commentsSection(result: JiraRead<{ comments: Comment[] }>, viewer: Viewer, canMarkInternal: boolean): SafeHtml {
  const list = result.ok
    ? [...result.data.comments].sort((a, b) => (parseJiraDate(b.created)?.getTime() ?? 0) - (parseJiraDate(a.created)?.getTime() ?? 0))
    : [];
  return html`<section class="section" id="comments">
    <h2 class="section-title">Comments <span class="count">${list.length}</span></h2>
    <form class="stack-form" data-action="comment" data-testid="comment-form">
      <label class="visually-hidden" for="comment-body">Comment</label>
      <textarea id="comment-body" name="body" rows="3" placeholder="Add a comment…" required></textarea>
      <div class="form-row">
        ${canMarkInternal ? html`<label class="checkbox"><input type="checkbox" name="internal" data-testid="comment-internal"> Internal note (not shown to the customer)</label>` : html``}
        <span class="spacer"></span>
        <button type="submit" class="button button-primary">Add comment</button>
      </div>
      <p class="form-error" role="alert" hidden></p>
    </form>
    ${result.ok ? html`` : html`<p class="notice notice-error">${result.messages.join(' ')}</p>`}
    ${list.length === 0 && result.ok ? html`<p class="muted empty-line">No comments yet.</p>` : html``}
    <ul class="activity" data-testid="comments">${list.map((c) => commentItem(c, viewer))}</ul>
  </section>`;
}

function worklogSection(result: JiraRead<{ worklogs: Worklog[] }>, viewer: Viewer): SafeHtml {
  const list = result.ok
    ? [...result.data.worklogs].sort((a, b) => (parseJiraDate(b.started)?.getTime() ?? 0) - (parseJiraDate(a.started)?.getTime() ?? 0))
    : [];
  const total = list.reduce((s, w) => s + w.timeSpentSeconds, 0);
  return html`<section class="section" id="worklogs">
    <h2 class="section-title">Work log <span class="count">${list.length}</span>${total > 0 ? html`<span class="muted total">${formatSeconds(total)} logged</span>` : html``}</h2>
    <form class="grid-form" data-action="worklog" data-testid="worklog-form">
      <label>Time spent<input name="timeSpent" placeholder="e.g. 1h 30m" required autocomplete="off" data-testid="worklog-time"></label>
      <label>Started<input type="datetime-local" name="started" value="${wallClockNow(viewer.timeZone)}" required data-testid="worklog-started"></label>
      <label class="wide">Work description<input name="comment" placeholder="What did you do?" autocomplete="off"></label>
      <div class="form-row wide"><span class="muted">Times are in your time zone (${viewer.timeZone}).</span><span class="spacer"></span><button type="submit" class="button">Log work</button></div>
      <p class="form-error wide" role="alert" hidden></p>
    </form>
    ${result.ok ? html`` : html`<p class="notice notice-error">${result.messages.join(' ')}</p>`}
    ${list.length === 0 && result.ok ? html`<p class="muted empty-line">No work logged yet.</p>` : html``}
    ${list.length > 0
      ? html`<table class="table worklogs" data-testid="worklogs"><thead><tr><th>Who</th><th>Started</th><th>Time</th><th>Description</th></tr></thead><tbody>
        ${list.map((w) => {
          const name = w.author?.displayName ?? 'Unknown user';
          return html`<tr data-testid="worklog"><td><span class="person">${avatar(name, w.author?.accountId ?? name)}<span>${name}</span></span></td>
            <td>${formatDateTime(w.started, viewer)}</td><td class="nowrap">${w.timeSpent ?? formatSeconds(w.timeSpentSeconds)}</td>
            <td>${adfToHtml(w.comment) ?? html`<span class="muted">-</span>`}</td></tr>`;
        })}</tbody></table>`
      : html``}
  </section>`;
}

export async function issueViewPage(req: PageRequest, key: string): Promise<PageResult> {
  if (!/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(key)) return notFound(key);
  const enc = encodeURIComponent(key);
  const issueRead = await req.jira.get(`/rest/api/3/issue/${enc}?fields=${ISSUE_FIELDS}`, shapes.issue);
  if (!issueRead.ok) {
    if (issueRead.status === 404 || issueRead.status === 403 || issueRead.status === 401) return notFound(key);
    return { status: 502, title: key, active: 'issues', body: messageBody('Jira could not show this issue', issueRead.messages.join(' '), 'issue-error', { icon: 'warning', tone: 'error' }) };
  }
  const issue = issueRead.data;
  const f = issue.fields;
  const [comments, worklogs, transitions, priorities] = await Promise.all([
    req.jira.get(`/rest/api/3/issue/${enc}/comment?maxResults=100&orderBy=created`, shapes.comments),
    req.jira.get(`/rest/api/3/issue/${enc}/worklog?maxResults=100`, shapes.worklogs),
    req.jira.get(`/rest/api/3/issue/${enc}/transitions`, shapes.transitions),
    req.jira.get('/rest/api/3/priority', shapes.priorities),
  ]);

  const frames: FrameSpec[] = req.manifest.uiModules
    .filter((m) => ISSUE_MODULE_TYPES.includes(m.type))
    .map((m, i) => ({
      frameId: `frame-${i + 1}`,
      moduleKey: m.key,
      title: req.moduleTitle(m),
      resource: m.resource,
      context: frameContext(m, req.frameUser, req.site, {
        issue: { id: issue.id, key: issue.key, type: f.issuetype?.name ?? '', typeId: f.issuetype?.id ?? '' },
        project: { id: f.project?.id ?? '', key: f.project?.key ?? '', type: f.project?.projectTypeKey ?? 'service_desk' },
      }),
    }));

  const description = adfToHtml(f.description);
  const projectLink = f.project ? html`<a href="/issues?jql=${encodeURIComponent(`project = ${f.project.key} ORDER BY updated DESC`)}">${f.project.name}</a>` : html``;
  const body = html`
  <nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/projects">Projects</a><span>/</span>${projectLink}<span>/</span><span data-testid="issue-key">${issue.key}</span></nav>
  <div class="issue-layout">
    <div class="issue-main" id="issue-main" data-live="main">
      <h1 class="issue-summary" data-testid="issue-summary">${f.summary}</h1>
      <div class="issue-subhead">${statusLozenge(f.status, 'issue-status')}<span class="muted">${f.issuetype?.name ?? ''} · ${issue.key}</span></div>
      ${actionsBar(issue, transitions, priorities)}
      <section class="section">
        <h2 class="section-title">Description</h2>
        <div class="rich-text" data-testid="issue-description">${description ?? html`<p class="muted">No description.</p>`}</div>
      </section>
      ${commentsSection(comments, req.viewer, req.person.role !== 'customer')}
      ${worklogSection(worklogs, req.viewer)}
    </div>
    <aside class="issue-side">
      ${details(issue, req.viewer)}
      ${frames.length === 0
        ? html`<section class="card muted">The app has no issue panel.</section>`
        : frames.map((spec) => panelFrame(spec))}
    </aside>
  </div>
  ${framesData(frames, moduleLinks(req.manifest.uiModules))}
  ${jsonScript('issue-data', { key: issue.key, issueId: issue.id, projectId: f.project?.id ?? '', accountId: req.person.accountId, timeZone: req.viewer.timeZone })}`;
  return { status: 200, title: `[${issue.key}] ${f.summary}`, active: 'issues', body, scripts: ['host-bridge.js', 'issue-view.js'] };
}
