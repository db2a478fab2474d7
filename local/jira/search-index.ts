// What JQL search sees when the emulator's search lags behind writes (option `searchLagMs`). Jira Cloud's
// `search/jql` is eventually consistent: after a write, searches may see the issue as it was, or not at all, until
// the index catches up; `reconcileIssues` names issues that must be evaluated on their current state.
//
// Model: every write committed through `Core.write` records the issue's new snapshot with the emulator-clock time of
// the write. A search at `now` sees each issue as its last snapshot written at or before `now - lagMs`: the state
// before a later write, or nothing when the issue was created within the lag. Fields and issue properties lag
// together (a property write is a new snapshot). Seeded and reloaded issues are indexed at once. Assumes the clock
// does not run backwards.
import type { IssueRec } from './model';

interface Version {
  at: number;
  /** Undefined: the issue did not exist yet. */
  issue: IssueRec | undefined;
}

export class SearchIndex {
  /** Per issue id, the snapshots not yet superseded in the index, oldest first. Absent = indexed as current. */
  private readonly versions = new Map<number, Version[]>();

  constructor(readonly lagMs: number) {}

  get enabled(): boolean {
    return this.lagMs > 0;
  }

  /** Records a committed write at `at`: `previous` is the issue before it (undefined when the write created it). */
  recordWrite(at: number, previous: IssueRec | undefined, next: IssueRec): void {
    if (!this.enabled) return;
    let list = this.versions.get(next.id);
    if (!list) {
      list = [{ at: Number.NEGATIVE_INFINITY, issue: previous }];
      this.versions.set(next.id, list);
    }
    list.push({ at, issue: next });
    this.catchUp(next.id, list, at); // keeps a busy issue's list to the writes within the lag
  }

  /** The issue as the index sees it at `now`: `current`, an older snapshot, or undefined (not indexed yet). */
  indexed(current: IssueRec, now: number): IssueRec | undefined {
    const list = this.versions.get(current.id);
    if (!list) return current;
    const k = this.catchUp(current.id, list, now);
    return k < 0 ? current : list[k]?.issue;
  }

  /** Whether some issue's indexed state is still behind its current state at `now`. */
  lagging(now: number): boolean {
    for (const [id, list] of [...this.versions]) this.catchUp(id, list, now);
    return this.versions.size > 0;
  }

  clear(): void {
    this.versions.clear();
  }

  /** Drops snapshots the index has moved past; returns the index of the visible one, or -1 when fully caught up. */
  private catchUp(id: number, list: Version[], now: number): number {
    const horizon = now - this.lagMs;
    let k = 0;
    while (k + 1 < list.length && (list[k + 1] as Version).at <= horizon) k++;
    if (k === list.length - 1) {
      this.versions.delete(id);
      return -1;
    }
    if (k > 0) list.splice(0, k);
    return 0;
  }
}
