// SLA timelines built from an issue's Jira history: initial values, categories, authors, the order of events
// at the same instant, and a realistic issue evaluated end to end.
import { parseCalendar } from '../../../src/domain/calendar';
import {
  evaluateSla,
  parsePolicy,
  parseTimeline,
  timelineFromJira,
  type ChangelogEntry,
  type ChangelogItem,
  type IssueHistoryFacts,
  type TimelineEvent,
} from '../../../src/domain/sla';

const at = (iso: string): number => Date.parse(`${iso}Z`);
const item = (field: string, from: string | null, fromString: string | null, to: string | null, toString: string | null): ChangelogItem => ({
  field,
  from,
  fromString,
  to,
  toString,
});
const status = (from: [string, string], to: [string, string]): ChangelogItem => item('status', from[0], from[1], to[0], to[1]);

const OPEN: [string, string] = ['1', 'Open'];
const IN_PROGRESS: [string, string] = ['3', 'In Progress'];
const REOPENED: [string, string] = ['4', 'Reopened'];
const WAITING: [string, string] = ['10001', 'Waiting for customer'];
const DONE: [string, string] = ['10002', 'Done'];

const base: IssueHistoryFacts = {
  created: at('2026-03-02T09:00:00'),
  current: { status: { name: 'Open', category: 'new' }, priority: 'Medium', assigneeAccountId: null },
  changes: [],
  comments: [],
  statusCategories: { '1': 'new', '3': 'indeterminate', '4': 'indeterminate', '10001': 'indeterminate', '10002': 'done' },
  isAgent: (accountId) => accountId.startsWith('agent-'),
};

/** Builds the timeline and checks it against the engine's own schema (shape, order, `created` first). */
const build = (facts: IssueHistoryFacts): TimelineEvent[] => {
  const timeline = timelineFromJira(facts);
  expect(parseTimeline(JSON.parse(JSON.stringify(timeline)))).toEqual(timeline);
  return [...timeline];
};

describe('timelineFromJira: values at creation', () => {
  it('takes the current values when nothing changed', () => {
    expect(build(base)).toEqual([{ at: base.created, type: 'created', status: 'Open', statusCategory: 'new', priority: 'Medium' }]);
  });

  it('walks back from the current values to the `from` side of the earliest change of each field', () => {
    const timeline = build({
      ...base,
      current: { status: { name: 'Done', category: 'done' }, priority: 'Low', assigneeAccountId: 'agent-bo' },
      changes: [
        { at: at('2026-03-02T12:00:00'), id: '102', items: [status(IN_PROGRESS, DONE), item('priority', '2', 'High', '4', 'Low')] },
        { at: at('2026-03-02T10:00:00'), id: '101', items: [status(OPEN, IN_PROGRESS), item('assignee', 'agent-anna', 'Anna', 'agent-bo', 'Bo')] },
        { at: at('2026-03-02T11:00:00'), id: '100b', items: [item('resolution', null, null, '1', 'Done')] },
      ],
    });
    expect(timeline[0]).toEqual({ at: base.created, type: 'created', status: 'Open', statusCategory: 'new', priority: 'High' });
    // Created already assigned: the assignment is an event at creation.
    expect(timeline[1]).toEqual({ at: base.created, type: 'assigned', to: 'agent-anna' });
    expect(timeline.slice(2)).toEqual([
      { at: at('2026-03-02T10:00:00'), type: 'status', to: 'In Progress', toCategory: 'indeterminate' },
      { at: at('2026-03-02T10:00:00'), type: 'assigned', to: 'agent-bo' },
      { at: at('2026-03-02T12:00:00'), type: 'status', to: 'Done', toCategory: 'done' },
      { at: at('2026-03-02T12:00:00'), type: 'priority', to: 'Low' },
    ]);
  });

  it('starts without a priority or assignee when the earliest change set them from nothing', () => {
    const timeline = build({
      ...base,
      current: { ...base.current, priority: 'High', assigneeAccountId: 'agent-anna' },
      changes: [{ at: at('2026-03-02T09:05:00'), id: '7', items: [item('priority', null, null, '2', 'High'), item('assignee', null, null, 'agent-anna', 'Anna')] }],
    });
    expect(timeline).toEqual([
      { at: base.created, type: 'created', status: 'Open', statusCategory: 'new', priority: null },
      { at: at('2026-03-02T09:05:00'), type: 'priority', to: 'High' },
      { at: at('2026-03-02T09:05:00'), type: 'assigned', to: 'agent-anna' },
    ]);
  });

  it('reports a cleared assignee as assigned to null', () => {
    const timeline = build({
      ...base,
      changes: [{ at: at('2026-03-02T10:00:00'), id: '8', items: [item('assignee', 'agent-anna', 'Anna', null, null)] }],
    });
    expect(timeline).toEqual([
      { at: base.created, type: 'created', status: 'Open', statusCategory: 'new', priority: 'Medium' },
      { at: base.created, type: 'assigned', to: 'agent-anna' },
      { at: at('2026-03-02T10:00:00'), type: 'assigned', to: null },
    ]);
  });
});

