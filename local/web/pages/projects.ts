// `/` and `/projects`: the projects the signed-in person may browse (Jira's project search does the filtering).
import { html } from '../html';
import * as shapes from '../jira-shapes';
import type { Project } from '../jira-shapes';
import type { PageRequest, PageResult } from './context';
import { avatar, messageBody } from './layout';

const PAGE = 50;
/** Enough for any demo site; stops a misbehaving paging answer from looping forever. */
const MAX_PAGES = 20;

export function projectIssuesHref(key: string): string {
  return `/issues?jql=${encodeURIComponent(`project = ${key} ORDER BY updated DESC`)}`;
}

export async function projectsPage(req: PageRequest): Promise<PageResult> {
  const projects: Project[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const read = await req.jira.get(`/rest/api/3/project/search?startAt=${page * PAGE}&maxResults=${PAGE}&orderBy=key&expand=lead`, shapes.projectPage);
    if (!read.ok) {
      return { status: 502, title: 'Projects', active: 'projects', body: messageBody('Projects could not be loaded', read.messages.join(' '), 'projects-error', { icon: 'warning', tone: 'error', links: [] }) };
    }
    projects.push(...read.data.values);
    if (read.data.isLast !== false || read.data.values.length === 0) break;
  }
  const body =
    projects.length === 0
      ? messageBody('No projects', 'You cannot browse any project. Switch user (top right) to see the site as someone else.', 'projects-empty', { icon: 'folder', links: [] })
      : html`<div class="page-header"><h1>Projects</h1><span class="muted">${projects.length} ${projects.length === 1 ? 'project' : 'projects'} you can browse</span></div>
      <table class="table" data-testid="projects">
        <thead><tr><th>Name</th><th>Key</th><th>Type</th><th>Lead</th></tr></thead>
        <tbody>${projects.map(
          (p) => html`<tr data-testid="project-row">
            <td><a class="project-name" href="${projectIssuesHref(p.key)}"><span class="project-avatar" aria-hidden="true">${p.key.slice(0, 2)}</span>${p.name}</a></td>
            <td>${p.key}</td>
            <td>${(p.projectTypeKey ?? 'software').replace('_', ' ')}</td>
            <td>${p.lead?.displayName ? html`<span class="person">${avatar(p.lead.displayName, p.lead.accountId ?? p.lead.displayName)}<span>${p.lead.displayName}</span></span>` : html`<span class="muted">-</span>`}</td>
          </tr>`,
        )}</tbody>
      </table>`;
  return { status: 200, title: 'Projects', active: 'projects', body };
}
