// The JQL engine's view of an issue, built once per issue snapshot (snapshots are replaced, never mutated, on
// write, so a WeakMap keyed by the snapshot is always current).
import { adfToText } from './adf';
import type { JqlContext, JqlIssue } from './jql/types';
import type { Catalog, IssueRec } from './model';
import type { Viewer } from './permissions';
import { visibleProjects } from './permissions';

export class JqlSnapshots {
  private cache = new WeakMap<IssueRec, JqlIssue>();

  /** Call when the catalog changes (names of statuses, projects ... are copied into snapshots). */
  invalidate(): void {
    this.cache = new WeakMap();
  }

  /** `issues` resolves a sub-task's parent key (keys never change: the emulator does not move issues). */
  of(issue: IssueRec, catalog: Catalog, issues?: ReadonlyMap<number, IssueRec>): JqlIssue {
    let snap = this.cache.get(issue);
    if (!snap) {
      const project = catalog.projects.get(issue.projectId);
      const status = catalog.statuses.get(issue.statusId);
      const parentId = issue.parentId === undefined ? null : String(issue.parentId);
      const parentKey = issue.parentId === undefined ? null : (issues?.get(issue.parentId)?.key ?? null);
      snap = {
        id: String(issue.id),
        key: issue.key,
        projectId: issue.projectId,
        projectKey: project?.key ?? '',
        issueTypeName: catalog.issueTypes.get(issue.issueTypeId)?.name ?? '',
        statusId: issue.statusId,
        statusName: status?.name ?? '',
        statusCategory: status?.category ?? 'new',
        priorityId: issue.priorityId,
        priorityName: catalog.priorities.get(issue.priorityId)?.name ?? '',
        assigneeAccountId: issue.assigneeId,
        reporterAccountId: issue.reporterId,
        labels: issue.labels,
        components: issue.components,
        summary: issue.summary,
        created: issue.created,
        updated: issue.updated,
        resolved: issue.resolutionDate,
        properties: Object.fromEntries(issue.properties),
        description: issue.description === null ? null : adfToText(issue.description),
        parentId,
        parentKey,
      };
      this.cache.set(issue, snap);
    }
    return snap;
  }
}

/** What the engine may resolve names against: only projects the caller can browse (others "do not exist"). */
export function jqlContext(
  catalog: Catalog,
  viewer: Viewer,
  now: number,
  timeZone: string,
  indexedProperties: JqlContext['indexedProperties'],
  issueExists: (key: string) => boolean,
): JqlContext {
  const locale = viewer.kind === 'user' ? viewer.user.locale : 'en_US';
  return {
    now,
    timeZone,
    currentAccountId: viewer.kind === 'user' ? viewer.user.accountId : null,
    indexedProperties,
    projects: visibleProjects(viewer, catalog).map((p) => ({ id: p.id, key: p.key, name: p.name })),
    statuses: [...catalog.statuses.values()].map((s) => ({ id: s.id, name: s.name, category: s.category })),
    priorities: [...catalog.priorities.values()].map((p) => ({ id: p.id, name: p.name })),
    issueTypes: [...catalog.issueTypes.values()].map((t) => ({ id: t.id, name: t.name })),
    users: [...catalog.users.values()].map((u) => ({ accountId: u.accountId, displayName: u.displayName, emailAddress: u.emailAddress })),
    // Jira takes the first day of the week from the locale: Sunday for en_US, Monday for most of Europe.
    weekStart: /^en[_-](US|CA)$/i.test(locale) || /^(ja|ko|he|pt[_-]BR)/i.test(locale) ? 'sunday' : 'monday',
    issueExists,
  };
}