describe('timelineFromJira: status categories', () => {
  it('takes the category of the status id, else of the current status by name, else indeterminate', () => {
    const timeline = build({
      ...base,
      current: { status: { name: 'Closed', category: 'done' }, priority: null, assigneeAccountId: null },
      // Neither '900' (initial) nor '901' nor '902' is in Jira's status list any more.
      changes: [
        { at: at('2026-03-02T10:00:00'), id: '1', items: [status(['900', 'Triage'], ['901', 'Legacy review'])] },
        { at: at('2026-03-02T11:00:00'), id: '2', items: [status(['901', 'Legacy review'], ['902', 'closed'])] },
      ],
    });
    expect(timeline).toEqual([
      { at: base.created, type: 'created', status: 'Triage', statusCategory: 'indeterminate', priority: null },
      { at: at('2026-03-02T10:00:00'), type: 'status', to: 'Legacy review', toCategory: 'indeterminate' },
      { at: at('2026-03-02T11:00:00'), type: 'status', to: 'closed', toCategory: 'done' },
    ]);
  });

  it('prefers the id over the name', () => {
    const timeline = build({
      ...base,
      current: { status: { name: 'Done', category: 'done' }, priority: null, assigneeAccountId: null },
      // The changelog names the current status, but the id it moved to is known to be in progress.
      changes: [{ at: at('2026-03-02T10:00:00'), id: '1', items: [status(OPEN, ['3', 'Done'])] }],
    });
    expect(timeline[1]).toEqual({ at: at('2026-03-02T10:00:00'), type: 'status', to: 'Done', toCategory: 'indeterminate' });
  });

  it('does not take status ids from Object.prototype', () => {
    const timeline = build({
      ...base,
      changes: [{ at: at('2026-03-02T10:00:00'), id: '1', items: [status(OPEN, ['constructor', 'Odd'])] }],
    });
    expect(timeline[1]).toEqual({ at: at('2026-03-02T10:00:00'), type: 'status', to: 'Odd', toCategory: 'indeterminate' });
  });
});

describe('timelineFromJira: comments', () => {
  it('tells agents from customers; a deleted author is a customer', () => {
    const timeline = build({
      ...base,
      comments: [
        { at: at('2026-03-02T10:00:00'), authorAccountId: 'agent-anna', public: false },
        { at: at('2026-03-02T10:01:00'), authorAccountId: 'cust-carl', public: true },
        { at: at('2026-03-02T10:02:00'), authorAccountId: null, public: true },
      ],
    });
    expect(timeline.slice(1)).toEqual([
      { at: at('2026-03-02T10:00:00'), type: 'comment', author: 'agent', public: false },
      { at: at('2026-03-02T10:01:00'), type: 'comment', author: 'customer', public: true },
      { at: at('2026-03-02T10:02:00'), type: 'comment', author: 'customer', public: true },
    ]);
  });
});

