// Imports a `JiraSeed` in one SQLite transaction with prepared statements: validates references first (a clear
// error naming the bad record, and nothing written), replays each issue's history into its current state and
// changelog, then fills memory from the records it wrote.
import { textToAdf } from './adf';
import { parseInstant } from './dates';
import { item } from './issue-edit';
import type { ChangeItemRec, ChangelogRec, CommentRec, CustomFieldRec, IssueRec, ProjectRec, ResolutionRec, WorklogRec } from './model';
import { INTERNAL_VISIBILITY, visibilityOf } from './permissions';
import type { JiraSeed, SeedIssue } from './seed';
import { DEFAULT_RESOLUTIONS, type JiraState } from './state';
import type { JiraStore } from './store';

export class SeedError extends Error {}

function instant(text: string, where: string): number {
  const ms = parseInstant(text);
  if (ms === null) throw new SeedError(`${where}: '${text}' is not an ISO 8601 instant with an offset`);
  return ms;
}

interface Built {
  issue: IssueRec;
  changelogs: ChangelogRec[];
  comments: CommentRec[];
  worklogs: WorklogRec[];
}

export function importSeed(store: JiraStore, state: JiraState, seed: JiraSeed): void {
  const catalogEntries = catalogOf(seed, state);
  checkCatalogConflicts(store, catalogEntries);

  // Resolve the catalog the issues will be checked against: what is stored plus what this seed adds.
  const users = new Map(state.catalog.users);
  for (const u of seed.users) users.set(u.accountId, u);
  const statuses = new Map(state.catalog.statuses);
  for (const s of seed.statuses) statuses.set(s.id, s);
  const priorities = new Map(state.catalog.priorities);
  for (const p of seed.priorities) priorities.set(p.id, p);
  const issueTypes = new Map(state.catalog.issueTypes);
  for (const t of seed.issueTypes) issueTypes.set(t.id, t);
  const resolutions = new Map<string, ResolutionRec>(state.catalog.resolutions);
  for (const r of seed.resolutions ?? []) resolutions.set(r.id, { id: r.id, name: r.name, description: r.description ?? '' });
  const customFields = new Map(state.catalog.customFields);
  for (const c of seed.customFields ?? []) customFields.set(c.id, { id: c.id, name: c.name, type: c.type, ...(c.items ? { items: c.items } : {}) });
  const projectsByKey = new Map(state.catalog.projectsByKey);
  for (const e of catalogEntries) if (e.kind === 'project') projectsByKey.set((e.data as ProjectRec).key, e.data as ProjectRec);
  for (const t of seed.transitions) if (!statuses.has(t.toStatusId)) throw new SeedError(`transition ${t.id}: unknown status ${t.toStatusId}`);
  for (const p of seed.projects) {
    if (!users.has(p.leadAccountId)) throw new SeedError(`project ${p.key}: unknown lead ${p.leadAccountId}`);
  }

  const userName = (id: string | null): string | null => (id === null ? null : (users.get(id)?.displayName ?? id));
  const maybeFirst = resolutions.values().next().value;
  if (!maybeFirst) throw new SeedError('no resolutions defined');
  const firstResolution: ResolutionRec = maybeFirst;

  // One transaction: each issue is checked, built and written in turn (only the issue snapshots are kept for
  // memory), so a bad record anywhere rolls everything back and large seeds stay light on the heap.
  const keys = new Set<string>();
  const keyNumbers = new Map<string, number>();
  const imported: IssueRec[] = [];
  // Sub-tasks may name a parent anywhere in the seed: ids are handed out in seed order, so they are known up front.
  const firstIssueId = state.peekId('issue');
  const seedIssues = new Map<string, { seed: SeedIssue; id: number }>();
  seed.issues.forEach((s, index) => {
    if (!seedIssues.has(s.key)) seedIssues.set(s.key, { seed: s, id: firstIssueId + index });
  });
  store.db.transaction(() => {
    for (const e of catalogEntries) {
      if (store.catalogEntry(e.kind, e.id) === undefined) store.insertCatalog(e.kind, e.id, store.nextCatalogOrd(e.kind), e.data);
    }
    let issueId = state.peekId('issue');
    let changelogId = state.peekId('changelog');
    let commentId = state.peekId('comment');
    let worklogId = state.peekId('worklog');
    for (const [index, s] of seed.issues.entries()) {
      const where = `issue ${s.key || `#${index}`}`;
      const project = projectsByKey.get(s.projectKey);
      if (!project) throw new SeedError(`${where}: unknown project ${s.projectKey}`);
      const m = /^([A-Z][A-Z0-9_]*)-(\d+)$/.exec(s.key);
      if (!m || m[1] !== s.projectKey) throw new SeedError(`${where}: the key must be ${s.projectKey}-<number>`);
      // Memory mirrors the database, so this check is complete; the UNIQUE constraint on keys backs it up.
      if (keys.has(s.key) || state.issuesByKey.has(s.key)) {
        throw new SeedError(`${where}: the key already exists (call reset() before importing a seed again)`);
      }
      keys.add(s.key);
      keyNumbers.set(s.projectKey, Math.max(keyNumbers.get(s.projectKey) ?? 0, Number(m[2])));
      const b = buildIssue(s, where, project);
      b.issue.id = issueId++;
      store.insertIssue(b.issue);
      for (const c of b.changelogs) {
        c.id = changelogId++;
        c.issueId = b.issue.id;
        store.insertChangelog(c);
      }
      for (const c of b.comments) {
        c.id = commentId++;
        c.issueId = b.issue.id;
        store.insertComment(c);
      }
      for (const w of b.worklogs) {
        w.id = worklogId++;
        w.issueId = b.issue.id;
        store.insertWorklog(w);
      }
      imported.push(b.issue);
    }
    state.setNextId('issue', issueId);
    state.setNextId('changelog', changelogId);
    state.setNextId('comment', commentId);
    state.setNextId('worklog', worklogId);
    for (const [projectKey, n] of keyNumbers) state.noteIssueNumber(projectKey, n);
  })();

  for (const e of catalogEntries) state.addCatalogEntry(e.kind, e.data);
  for (const issue of imported) state.putIssue(issue);
  state.version++;

  function buildIssue(s: SeedIssue, where: string, project: ProjectRec): Built {
    const checkUser = (id: string, what: string) => {
      if (!users.has(id)) throw new SeedError(`${where}: unknown ${what} ${id}`);
    };
    if (!issueTypes.has(s.issueTypeId)) throw new SeedError(`${where}: unknown issue type ${s.issueTypeId}`);
    if (!statuses.has(s.initial.statusId)) throw new SeedError(`${where}: unknown status ${s.initial.statusId}`);
    if (!priorities.has(s.initial.priorityId)) throw new SeedError(`${where}: unknown priority ${s.initial.priorityId}`);
    checkUser(s.reporterAccountId, 'reporter');
    if (s.initial.assigneeAccountId !== null) checkUser(s.initial.assigneeAccountId, 'assignee');
    for (const c of s.components) {
      if (!project.components.some((x) => x.name === c)) throw new SeedError(`${where}: component ${c} is not in project ${project.key}`);
    }
    for (const id of Object.keys(s.customFields ?? {})) if (!customFields.has(id)) throw new SeedError(`${where}: unknown custom field ${id}`);
    if (s.parentKey === undefined && issueTypes.get(s.issueTypeId)?.subtask) throw new SeedError(`${where}: issue type ${s.issueTypeId} is a sub-task type, so the issue needs a parentKey`);
    const parentId = s.parentKey === undefined ? undefined : checkParent(s, where);
    const created = instant(s.created, `${where} created`);
    const issue: IssueRec = {
      id: 0,
      key: s.key,
      projectId: project.id,
      issueTypeId: s.issueTypeId,
      summary: s.summary,
      description: s.description === undefined ? null : textToAdf(s.description),
      statusId: s.initial.statusId,
      priorityId: s.initial.priorityId,
      resolutionId: null,
      resolutionDate: null,
      statusCategoryChangeDate: created,
      assigneeId: s.initial.assigneeAccountId,
      reporterId: s.reporterAccountId,
      creatorId: s.reporterAccountId,
      labels: [...s.labels],
      components: [...s.components],
      created,
      updated: created,
      customFields: { ...(s.customFields ?? {}) },
      timeSpentSeconds: 0,
      properties: new Map(Object.entries(s.properties ?? {})),
      ...(parentId === undefined ? {} : { parentId }),
    };
    const changelogs: ChangelogRec[] = [];
    const history = [...s.history].map((h, i) => ({ h, i, at: instant(h.at, `${where} history[${i}].at`) }));
    history.sort((a, b) => a.at - b.at || a.i - b.i);
    for (const { h, i, at } of history) {
      checkUser(h.authorAccountId, `history[${i}] author`);
      const items: ChangeItemRec[] = [];
      let resolutionTouched = false;
      for (const change of h.items) {
        switch (change.field) {
          case 'status': {
            const to = change.to === null ? undefined : statuses.get(change.to);
            if (!to) throw new SeedError(`${where} history[${i}]: unknown status ${String(change.to)}`);
            const from = statuses.get(issue.statusId);
            items.push(item('status', 'status', issue.statusId, from?.name ?? null, to.id, to.name));
            if (from?.category !== to.category) issue.statusCategoryChangeDate = at;
            issue.statusId = to.id;
            break;
          }
          case 'priority': {
            const to = change.to === null ? undefined : priorities.get(change.to);
            if (!to) throw new SeedError(`${where} history[${i}]: unknown priority ${String(change.to)}`);
            items.push(item('priority', 'priority', issue.priorityId, priorities.get(issue.priorityId)?.name ?? null, to.id, to.name));
            issue.priorityId = to.id;
            break;
          }
          case 'assignee': {
            if (change.to !== null) checkUser(change.to, `history[${i}] assignee`);
            items.push(item('assignee', 'assignee', issue.assigneeId, userName(issue.assigneeId), change.to, userName(change.to)));
            issue.assigneeId = change.to;
            break;
          }
          case 'resolution': {
            const to = change.to === null ? null : resolutions.get(change.to);
            if (to === undefined) throw new SeedError(`${where} history[${i}]: unknown resolution ${String(change.to)}`);
            const from = issue.resolutionId === null ? null : (resolutions.get(issue.resolutionId)?.name ?? null);
            items.push(item('resolution', 'resolution', issue.resolutionId, from, to?.id ?? null, to?.name ?? null));
            issue.resolutionId = to?.id ?? null;
            issue.resolutionDate = to === null ? null : at;
            resolutionTouched = true;
            break;
          }
          case 'labels': {
            const next = (change.to ?? '').split(/\s+/).filter((l) => l.length > 0);
            const text = (l: string[]) => (l.length === 0 ? null : [...l].sort().join(' '));
            items.push(item('labels', 'labels', null, text(issue.labels), null, text(next)));
            issue.labels = next;
            break;
          }
          case 'summary': {
            const next = change.to ?? '';
            items.push(item('summary', 'summary', null, issue.summary, null, next));
            issue.summary = next;
            break;
          }
          default:
            throw new SeedError(`${where} history[${i}]: unsupported field ${String((change as { field: unknown }).field)}`);
        }
      }
      // Jira's default workflow resolves on entering done and clears the resolution on leaving it.
      if (!resolutionTouched) {
        const category = statuses.get(issue.statusId)?.category;
        if (category === 'done' && issue.resolutionId === null) {
          items.push(item('resolution', 'resolution', null, null, firstResolution.id, firstResolution.name));
          issue.resolutionId = firstResolution.id;
          issue.resolutionDate = at;
        } else if (category !== 'done' && issue.resolutionId !== null) {
          items.push(item('resolution', 'resolution', issue.resolutionId, resolutions.get(issue.resolutionId)?.name ?? null, null, null));
          issue.resolutionId = null;
          issue.resolutionDate = null;
        }
      }
      issue.updated = Math.max(issue.updated, at);
      changelogs.push({ id: 0, issueId: 0, created: at, authorId: h.authorAccountId, items });
    }
    const comments: CommentRec[] = s.comments.map((c, i) => {
      checkUser(c.authorAccountId, `comments[${i}] author`);
      const at = instant(c.at, `${where} comments[${i}].at`);
      issue.updated = Math.max(issue.updated, at);
      return {
        id: 0,
        issueId: 0,
        authorId: c.authorAccountId,
        updateAuthorId: c.authorAccountId,
        body: textToAdf(c.body),
        created: at,
        updated: at,
        visibility: c.internal ? INTERNAL_VISIBILITY : null,
        jsdPublic: !c.internal,
      };
    });
    comments.sort((a, b) => a.created - b.created);
    const worklogs: WorklogRec[] = s.worklogs.map((w, i) => {
      checkUser(w.authorAccountId, `worklogs[${i}] author`);
      if (!Number.isInteger(w.timeSpentSeconds) || w.timeSpentSeconds <= 0) throw new SeedError(`${where} worklogs[${i}]: timeSpentSeconds must be a positive whole number`);
      const started = instant(w.started, `${where} worklogs[${i}].started`);
      const recorded = w.created === undefined ? started + w.timeSpentSeconds * 1000 : instant(w.created, `${where} worklogs[${i}].created`);
      let visibility: WorklogRec['visibility'] = null;
      if (w.visibility !== undefined) {
        const v = w.visibility;
        if (v === null || typeof v !== 'object' || (v.type !== 'group' && v.type !== 'role') || typeof v.value !== 'string' || v.value === '') {
          throw new SeedError(`${where} worklogs[${i}]: visibility needs a type of group or role and a value`);
        }
        visibility = visibilityOf(v.type, v.value);
        if (visibility === null) throw new SeedError(`${where} worklogs[${i}]: unknown project role ${v.value} (Administrators, Service Desk Team, Service Desk Customers, Developers)`);
      }
      // The issue's time spent counts every worklog, restricted ones included.
      issue.timeSpentSeconds += w.timeSpentSeconds;
      issue.updated = Math.max(issue.updated, recorded);
      return {
        id: 0,
        issueId: 0,
        authorId: w.authorAccountId,
        updateAuthorId: w.authorAccountId,
        comment: w.comment === undefined ? null : textToAdf(w.comment),
        started,
        timeSpentSeconds: w.timeSpentSeconds,
        created: recorded,
        updated: recorded,
        visibility,
      };
    });
    worklogs.sort((a, b) => a.created - b.created);
    return { issue, changelogs, comments, worklogs };
  }

  /** A sub-task's parent: an issue of this seed or already stored, in the same project, not a sub-task itself. */
  function checkParent(s: SeedIssue, where: string): number {
    const type = issueTypes.get(s.issueTypeId);
    if (!type?.subtask) throw new SeedError(`${where}: has parentKey ${String(s.parentKey)} but issue type ${s.issueTypeId} is not a sub-task type (subtask: true)`);
    const key = String(s.parentKey);
    if (key === s.key) throw new SeedError(`${where}: an issue cannot be its own parent`);
    const fromSeed = seedIssues.get(key);
    const stored = fromSeed ? undefined : state.issuesByKey.get(key);
    if (!fromSeed && !stored) throw new SeedError(`${where}: parent ${key} is not an issue of the seed`);
    const parentProject = fromSeed ? fromSeed.seed.projectKey : state.catalog.projects.get((stored as IssueRec).projectId)?.key;
    if (parentProject !== s.projectKey) throw new SeedError(`${where}: parent ${key} is in project ${String(parentProject)}; a sub-task must be in its parent's project`);
    const parentType = fromSeed ? fromSeed.seed.issueTypeId : (stored as IssueRec).issueTypeId;
    if (issueTypes.get(parentType)?.subtask) throw new SeedError(`${where}: parent ${key} is a sub-task itself; sub-tasks cannot have sub-tasks`);
    return fromSeed ? fromSeed.id : (stored as IssueRec).id;
  }
}

