// SQLite persistence of the emulator (tables prefixed `jira_` in the shared local database). Every statement is
// prepared once; callers group writes in `db.transaction` so a request is all-or-nothing.
import type { LocalDb } from '../db';
import type { AdfDoc } from './adf';
import type { ChangeItemRec, ChangelogRec, CommentRec, DeletedWorklogRec, IssueRec, NotificationRec, Visibility, WorklogRec } from './model';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jira_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_catalog (kind TEXT NOT NULL, id TEXT NOT NULL, ord INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS jira_issues (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, project_id TEXT NOT NULL,
  data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_issue_properties (issue_id INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (issue_id, key));
CREATE TABLE IF NOT EXISTS jira_changelogs (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, created INTEGER NOT NULL,
  author TEXT, items TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS jira_changelogs_issue ON jira_changelogs (issue_id, created, id);
CREATE TABLE IF NOT EXISTS jira_comments (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, author TEXT NOT NULL,
  update_author TEXT NOT NULL, body TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL, visibility TEXT,
  jsd_public INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS jira_comments_issue ON jira_comments (issue_id, created, id);
CREATE TABLE IF NOT EXISTS jira_worklogs (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, author TEXT NOT NULL,
  update_author TEXT NOT NULL, comment TEXT, started INTEGER NOT NULL, seconds INTEGER NOT NULL, created INTEGER NOT NULL,
  updated INTEGER NOT NULL, visibility TEXT);
CREATE INDEX IF NOT EXISTS jira_worklogs_issue ON jira_worklogs (issue_id, created, id);
CREATE INDEX IF NOT EXISTS jira_worklogs_updated ON jira_worklogs (updated, id);
CREATE TABLE IF NOT EXISTS jira_worklogs_deleted (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL,
  deleted_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS jira_worklogs_deleted_at ON jira_worklogs_deleted (deleted_at, id);
CREATE TABLE IF NOT EXISTS jira_notifications (id INTEGER PRIMARY KEY AUTOINCREMENT, issue_id INTEGER NOT NULL,
  at INTEGER NOT NULL, data TEXT NOT NULL);
`;

const TABLES = [
  'jira_meta',
  'jira_catalog',
  'jira_issues',
  'jira_issue_properties',
  'jira_changelogs',
  'jira_comments',
  'jira_worklogs',
  'jira_worklogs_deleted',
  'jira_notifications',
];

interface IssueRow { id: number; key: string; project_id: string; data: string }
interface PropertyRow { issue_id: number; key: string; value: string }
interface ChangelogRow { id: number; issue_id: number; created: number; author: string | null; items: string }
interface CommentRow {
  id: number; issue_id: number; author: string; update_author: string; body: string; created: number; updated: number;
  visibility: string | null; jsd_public: number;
}
interface WorklogRow {
  id: number; issue_id: number; author: string; update_author: string; comment: string | null; started: number;
  seconds: number; created: number; updated: number; visibility: string | null;
}
interface DeletedRow { id: number; issue_id: number; deleted_at: number }

/** The issue columns that live in the JSON `data` column (everything but id, key, project and properties). */
type IssueData = Omit<IssueRec, 'id' | 'key' | 'projectId' | 'properties'>;

function issueData(rec: IssueRec): string {
  const { id: _id, key: _key, projectId: _p, properties: _props, ...data } = rec;
  return JSON.stringify(data satisfies IssueData);
}

const parseVisibility = (text: string | null): Visibility | null => (text === null ? null : (JSON.parse(text) as Visibility));

function toComment(r: CommentRow): CommentRec {
  return {
    id: r.id,
    issueId: r.issue_id,
    authorId: r.author,
    updateAuthorId: r.update_author,
    body: JSON.parse(r.body) as AdfDoc,
    created: r.created,
    updated: r.updated,
    visibility: parseVisibility(r.visibility),
    jsdPublic: r.jsd_public === 1,
  };
}

function toWorklog(r: WorklogRow): WorklogRec {
  return {
    id: r.id,
    issueId: r.issue_id,
    authorId: r.author,
    updateAuthorId: r.update_author,
    comment: r.comment === null ? null : (JSON.parse(r.comment) as AdfDoc),
    started: r.started,
    timeSpentSeconds: r.seconds,
    created: r.created,
    updated: r.updated,
    visibility: parseVisibility(r.visibility),
  };
}

function toChangelog(r: ChangelogRow): ChangelogRec {
  return { id: r.id, issueId: r.issue_id, created: r.created, authorId: r.author, items: JSON.parse(r.items) as ChangeItemRec[] };
}

export type JiraStore = ReturnType<typeof createJiraStore>;

export function createJiraStore(db: LocalDb) {
  db.exec(SCHEMA);
  const s = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM jira_meta WHERE key = ?'),
    putMeta: db.prepare<[string, string]>('INSERT INTO jira_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    allCatalog: db.prepare<[], { kind: string; id: string; data: string }>('SELECT kind, id, data FROM jira_catalog ORDER BY kind, ord'),
    getCatalog: db.prepare<[string, string], { data: string }>('SELECT data FROM jira_catalog WHERE kind = ? AND id = ?'),
    insertCatalog: db.prepare<[string, string, number, string]>('INSERT INTO jira_catalog (kind, id, ord, data) VALUES (?, ?, ?, ?)'),
    maxCatalogOrd: db.prepare<[string], { ord: number | null }>('SELECT MAX(ord) AS ord FROM jira_catalog WHERE kind = ?'),
    allIssues: db.prepare<[], IssueRow>('SELECT id, key, project_id, data FROM jira_issues'),
    insertIssue: db.prepare<[number, string, string, string]>('INSERT INTO jira_issues (id, key, project_id, data) VALUES (?, ?, ?, ?)'),
    updateIssue: db.prepare<[string, number]>('UPDATE jira_issues SET data = ? WHERE id = ?'),
    countIssues: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM jira_issues'),
    countCatalog: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM jira_catalog'),
    allProperties: db.prepare<[], PropertyRow>('SELECT issue_id, key, value FROM jira_issue_properties'),
    putProperty: db.prepare<[number, string, string]>(
      'INSERT INTO jira_issue_properties (issue_id, key, value) VALUES (?, ?, ?) ON CONFLICT(issue_id, key) DO UPDATE SET value = excluded.value',
    ),
    deleteProperty: db.prepare<[number, string]>('DELETE FROM jira_issue_properties WHERE issue_id = ? AND key = ?'),
    insertChangelog: db.prepare<[number, number, number, string | null, string]>(
      'INSERT INTO jira_changelogs (id, issue_id, created, author, items) VALUES (?, ?, ?, ?, ?)',
    ),
    changelogsOf: db.prepare<[number], ChangelogRow>('SELECT * FROM jira_changelogs WHERE issue_id = ? ORDER BY created, id'),
    countChangelogsOf: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM jira_changelogs WHERE issue_id = ?'),
    insertComment: db.prepare<[number, number, string, string, string, number, number, string | null, number]>(
      'INSERT INTO jira_comments (id, issue_id, author, update_author, body, created, updated, visibility, jsd_public) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    updateComment: db.prepare<[string, string, number, string | null, number, number]>(
      'UPDATE jira_comments SET update_author = ?, body = ?, updated = ?, visibility = ?, jsd_public = ? WHERE id = ?',
    ),
    deleteComment: db.prepare<[number]>('DELETE FROM jira_comments WHERE id = ?'),
    commentById: db.prepare<[number], CommentRow>('SELECT * FROM jira_comments WHERE id = ?'),
    commentsOf: db.prepare<[number], CommentRow>('SELECT * FROM jira_comments WHERE issue_id = ? ORDER BY created, id'),
    insertWorklog: db.prepare<[number, number, string, string, string | null, number, number, number, number, string | null]>(
      'INSERT INTO jira_worklogs (id, issue_id, author, update_author, comment, started, seconds, created, updated, visibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    updateWorklog: db.prepare<[string, string | null, number, number, number, string | null, number]>(
      'UPDATE jira_worklogs SET update_author = ?, comment = ?, started = ?, seconds = ?, updated = ?, visibility = ? WHERE id = ?',
    ),
    deleteWorklog: db.prepare<[number]>('DELETE FROM jira_worklogs WHERE id = ?'),
    insertDeletedWorklog: db.prepare<[number, number, number]>(
      'INSERT INTO jira_worklogs_deleted (id, issue_id, deleted_at) VALUES (?, ?, ?)',
    ),
    worklogById: db.prepare<[number], WorklogRow>('SELECT * FROM jira_worklogs WHERE id = ?'),
    worklogsOf: db.prepare<[number], WorklogRow>('SELECT * FROM jira_worklogs WHERE issue_id = ? ORDER BY created, id'),
    worklogsUpdated: db.prepare<[number, number, number], WorklogRow>(
      'SELECT * FROM jira_worklogs WHERE updated > ? AND updated < ? ORDER BY updated, id LIMIT ?',
    ),
    insertNotification: db.prepare<[number, number, string]>('INSERT INTO jira_notifications (issue_id, at, data) VALUES (?, ?, ?)'),
    allNotifications: db.prepare<[], { id: number; data: string }>('SELECT id, data FROM jira_notifications ORDER BY id'),
    clearNotifications: db.prepare<[]>('DELETE FROM jira_notifications'),
    worklogsDeleted: db.prepare<[number, number, number], DeletedRow>(
      'SELECT * FROM jira_worklogs_deleted WHERE deleted_at > ? AND deleted_at < ? ORDER BY deleted_at, id LIMIT ?',
    ),
  };

  return {
    db,
    meta(key: string): string | undefined {
      return s.getMeta.get(key)?.value;
    },
    setMeta(key: string, value: string): void {
      s.putMeta.run(key, value);
    },
    catalogRows(): { kind: string; id: string; data: string }[] {
      return s.allCatalog.all();
    },
    catalogEntry(kind: string, id: string): string | undefined {
      return s.getCatalog.get(kind, id)?.data;
    },
    nextCatalogOrd(kind: string): number {
      return (s.maxCatalogOrd.get(kind)?.ord ?? -1) + 1;
    },
    insertCatalog(kind: string, id: string, ord: number, data: unknown): void {
      s.insertCatalog.run(kind, id, ord, JSON.stringify(data));
    },
    isEmpty(): boolean {
      return (s.countIssues.get()?.n ?? 0) === 0 && (s.countCatalog.get()?.n ?? 0) === 0;
    },
    loadIssues(): IssueRec[] {
      const byId = new Map<number, IssueRec>();
      for (const row of s.allIssues.iterate()) {
        const data = JSON.parse(row.data) as IssueData;
        byId.set(row.id, { ...data, id: row.id, key: row.key, projectId: row.project_id, properties: new Map() });
      }
      for (const p of s.allProperties.iterate()) byId.get(p.issue_id)?.properties.set(p.key, JSON.parse(p.value));
      return [...byId.values()];
    },
    insertIssue(rec: IssueRec): void {
      s.insertIssue.run(rec.id, rec.key, rec.projectId, issueData(rec));
      for (const [key, value] of rec.properties) s.putProperty.run(rec.id, key, JSON.stringify(value));
    },
    updateIssue(rec: IssueRec): void {
      s.updateIssue.run(issueData(rec), rec.id);
    },
    putProperty(issueId: number, key: string, value: unknown): void {
      s.putProperty.run(issueId, key, JSON.stringify(value));
    },
    deleteProperty(issueId: number, key: string): void {
      s.deleteProperty.run(issueId, key);
    },
    insertChangelog(c: ChangelogRec): void {
      s.insertChangelog.run(c.id, c.issueId, c.created, c.authorId, JSON.stringify(c.items));
    },
    changelogsOf(issueId: number): ChangelogRec[] {
      return s.changelogsOf.all(issueId).map(toChangelog);
    },
    insertComment(c: CommentRec): void {
      s.insertComment.run(
        c.id, c.issueId, c.authorId, c.updateAuthorId, JSON.stringify(c.body), c.created, c.updated,
        c.visibility === null ? null : JSON.stringify(c.visibility), c.jsdPublic ? 1 : 0,
      );
    },
    updateComment(c: CommentRec): void {
      s.updateComment.run(
        c.updateAuthorId, JSON.stringify(c.body), c.updated, c.visibility === null ? null : JSON.stringify(c.visibility),
        c.jsdPublic ? 1 : 0, c.id,
      );
    },
    deleteComment(id: number): void {
      s.deleteComment.run(id);
    },
    comment(id: number): CommentRec | undefined {
      const row = s.commentById.get(id);
      return row && toComment(row);
    },
    commentsOf(issueId: number): CommentRec[] {
      return s.commentsOf.all(issueId).map(toComment);
    },
    insertWorklog(w: WorklogRec): void {
      s.insertWorklog.run(
        w.id, w.issueId, w.authorId, w.updateAuthorId, w.comment === null ? null : JSON.stringify(w.comment), w.started,
        w.timeSpentSeconds, w.created, w.updated, w.visibility === null ? null : JSON.stringify(w.visibility),
      );
    },
    updateWorklog(w: WorklogRec): void {
      s.updateWorklog.run(
        w.updateAuthorId, w.comment === null ? null : JSON.stringify(w.comment), w.started, w.timeSpentSeconds, w.updated,
        w.visibility === null ? null : JSON.stringify(w.visibility), w.id,
      );
    },
    deleteWorklog(w: WorklogRec, deletedAt: number): void {
      s.deleteWorklog.run(w.id);
      s.insertDeletedWorklog.run(w.id, w.issueId, deletedAt);
    },
    worklog(id: number): WorklogRec | undefined {
      const row = s.worklogById.get(id);
      return row && toWorklog(row);
    },
    worklogsOf(issueId: number): WorklogRec[] {
      return s.worklogsOf.all(issueId).map(toWorklog);
    },
    /** Worklogs with since < updated < before, oldest first. */
    worklogsUpdated(since: number, before: number, limit: number): WorklogRec[] {
      return s.worklogsUpdated.all(since, before, limit).map(toWorklog);
    },
    worklogsDeleted(since: number, before: number, limit: number): DeletedWorklogRec[] {
      return s.worklogsDeleted.all(since, before, limit).map((r) => ({ id: r.id, issueId: r.issue_id, deletedAt: r.deleted_at }));
    },
    /** Records a notification sent through `POST /issue/{key}/notify`; returns its id. */
    insertNotification(n: Omit<NotificationRec, 'id'>): number {
      return Number(s.insertNotification.run(Number(n.issueId), n.at, JSON.stringify(n)).lastInsertRowid);
    },
    notifications(): NotificationRec[] {
      return s.allNotifications.all().map((r) => ({ ...(JSON.parse(r.data) as Omit<NotificationRec, 'id'>), id: r.id }));
    },
    clearNotifications(): void {
      s.clearNotifications.run();
    },
    dropAll(): void {
      for (const t of TABLES) db.exec(`DELETE FROM ${t}`);
    },
  };
}
