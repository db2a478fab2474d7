// The priority board: requests and answers of its resolvers.
import { z } from 'zod';
import type { Tier } from './constants';
import type { SlaClockState } from './sla';

const customerKey = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, { error: 'must be a customer key' });

export const SLA_FILTERS = ['breached', 'atRisk', 'running', 'paused', 'none'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

/** The board's filters, as the page keeps them in its URL. */
export const boardRequestSchema = z.strictObject({
  /** One customer's lane only. */
  customerKey: customerKey.optional(),
  /** Only the customers whose service manager the viewer is. */
  mine: z.boolean().optional(),
  /** An assignee's account id, or `unassigned`. */
  assignee: z.string().trim().min(1).max(128).optional(),
  sla: z.enum(SLA_FILTERS, { error: `must be one of ${SLA_FILTERS.join(', ')}` }).optional(),
  issueType: z.string().trim().min(1).max(255).optional(),
});
export type BoardRequest = z.infer<typeof boardRequestSchema>;

/** One reason in a score's explanation, for the page to word in the viewer's language. */
export interface ScoreReason {
  key: string;
  vars: Record<string, string | number>;
}

export interface BoardItem {
  issueId: string;
  key: string;
  summary: string;
  issueType: string | null;
  priority: string | null;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  assignee: { accountId: string; displayName: string } | null;
  /** ISO 8601. */
  created: string;
  /** The most urgent clock, if any. */
  clock: { key: string; name: string; state: SlaClockState; dueAt: string | null; remainingMinutes: number | null; targetMinutes: number | null; breached: boolean } | null;
  score: { total: number; pinned: boolean; reasons: ScoreReason[] };
  /** Why it stands where it does in its lane (`board.rank.<placement>`). */
  placement: ScoreReason;
  /** Set when someone moved it by hand: who and when (ISO 8601); `undoable` when that move can be taken back. */
  moved: { by: string; at: string; undoable: boolean } | null;
}

export interface BoardLane {
  customer: { key: string; name: string; tier: Tier };
  health: {
    open: number;
    breached: number;
    /** The contract in force today: hours included per month. */
    includedHours: number | null;
    /** Billable hours logged this month (from billing's copy of the worklogs, up to a few minutes old); null for a customer's contact or before the first count. */
    hoursUsed: number | null;
    /** Issues resolved this month (customer's zone), and how many of them never breached an SLA target. */
    thisMonth: { resolved: number; withinSla: number };
  };
  items: BoardItem[];
  /** More open issues than the lane shows: the page says so and can ask for the lane alone. */
  truncated: boolean;
}

export interface BoardView {
  /** Staff see every customer they may; a customer's contact sees only their company's lane, read-only. */
  viewer: { kind: 'staff' } | { kind: 'contact'; customerKey: string };
  lanes: BoardLane[];
  /** The team's next work across customers (staff only). */
  next: BoardItem[];
  /**
   * What the filters offer, whatever filters are set: the customers the viewer may see, and the assignees and
   * issue types of the open work in the customers shown (so a shared, filtered link still offers the rest).
   */
  choices: {
    customers: { key: string; name: string }[];
    assignees: { accountId: string; displayName: string }[];
    issueTypes: string[];
  };
  /** ISO 8601. */
  generatedAt: string;
}

const issueId = z.string().regex(/^[0-9]{1,18}$/, { error: 'must be a Jira issue id' });

/** Moves an issue within its customer's lane: placed right below `after` (null = at the top). */
export const moveBoardItemRequestSchema = z.strictObject({
  customerKey,
  issueId,
  after: issueId.nullable(),
});
export type MoveBoardItemRequest = z.infer<typeof moveBoardItemRequestSchema>;

/** Takes back the last move of an issue. */
export const undoBoardMoveRequestSchema = z.strictObject({ customerKey, issueId });
export type UndoBoardMoveRequest = z.infer<typeof undoBoardMoveRequestSchema>;
