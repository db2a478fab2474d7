// Records one issue's history in time order and keeps its current state, so every change's `from` is the value
// it replaces and a transition into a done status sets the resolution (and leaving done clears it).
// Nothing is recorded after the anchor: the first event past it cuts the issue, which keeps its state as of "now".

import type { SeedChangeItem } from '../jira/seed';
import { STATUS } from './company';

export interface RawChange { at: number; author: string; items: SeedChangeItem[] }
export interface RawComment { at: number; author: string; body: string; internal: boolean }
/** A stretch of time in which an engineer worked on the issue; worklogs are placed inside these. */
export interface WorkSpan { start: number; end: number; engineer: string; weight: number; anyTime: boolean }

const DONE = new Set<string>([STATUS.resolved, STATUS.closed]);

export class IssueBuilder {
  status: string = STATUS.open;
  priority: string;
  assignee: string | null;
  resolution: string | null = null;
  labels: string[];
  /** Time of the last recorded event. */
  last: number;
  /** True once an event fell after the anchor. */
  cut = false;
  readonly changes: RawChange[] = [];
  readonly comments: RawComment[] = [];
  readonly spans: WorkSpan[] = [];
  /** When the issue last entered a done status (null while not done). */
  resolvedAt: number | null = null;
  everReopened = false;
  everWaited = false;
  private spanStart: number | null = null;

  constructor(
    readonly created: number,
    private readonly anchor: number,
    priority: string,
    assignee: string | null,
    labels: string[],
  ) {
    this.priority = priority;
    this.assignee = assignee;
    this.labels = [...labels];
    this.last = created;
  }

  /** The time an event at `t` gets: whole seconds, strictly after the previous event; null (and cut) past the anchor. */
  private stamp(t: number): number | null {
    if (this.cut) return null;
    const at = Math.max(Math.round(t / 1000) * 1000, this.last + 1000);
    if (!(at <= this.anchor)) {
      this.cut = true;
      return null;
    }
    this.last = at;
    return at;
  }

  /** Moves the cursor to `t` (work went on without recorded events); past the anchor this cuts the issue. */
  advance(t: number): void {
    if (this.cut) return;
    if (!(t <= this.anchor)) this.cut = true;
    else this.last = Math.max(this.last, t);
  }

  comment(t: number, author: string, body: string, internal: boolean): number | null {
    const at = this.stamp(t);
    if (at !== null) this.comments.push({ at, author, body, internal });
    return at;
  }

  private change(t: number, author: string, items: SeedChangeItem[]): number | null {
    const at = this.stamp(t);
    if (at !== null) this.changes.push({ at, author, items });
    return at;
  }

  transition(t: number, author: string, to: string, resolution?: string): number | null {
    if (to === this.status || this.cut) return null;
    const items: SeedChangeItem[] = [{ field: 'status', from: this.status, to }];
    const nextResolution = DONE.has(to) ? (this.resolution ?? resolution ?? null) : null;
    if (DONE.has(to) && nextResolution === null) throw new Error('transition to a done status needs a resolution');
    if (nextResolution !== this.resolution) items.push({ field: 'resolution', from: this.resolution, to: nextResolution });
    const at = this.change(t, author, items);
    if (at === null) return null;
    if (DONE.has(this.status) && !DONE.has(to)) this.everReopened = true;
    if (to === STATUS.waiting) this.everWaited = true;
    this.closeSpan(at);
    this.status = to;
    this.resolution = nextResolution;
    this.resolvedAt = DONE.has(to) ? (DONE.has(items[0]?.from ?? '') ? this.resolvedAt : at) : null;
    if (to === STATUS.inProgress) this.openSpan(at);
    return at;
  }

  assign(t: number, author: string, to: string): number | null {
    if (to === this.assignee || this.cut) return null;
    const at = this.change(t, author, [{ field: 'assignee', from: this.assignee, to }]);
    if (at === null) return null;
    const working = this.spanStart !== null;
    this.closeSpan(at);
    this.assignee = to;
    if (working) this.openSpan(at);
    return at;
  }

  setPriority(t: number, author: string, to: string): number | null {
    if (to === this.priority || this.cut) return null;
    const at = this.change(t, author, [{ field: 'priority', from: this.priority, to }]);
    if (at !== null) this.priority = to;
    return at;
  }

  addLabel(t: number, author: string, label: string): number | null {
    if (this.labels.includes(label) || this.cut) return null;
    const next = [...this.labels, label];
    const at = this.change(t, author, [{ field: 'labels', from: this.labels.join(' ') || null, to: next.join(' ') }]);
    if (at !== null) this.labels = next;
    return at;
  }

  /** A maintenance window or similar focused work, inside the issue's life, clipped at the anchor. */
  addFocus(start: number, end: number, engineer: string, weight: number): void {
    const e = Math.min(end, this.anchor);
    if (e - start >= 60_000 && start >= this.created) this.spans.push({ start, end: e, engineer, weight, anyTime: true });
  }

  private openSpan(at: number): void {
    if (this.assignee !== null) this.spanStart = at;
  }

  private closeSpan(at: number): void {
    if (this.spanStart !== null && this.assignee !== null && at > this.spanStart) {
      this.spans.push({ start: this.spanStart, end: at, engineer: this.assignee, weight: 1, anyTime: false });
    }
    this.spanStart = null;
  }

  /** Closes an open work span at the anchor (the issue is still being worked on "now"). */
  finish(): void {
    if (this.spanStart !== null) this.closeSpan(this.anchor);
  }
}