describe('timelineFromJira: order', () => {
  const T = at('2026-03-02T10:00:00');

  it('orders by instant, then changelog entries by numeric id, then comments in their listed order', () => {
    const changes: ChangelogEntry[] = [
      { at: T, id: '10', items: [status(IN_PROGRESS, WAITING)] },
      { at: T + 1, id: '3', items: [item('priority', '3', 'Medium', '1', 'Highest')] },
      { at: T, id: '9', items: [status(OPEN, IN_PROGRESS), item('priority', '3', 'Medium', '2', 'High'), item('priority', '2', 'High', '3', 'Medium')] },
    ];
    const timeline = build({
      ...base,
      current: { status: { name: 'Waiting for customer', category: 'indeterminate' }, priority: 'Highest', assigneeAccountId: null },
      changes,
      comments: [
        { at: T, authorAccountId: 'cust-carl', public: true },
        { at: T - 1, authorAccountId: 'agent-anna', public: false },
        { at: T, authorAccountId: 'agent-anna', public: true },
      ],
    });
    expect(timeline.slice(1)).toEqual([
      { at: T - 1, type: 'comment', author: 'agent', public: false },
      // Entry "9" before "10" (as numbers, not as text), its items in their order.
      { at: T, type: 'status', to: 'In Progress', toCategory: 'indeterminate' },
      { at: T, type: 'priority', to: 'High' },
      { at: T, type: 'priority', to: 'Medium' },
      { at: T, type: 'status', to: 'Waiting for customer', toCategory: 'indeterminate' },
      // Comments after the changelog entries of the same instant, in their listed order.
      { at: T, type: 'comment', author: 'customer', public: true },
      { at: T, type: 'comment', author: 'agent', public: true },
      { at: T + 1, type: 'priority', to: 'Highest' },
    ]);
  });

  it('moves events dated before the creation to the creation instant, keeping their order', () => {
    const timeline = build({
      ...base,
      current: { ...base.current, status: { name: 'In Progress', category: 'indeterminate' } },
      changes: [{ at: base.created - 3000, id: '5', items: [status(OPEN, IN_PROGRESS)] }],
      comments: [
        { at: base.created - 1000, authorAccountId: 'agent-anna', public: true },
        { at: base.created - 5000, authorAccountId: 'cust-carl', public: true },
      ],
    });
    expect(timeline).toEqual([
      { at: base.created, type: 'created', status: 'Open', statusCategory: 'new', priority: 'Medium' },
      { at: base.created, type: 'comment', author: 'customer', public: true },
      { at: base.created, type: 'status', to: 'In Progress', toCategory: 'indeterminate' },
      { at: base.created, type: 'comment', author: 'agent', public: true },
    ]);
  });

  it('counts a changelog entry listed twice once', () => {
    const entry: ChangelogEntry = { at: T, id: '11', items: [item('priority', '3', 'Medium', '2', 'High')] };
    const timeline = build({ ...base, current: { ...base.current, priority: 'High' }, changes: [entry, { ...entry }] });
    expect(timeline.slice(1)).toEqual([{ at: T, type: 'priority', to: 'High' }]);
  });

  it('gives the same timeline whatever the order of the changelog', () => {
    const changes: ChangelogEntry[] = [
      { at: T, id: '12', items: [status(OPEN, IN_PROGRESS)] },
      { at: T, id: '13', items: [status(IN_PROGRESS, DONE)] },
      { at: T + 60_000, id: '14', items: [status(DONE, REOPENED)] },
    ];
    const facts = { ...base, current: { ...base.current, status: { name: 'Reopened', category: 'indeterminate' as const } } };
    expect(build({ ...facts, changes: [...changes].reverse() })).toEqual(build({ ...facts, changes }));
  });
});

