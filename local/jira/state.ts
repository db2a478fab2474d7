// The in-memory side of the emulator: the catalog and every issue snapshot, written through after each committed
// SQLite transaction so searches are a scan over memory. The database stays the source of truth (loaded at start).
import type { SeedUser } from './seed';
import { type Catalog, emptyCatalog, type IssueRec, type ProjectRec, type ResolutionRec } from './model';
import type { JiraStore } from './store';

export const DEFAULT_RESOLUTIONS: ResolutionRec[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue won\'t be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed.' },
];

/** Sequences for new ids, kept in `jira_meta` and advanced inside the writing transaction. */
export type Sequence = 'issue' | 'comment' | 'worklog' | 'changelog' | 'component';
const FIRST_ID: Record<Sequence, number> = { issue: 10000, comment: 10000, worklog: 10000, changelog: 10000, component: 10000 };

export class JiraState {
  catalog: Catalog = emptyCatalog();
  readonly issues = new Map<number, IssueRec>();
  readonly issuesByKey = new Map<string, IssueRec>();
  readonly issuesByProject = new Map<string, Set<IssueRec>>();
  /** Ids of each parent's sub-tasks. */
  private readonly subtaskIds = new Map<number, Set<number>>();
  /** Bumped on every committed write: search caches are keyed by it. */
  version = 0;

  constructor(private readonly store: JiraStore) {
    this.reload();
  }

  reload(): void {
    this.catalog = emptyCatalog();
    this.issues.clear();
    this.issuesByKey.clear();
    this.issuesByProject.clear();
    this.subtaskIds.clear();
    for (const row of this.store.catalogRows()) this.addCatalogEntry(row.kind, JSON.parse(row.data));
    if (this.catalog.resolutions.size === 0) for (const r of DEFAULT_RESOLUTIONS) this.catalog.resolutions.set(r.id, r);
    for (const issue of this.store.loadIssues()) this.putIssue(issue);
    this.version++;
  }

  /** Adds one catalog record of `kind` to memory (the store has it already). */
  addCatalogEntry(kind: string, data: unknown): void {
    const c = this.catalog;
    // Records kept by id alone.
    const byId: Partial<Record<string, Map<string, unknown>>> = {
      status: c.statuses,
      priority: c.priorities,
      issueType: c.issueTypes,
      transition: c.transitions,
      resolution: c.resolutions,
      customField: c.customFields,
    };
    const map = byId[kind];
    if (map) {
      map.set((data as { id: string }).id, data);
      return;
    }
    switch (kind) {
      case 'user': {
        const u = data as SeedUser;
        c.users.set(u.accountId, u);
        c.usersByEmail.set(u.emailAddress.toLowerCase(), u);
        break;
      }
      case 'project': {
        const p = data as ProjectRec;
        c.projects.set(p.id, p);
        c.projectsByKey.set(p.key, p);
        break;
      }
      case 'adminGroup':
        c.adminGroups.add(data as string);
        break;
      default:
        throw new Error(`Unknown Jira catalog kind in the database: ${kind}`);
    }
  }

  /** Sees every snapshot recorded while set (Core.write sets it to feed the lagging search index). */
  onPut: ((previous: IssueRec | undefined, next: IssueRec) => void) | undefined;

  /** Records (or replaces) an issue snapshot in memory. */
  putIssue(issue: IssueRec): void {
    const previous = this.issues.get(issue.id);
    this.onPut?.(previous, issue);
    if (previous) this.issuesByProject.get(previous.projectId)?.delete(previous);
    if (previous?.parentId !== undefined && previous.parentId !== issue.parentId) this.subtaskIds.get(previous.parentId)?.delete(issue.id);
    if (issue.parentId !== undefined) {
      let children = this.subtaskIds.get(issue.parentId);
      if (!children) this.subtaskIds.set(issue.parentId, (children = new Set()));
      children.add(issue.id);
    }
    this.issues.set(issue.id, issue);
    this.issuesByKey.set(issue.key, issue);
    let bucket = this.issuesByProject.get(issue.projectId);
    if (!bucket) this.issuesByProject.set(issue.projectId, (bucket = new Set()));
    bucket.add(issue);
  }

  /** A parent's sub-tasks, oldest first (as Jira lists them). */
  subtasksOf(parentId: number): IssueRec[] {
    const ids = [...(this.subtaskIds.get(parentId) ?? [])].sort((a, b) => a - b);
    return ids.map((id) => this.issues.get(id)).filter((i): i is IssueRec => i !== undefined);
  }

  /** Finds an issue by numeric id or key (keys are case-insensitive in Jira). */
  findIssue(idOrKey: string): IssueRec | undefined {
    if (/^\d+$/.test(idOrKey)) return this.issues.get(Number(idOrKey));
    return this.issuesByKey.get(idOrKey.toUpperCase());
  }

  findProject(idOrKey: string): ProjectRec | undefined {
    return this.catalog.projects.get(idOrKey) ?? this.catalog.projectsByKey.get(idOrKey.toUpperCase());
  }

  /** Hands out the next id of a sequence; call inside the writing transaction. */
  nextId(seq: Sequence): number {
    const current = Number(this.store.meta(`seq:${seq}`) ?? FIRST_ID[seq]);
    this.store.setMeta(`seq:${seq}`, String(current + 1));
    return current;
  }

  /** The id the sequence hands out next (bulk import counts on from here, then calls `setNextId`). */
  peekId(seq: Sequence): number {
    return Number(this.store.meta(`seq:${seq}`) ?? FIRST_ID[seq]);
  }

  setNextId(seq: Sequence, next: number): void {
    this.store.setMeta(`seq:${seq}`, String(next));
  }

  /** The next issue number of a project (`SUP-<n>`); seeded keys advance it. */
  nextIssueNumber(projectKey: string): number {
    const n = Number(this.store.meta(`keyseq:${projectKey}`) ?? 1);
    this.store.setMeta(`keyseq:${projectKey}`, String(n + 1));
    return n;
  }

  noteIssueNumber(projectKey: string, used: number): void {
    const n = Number(this.store.meta(`keyseq:${projectKey}`) ?? 1);
    if (used >= n) this.store.setMeta(`keyseq:${projectKey}`, String(used + 1));
  }
}
