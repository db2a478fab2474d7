// An issue's SLA timeline from the plain facts of its Jira history: creation, changelog (status, priority,
// assignee) and comments. The Jira client gathers the facts; this module only orders and translates them.
//
// Order of events: by instant; at the same instant, changelog entries before comments (a transition screen
// that also takes a comment records the transition first), changelog entries by numeric id (Jira's
// recording order: "9" before "10"), the items of one entry in their listed order, and comments in their
// listed order (Jira lists them oldest first). The `created` event is always first, and events Jira dated
// before the creation (clock skew between nodes, imported issues) are moved to the creation instant,
// keeping their order.
import type { StatusCategory, Timeline, TimelineEvent } from './types';

export interface ChangelogItem {
  field: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangelogEntry {
  /** Epoch ms. */
  at: number;
  /** Jira's changelog id (digits). */
  id: string;
  items: readonly ChangelogItem[];
}

export interface CommentFacts {
  /** Epoch ms. */
  at: number;
  /** Null when the author's account was deleted. */
  authorAccountId: string | null;
  public: boolean;
}

export interface IssueHistoryFacts {
  /** Epoch ms. */
  created: number;
  current: { status: { name: string; category: StatusCategory }; priority: string | null; assigneeAccountId: string | null };
  /**
   * Changelog entries, any order; items with field 'status' (from/to status ids and names), 'priority'
   * (fromString/toString names), 'assignee' (from/to account ids). Other fields are ignored.
   */
  changes: readonly ChangelogEntry[];
  comments: readonly CommentFacts[];
  /** Status id -> category (from Jira's status list). */
  statusCategories: Readonly<Record<string, StatusCategory>>;
  /** Whether an account counts as an agent (members of the configured agent groups); others are customers. */
  isAgent: (accountId: string) => boolean;
}

const DIGITS = /^\d+$/;

/** Changelog ids compare as numbers (of any length); ids that are not digits come after, as strings. */
export function compareChangelogIds(a: string, b: string): number {
  const an = DIGITS.test(a);
  const bn = DIGITS.test(b);
  if (an && bn) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function orderedChanges(changes: readonly ChangelogEntry[]): ChangelogEntry[] {
  // An entry fetched twice (overlapping pages) counts once.
  const byId = new Map<string, ChangelogEntry>();
  for (const c of changes) if (!byId.has(c.id)) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => a.at - b.at || compareChangelogIds(a.id, b.id));
}

const nonEmpty = (s: string | null | undefined): string | null => (typeof s === 'string' && s.trim() !== '' ? s : null);

export function timelineFromJira(facts: IssueHistoryFacts): Timeline {
  const changes = orderedChanges(facts.changes);
  const currentName = facts.current.status.name.trim().toLowerCase();

  const categoryOf = (id: string | null, name: string): StatusCategory => {
    if (id !== null && Object.hasOwn(facts.statusCategories, id)) return facts.statusCategories[id] as StatusCategory;
    if (name.trim().toLowerCase() === currentName) return facts.current.status.category;
    // A status Jira no longer lists (deleted, or from a migrated project) that is not the current one:
    // 'indeterminate' is the neutral guess. It meets no "to done" stop (a clock is not ended on a guess)
    // and no "to new" condition, so clocks keep running through it.
    return 'indeterminate';
  };

  // The values at creation: the `from` side of the earliest change of each field, else the current value.
  let initialStatus: { id: string | null; name: string } | null = null;
  let initialPriority: string | null | undefined;
  let initialAssignee: string | null | undefined;
  for (const change of changes) {
    for (const item of change.items) {
      if (item.field === 'status' && initialStatus === null) {
        const name = nonEmpty(item.fromString) ?? nonEmpty(item.from);
        if (name !== null) initialStatus = { id: item.from, name };
      } else if (item.field === 'priority' && initialPriority === undefined) {
        initialPriority = nonEmpty(item.fromString);
      } else if (item.field === 'assignee' && initialAssignee === undefined) {
        initialAssignee = nonEmpty(item.from);
      }
    }
  }

  const created = facts.created;
  const status = initialStatus ?? { id: null, name: facts.current.status.name };
  const events: TimelineEvent[] = [
    {
      at: created,
      type: 'created',
      status: status.name,
      statusCategory: initialStatus === null ? facts.current.status.category : categoryOf(status.id, status.name),
      priority: initialPriority === undefined ? nonEmpty(facts.current.priority) : initialPriority,
    },
  ];
  // Created already assigned: the assignment happened at creation (an `assigned` start condition meets it).
  const assignee = initialAssignee === undefined ? nonEmpty(facts.current.assigneeAccountId) : initialAssignee;
  if (assignee !== null) events.push({ at: created, type: 'assigned', to: assignee });

  // The rest in time order: changes and comments merged, changes first at the same instant.
  const comments = facts.comments
    .map((comment, index) => ({ comment, index }))
    .sort((a, b) => a.comment.at - b.comment.at || a.index - b.index)
    .map((c) => c.comment);
  let c = 0;
  const clamp = (at: number): number => (at < created ? created : at);
  const pushComment = (comment: CommentFacts): void => {
    const author = comment.authorAccountId !== null && facts.isAgent(comment.authorAccountId) ? 'agent' : 'customer';
    events.push({ at: clamp(comment.at), type: 'comment', author, public: comment.public });
  };
  for (const change of changes) {
    while (c < comments.length && (comments[c] as CommentFacts).at < change.at) pushComment(comments[c++] as CommentFacts);
    const at = clamp(change.at);
    for (const item of change.items) {
      if (item.field === 'status') {
        // A status change always names its target; one naming nothing cannot be placed and is skipped.
        const name = nonEmpty(item.toString) ?? nonEmpty(item.to);
        if (name !== null) events.push({ at, type: 'status', to: name, toCategory: categoryOf(item.to, name) });
      } else if (item.field === 'priority') {
        events.push({ at, type: 'priority', to: nonEmpty(item.toString) });
      } else if (item.field === 'assignee') {
        events.push({ at, type: 'assigned', to: nonEmpty(item.to) });
      }
    }
  }
  while (c < comments.length) pushComment(comments[c++] as CommentFacts);
  return events;
}