describe('timelineFromJira feeding evaluateSla', () => {
  const day1 = (time: string): number => at(`2026-03-02T${time}`);
  const day2 = (time: string): number => at(`2026-03-03T${time}`);

  // Created 09:00 with priority Medium; triaged to High and assigned 09:10; an internal note 09:30; the first
  // public answer 10:00; waiting for the customer 10:05 until they answer 12:05 (the issue moves back to In
  // Progress at 12:06); resolved 14:05. Reopened the next day 09:00 and resolved again 09:45 with a comment.
  const facts: IssueHistoryFacts = {
    ...base,
    current: { status: { name: 'Done', category: 'done' }, priority: 'High', assigneeAccountId: 'agent-anna' },
    // Jira pages changelogs newest first; the order must not matter.
    changes: [
      { at: day2('09:45:00'), id: '10105', items: [status(REOPENED, DONE)] },
      { at: day2('09:00:00'), id: '10104', items: [status(DONE, REOPENED)] },
      { at: day1('14:05:00'), id: '10103', items: [status(IN_PROGRESS, DONE)] },
      { at: day1('12:06:00'), id: '10102', items: [status(WAITING, IN_PROGRESS)] },
      { at: day1('10:05:00'), id: '10101', items: [status(OPEN, WAITING)] },
      { at: day1('09:10:00'), id: '10100', items: [item('priority', '3', 'Medium', '2', 'High'), item('assignee', null, null, 'agent-anna', 'Anna')] },
    ],
    comments: [
      { at: day1('09:30:00'), authorAccountId: 'agent-anna', public: false },
      { at: day1('10:00:00'), authorAccountId: 'agent-anna', public: true },
      { at: day1('12:05:00'), authorAccountId: 'cust-carl', public: true },
      { at: day2('09:45:00'), authorAccountId: 'agent-anna', public: true },
    ],
  };

  const aroundTheClock = parseCalendar({
    timeZone: 'UTC',
    weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
  });

  const policy = parsePolicy({
    metrics: [
      {
        key: 'firstResponse',
        name: 'Time to first response',
        start: [{ event: 'created' }],
        stop: [{ event: 'comment', author: 'agent', public: true }, { event: 'statusCategory', to: 'done' }],
        targets: [{ priorities: ['High'], minutes: 120 }, { minutes: 240 }],
      },
      {
        key: 'resolution',
        name: 'Time to resolution',
        start: [{ event: 'created' }, { event: 'statusCategory', from: 'done' }],
        stop: [{ event: 'statusCategory', to: 'done' }],
        pause: [{ status: ['Waiting for customer'] }],
        targets: [{ priorities: ['High'], minutes: 480 }, { minutes: 960 }],
      },
    ],
  });

  const timeline = timelineFromJira(facts);
  const sla = (now: number) => evaluateSla(policy, timeline, now, { calendar: aroundTheClock });

  it('builds the timeline in Jira order', () => {
    expect(build(facts)).toEqual([
      { at: day1('09:00:00'), type: 'created', status: 'Open', statusCategory: 'new', priority: 'Medium' },
      { at: day1('09:10:00'), type: 'priority', to: 'High' },
      { at: day1('09:10:00'), type: 'assigned', to: 'agent-anna' },
      { at: day1('09:30:00'), type: 'comment', author: 'agent', public: false },
      { at: day1('10:00:00'), type: 'comment', author: 'agent', public: true },
      { at: day1('10:05:00'), type: 'status', to: 'Waiting for customer', toCategory: 'indeterminate' },
      { at: day1('12:05:00'), type: 'comment', author: 'customer', public: true },
      { at: day1('12:06:00'), type: 'status', to: 'In Progress', toCategory: 'indeterminate' },
      { at: day1('14:05:00'), type: 'status', to: 'Done', toCategory: 'done' },
      { at: day2('09:00:00'), type: 'status', to: 'Reopened', toCategory: 'indeterminate' },
      { at: day2('09:45:00'), type: 'status', to: 'Done', toCategory: 'done' },
      { at: day2('09:45:00'), type: 'comment', author: 'agent', public: true },
    ]);
  });

  it('stops the first response at the public agent comment, not the internal note', () => {
    // 09:00 to 10:00.
    expect(sla(day1('09:45:00')).firstResponse).toMatchObject({ state: 'running', elapsedMinutes: 45, targetMinutes: 120 });
    expect(sla(day2('12:00:00')).firstResponse).toMatchObject({ state: 'met', elapsedMinutes: 60, remainingMinutes: 60, cycles: 1 });
  });

  it('holds the resolution clock while waiting for the customer', () => {
    // 09:00 to 10:05 = 65 minutes, then held.
    expect(sla(day1('11:00:00')).resolution).toMatchObject({ state: 'paused', elapsedMinutes: 65 });
    // The customer's answer at 12:05 alone does not resume it; In Progress at 12:06 does: 65 + 54 at 13:00.
    expect(sla(day1('12:06:00')).resolution).toMatchObject({ state: 'running', elapsedMinutes: 65 });
    expect(sla(day1('13:00:00')).resolution).toMatchObject({ state: 'running', elapsedMinutes: 119, remainingMinutes: 361 });
  });

  it('measures each cycle of a reopened issue against the current priority', () => {
    // Cycle 1: 65 + (12:06 to 14:05 = 119) = 184 minutes. Cycle 2: 09:00 to 09:45 = 45 minutes.
    expect(sla(day1('20:00:00')).resolution).toMatchObject({ state: 'met', elapsedMinutes: 184, cycles: 1 });
    expect(sla(day2('09:30:00')).resolution).toMatchObject({ state: 'running', elapsedMinutes: 30, cycles: 2 });
    const done = sla(day2('12:00:00')).resolution;
    expect(done).toMatchObject({ state: 'met', elapsedMinutes: 45, remainingMinutes: 435, targetMinutes: 480, cycles: 2, everBreached: false });
    expect(done?.history).toEqual([
      { startedAt: day1('09:00:00'), stoppedAt: day1('14:05:00'), elapsedSeconds: 184 * 60, breached: false },
      { startedAt: day2('09:00:00'), stoppedAt: day2('09:45:00'), elapsedSeconds: 45 * 60, breached: false },
    ]);
  });
});
