// A refreshed board merged into the one shown: every item, lane and list that did not change keeps its object,
// so React redraws only what changed (a focused button or an open tooltip stays). And the choices the filters
// offer: what the board says it offers, plus what earlier answers showed.
// Pure.
import type { BoardItem, BoardLane, BoardView } from '@contract/board';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function mergeItems(old: readonly BoardItem[], fresh: readonly BoardItem[]): BoardItem[] {
  const byId = new Map(old.map((i) => [i.issueId, i]));
  const items = fresh.map((item) => {
    const before = byId.get(item.issueId);
    return before && same(before, item) ? before : item;
  });
  return items.length === old.length && items.every((item, i) => item === old[i]) ? (old as BoardItem[]) : items;
}

export function mergeLane(old: BoardLane | undefined, fresh: BoardLane): BoardLane {
  if (!old) return fresh;
  const items = mergeItems(old.items, fresh.items);
  if (items === old.items && same({ ...old, items: [] }, { ...fresh, items: [] })) return old;
  return { ...fresh, items };
}

/** `fresh`, reusing every part of `old` that is unchanged. */
export function mergeView(old: BoardView | null, fresh: BoardView): BoardView {
  if (!old) return fresh;
  const lanesByKey = new Map(old.lanes.map((l) => [l.customer.key, l]));
  const lanes = fresh.lanes.map((lane) => mergeLane(lanesByKey.get(lane.customer.key), lane));
  const sameLanes = lanes.length === old.lanes.length && lanes.every((l, i) => l === old.lanes[i]);
  const next = mergeItems(old.next, fresh.next);
  if (sameLanes && next === old.next && same(old.viewer, fresh.viewer)) return { ...old, generatedAt: fresh.generatedAt };
  return { ...fresh, lanes: sameLanes ? old.lanes : lanes, next };
}

/** The lane of `customerKey` replaced. */
export function replaceLane(view: BoardView, lane: BoardLane): BoardView {
  return { ...view, lanes: view.lanes.map((l) => (l.customer.key === lane.customer.key ? mergeLane(l, lane) : l)) };
}

export interface FilterChoices {
  /** key -> name */
  customers: Map<string, string>;
  /** accountId -> display name */
  assignees: Map<string, string>;
  issueTypes: Set<string>;
}

export const emptyChoices = (): FilterChoices => ({ customers: new Map(), assignees: new Map(), issueTypes: new Set() });

/** The choices so far plus what `view` shows; the same object when nothing is new. */
export function gatherChoices(choices: FilterChoices, view: BoardView): FilterChoices {
  // The board says what it offers (whatever the filters); what earlier answers showed stays offered too.
  const laneCustomers = [...view.choices.customers, ...view.lanes.map((l) => l.customer)];
  const people = [...view.choices.assignees, ...[...view.lanes.flatMap((l) => l.items), ...view.next].flatMap((i) => (i.assignee ? [i.assignee] : []))];
  const types = view.choices.issueTypes;
  const newCustomer = laneCustomers.some((c) => choices.customers.get(c.key) !== c.name);
  const newAssignee = people.some((p) => choices.assignees.get(p.accountId) !== p.displayName);
  const newType = types.some((t) => !choices.issueTypes.has(t));
  if (!newCustomer && !newAssignee && !newType) return choices;
  return {
    customers: new Map([...choices.customers, ...laneCustomers.map((c): [string, string] => [c.key, c.name])]),
    assignees: new Map([...choices.assignees, ...people.map((p): [string, string] => [p.accountId, p.displayName])]),
    issueTypes: new Set([...choices.issueTypes, ...types]),
  };
}

/** The customer of each item in the team's list, by the lanes (the list's items do not name it). */
export function customerOfItems(view: BoardView): Map<string, { key: string; name: string }> {
  const out = new Map<string, { key: string; name: string }>();
  for (const lane of view.lanes) for (const item of lane.items) out.set(item.issueId, { key: lane.customer.key, name: lane.customer.name });
  return out;
}
