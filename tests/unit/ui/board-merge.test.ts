// A refreshed board merged into the one shown: unchanged items, lanes and lists keep their objects (React then
// redraws only what changed, so focus and open tooltips stay); the filters' choices grow with what was seen.
import type { BoardItem, BoardLane, BoardView } from '../../../src/contract/board';
import { customerOfItems, emptyChoices, gatherChoices, mergeView, replaceLane } from '../../../static/board/board-merge';

const item = (issueId: string, over: Partial<BoardItem> = {}): BoardItem => ({
  issueId,
  key: `ACME-${issueId}`,
  summary: `Issue ${issueId}`,
  issueType: 'Incident',
  priority: 'High',
  status: { name: 'Open', category: 'new' },
  assignee: { accountId: 'a1', displayName: 'Lukas Meier' },
  created: '2026-03-01T00:00:00.000Z',
  clock: null,
  score: { total: 10, pinned: false, reasons: [] },
  placement: { key: 'board.rank.score', vars: {} },
  moved: null,
  ...over,
});
const lane = (key: string, items: BoardItem[]): BoardLane => ({
  customer: { key, name: key.toUpperCase(), tier: 'gold' },
  health: { open: items.length, breached: 0, includedHours: null, hoursUsed: null, thisMonth: { resolved: 0, withinSla: 0 } },
  items,
  truncated: false,
});
/** An answer whose choices are what its lanes hold, as the server gives for an unfiltered board. */
const board = (lanes: BoardLane[], next: BoardItem[] = [], generatedAt = '2026-03-10T12:00:00Z', choices?: BoardView['choices']): BoardView => {
  const items = lanes.flatMap((l) => l.items);
  return {
    viewer: { kind: 'staff' },
    lanes,
    next,
    generatedAt,
    choices: choices ?? {
      customers: lanes.map((l) => ({ key: l.customer.key, name: l.customer.name })),
      assignees: items.flatMap((i) => (i.assignee ? [i.assignee] : [])),
      issueTypes: [...new Set(items.flatMap((i) => (i.issueType ? [i.issueType] : [])))],
    },
  };
};
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('merging a refreshed board', () => {
  const old = board([lane('acme', [item('1'), item('2')]), lane('beta', [item('3')])], [item('1')]);

  it('keeps every object when nothing changed but the time', () => {
    const fresh = { ...copy(old), generatedAt: '2026-03-10T12:01:00Z' };
    const merged = mergeView(old, fresh);
    expect(merged.lanes).toBe(old.lanes);
    expect(merged.next).toBe(old.next);
    expect(merged.generatedAt).toBe('2026-03-10T12:01:00Z');
  });

  it('replaces only what changed, in the new order', () => {
    const fresh = copy(old);
    const acme = fresh.lanes[0] as BoardLane;
    acme.items = [acme.items[1] as BoardItem, { ...(acme.items[0] as BoardItem), summary: 'Changed' }];
    const merged = mergeView(old, fresh);
    const [mergedAcme, mergedBeta] = merged.lanes;
    expect(mergedBeta).toBe(old.lanes[1]);
    expect(mergedAcme?.items[0]).toBe(old.lanes[0]?.items[1]);
    expect(mergedAcme?.items[1]?.summary).toBe('Changed');
    expect(merged.next).toBe(old.next);
  });

  it('takes the first answer as it is, and a lane of a move into the view', () => {
    const fresh = copy(old);
    expect(mergeView(null, fresh)).toBe(fresh);
    const moved = lane('acme', [item('2'), item('1', { moved: { by: 'Sofia', at: '2026-03-10T12:00:00Z', undoable: true } })]);
    const next = replaceLane(old, moved);
    expect(next.lanes[0]?.items.map((i) => i.issueId)).toEqual(['2', '1']);
    expect(next.lanes[0]?.items[0]).toBe(old.lanes[0]?.items[1]);
    expect(next.lanes[1]).toBe(old.lanes[1]);
  });
});

describe('the filters’ choices', () => {
  it('gathers customers, assignees and issue types from every answer seen', () => {
    const first = gatherChoices(emptyChoices(), board([lane('acme', [item('1'), item('2', { assignee: null, issueType: 'Task' })])]));
    expect([...first.customers]).toEqual([['acme', 'ACME']]);
    expect([...first.assignees]).toEqual([['a1', 'Lukas Meier']]);
    expect([...first.issueTypes].sort()).toEqual(['Incident', 'Task']);
    // A narrower answer adds, never removes; nothing new keeps the same object.
    const second = gatherChoices(first, board([lane('beta', [item('3', { assignee: { accountId: 'a2', displayName: 'Anna Schmid' } })])]));
    expect([...second.customers.keys()]).toEqual(['acme', 'beta']);
    expect([...second.assignees.keys()]).toEqual(['a1', 'a2']);
    expect(gatherChoices(second, board([lane('acme', [item('1')])]))).toBe(second);
  });

  it('offers what the board says it offers, though a shared link opened it filtered to one lane and one type', () => {
    const filtered = board([lane('acme', [item('1')])], [], undefined, {
      customers: [{ key: 'acme', name: 'ACME' }, { key: 'beta', name: 'BETA' }],
      assignees: [{ accountId: 'a1', displayName: 'Lukas Meier' }, { accountId: 'a2', displayName: 'Anna Schmid' }],
      issueTypes: ['Incident', 'Change'],
    });
    const choices = gatherChoices(emptyChoices(), filtered);
    expect([...choices.customers.keys()]).toEqual(['acme', 'beta']);
    expect([...choices.assignees.keys()]).toEqual(['a1', 'a2']);
    expect([...choices.issueTypes]).toEqual(['Incident', 'Change']);
  });

  it('names the customer of each item of the team’s list by its lane', () => {
    const names = customerOfItems(board([lane('acme', [item('1')]), lane('beta', [item('3')])], [item('3'), item('1')]));
    expect(names.get('3')).toEqual({ key: 'beta', name: 'BETA' });
    expect(names.get('1')).toEqual({ key: 'acme', name: 'ACME' });
  });
});