interface CatalogEntry { kind: string; id: string; data: unknown }

/** The catalog records a seed defines; projects get component ids here (stable across imports of the same seed). */
function catalogOf(seed: JiraSeed, state: JiraState): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  const seen = new Set<string>();
  const add = (kind: string, id: string, data: unknown) => {
    if (seen.has(`${kind}:${id}`)) throw new SeedError(`duplicate ${kind} ${id} in the seed`);
    seen.add(`${kind}:${id}`);
    out.push({ kind, id, data });
  };
  const emails = new Set<string>();
  for (const u of seed.users) {
    const email = u.emailAddress.toLowerCase();
    if (emails.has(email)) throw new SeedError(`duplicate user email ${u.emailAddress} in the seed`);
    emails.add(email);
    add('user', u.accountId, u);
  }
  for (const s of seed.statuses) add('status', s.id, s);
  for (const p of seed.priorities) add('priority', p.id, p);
  for (const t of seed.issueTypes) add('issueType', t.id, t);
  for (const t of seed.transitions) add('transition', t.id, t);
  const resolutions: ResolutionRec[] =
    seed.resolutions?.map((r) => ({ id: r.id, name: r.name, description: r.description ?? '' })) ??
    (state.catalog.resolutions.size > 0 ? [] : DEFAULT_RESOLUTIONS);
  for (const r of resolutions) add('resolution', r.id, r);
  for (const c of seed.customFields ?? []) {
    if (!/^customfield_\d+$/.test(c.id)) throw new SeedError(`custom field ${c.id}: ids look like customfield_10010`);
    const rec: CustomFieldRec = { id: c.id, name: c.name, type: c.type, ...(c.items ? { items: c.items } : {}) };
    add('customField', c.id, rec);
  }
  let componentId = 10000 + [...state.catalog.projects.values()].reduce((n, p) => n + p.components.length, 0);
  for (const p of seed.projects) {
    if (!/^[A-Z][A-Z0-9_]+$/.test(p.key)) throw new SeedError(`project ${p.key}: keys are upper-case letters and digits`);
    const sameKey = state.catalog.projectsByKey.get(p.key);
    if (sameKey && sameKey.id !== p.id) throw new SeedError(`project ${p.key}: the key is taken by project ${sameKey.id}`);
    const existing = state.catalog.projects.get(p.id);
    const rec: ProjectRec = {
      id: p.id,
      key: p.key,
      name: p.name,
      leadAccountId: p.leadAccountId,
      browseGroups: [...p.browseGroups],
      components: existing?.components ?? p.components.map((name) => ({ id: String(componentId++), name })),
      // Stored only when false, so that records of seeds without the flag stay as they were.
      ...(p.appAccess === false ? { appAccess: false } : {}),
    };
    add('project', p.id, rec);
  }
  for (const g of seed.adminGroups) add('adminGroup', g, g);
  return out;
}

/** Catalog records already stored must be identical to the seed's (the import replaces nothing). */
function checkCatalogConflicts(store: JiraStore, entries: CatalogEntry[]): void {
  for (const e of entries) {
    const stored = store.catalogEntry(e.kind, e.id);
    if (stored !== undefined && stored !== JSON.stringify(e.data)) {
      throw new SeedError(`${e.kind} ${e.id} already exists with different data (call reset() before importing another seed)`);
    }
  }
}
