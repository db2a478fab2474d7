// Invariants that must hold for every issue of a generated demo company, for several anchors and seeds: the
// history replays cleanly, nothing happens after "now", every reference exists, worklogs sit inside the issue's
// life, and the features the demo must show (holiday and month-end worklogs, reopen, waiting) are there.

import type { DemoCompany } from '../../local/demo/types';
import { demo, local, ms, replay } from './helpers';

interface Case {
  name: string;
  anchor: string;
  seed?: number;
  issues?: number;
  /** Full-size cases also check that every demo feature shows up; small edge cases check the invariants only. */
  full: boolean;
}

const CASES: Case[] = [
  // Spring: EU DST change inside the history; Easter, Ascension, Whit Monday, Memorial Day, Bakrid.
  { name: 'default seed, June anchor', anchor: '2026-06-10T14:00:00Z', full: true },
  // Autumn, with an offset anchor: both DST ends, Thanksgiving week, Diwali; no Swiss holiday at all.
  { name: 'other seed, November anchor', anchor: '2026-11-20T12:00:00+01:00', seed: 7, full: true },
  // Year end: Christmas and New Year for everyone, a 1 January holiday observed on 31 December in the US (2027).
  { name: 'year-end anchor', anchor: '2028-01-05T09:30:00Z', seed: 99, full: true },
  // Edge anchors, smaller: a leap day late in the evening, the instant Zurich switches to summer time, a month end.
  { name: 'leap-day anchor', anchor: '2028-02-29T23:59:00-05:00', seed: 3, issues: 150, full: false },
  { name: 'anchor at a DST switch', anchor: '2026-03-29T01:00:00Z', seed: 4, issues: 150, full: false },
  { name: 'anchor at midnight of a month end', anchor: '2025-05-31T18:30:00Z', seed: 5, issues: 150, full: false },
];

describe.each(CASES)('demo company invariants: $name', ({ anchor, seed, issues, full }) => {
  let company: DemoCompany;
  const anchorMs = Date.parse(anchor);
  beforeAll(() => {
    company = demo({ anchor, ...(seed !== undefined ? { seed } : {}), ...(issues !== undefined ? { issues } : {}) });
  });

  const lookups = () => {
    const jira = company.jira;
    const statusById = new Map(jira.statuses.map((s) => [s.id, s]));
    const done = new Set(jira.statuses.filter((s) => s.category === 'done').map((s) => s.id));
    const targets = new Set(jira.transitions.map((t) => t.toStatusId));
    const waiting = jira.statuses.find((s) => s.name === 'Waiting for customer')?.id ?? '';
    const users = new Map(jira.users.map((u) => [u.accountId, u]));
    const people = new Map(company.people.map((p) => [p.accountId, p]));
    const customerOf = new Map(company.customers.flatMap((c) => c.projectKeys.map((k) => [k, c] as const)));
    const projects = new Map(jira.projects.map((p) => [p.key, p]));
    return { jira, statusById, done, targets, waiting, users, people, customerOf, projects };
  };

  it('records every issue event in order, after creation and never after the anchor', () => {
    const historyStart = ms(company.meta.historyStart);
    const bad: string[] = [];
    for (const issue of company.jira.issues) {
      const created = ms(issue.created);
      if (created < historyStart || created > anchorMs) bad.push(`${issue.key} created ${issue.created}`);
      for (const list of [issue.history, issue.comments]) {
        let previous = created;
        for (const e of list) {
          const t = ms(e.at);
          if (t <= previous) bad.push(`${issue.key}: ${e.at} not after the previous event or creation`);
          if (t > anchorMs) bad.push(`${issue.key}: ${e.at} after the anchor`);
          previous = t;
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('replays every history cleanly: each change starts from the current value, resolved exactly when done', () => {
    const { jira, done, targets, waiting, statusById } = lookups();
    const problems: string[] = [];
    for (const issue of jira.issues) {
      expect(statusById.get(issue.initial.statusId)?.category).toBe('new');
      const r = replay(issue, done, targets, waiting);
      problems.push(...r.problems);
      expect(statusById.has(r.status)).toBe(true);
      expect(done.has(r.status)).toBe(r.resolution !== null);
    }
    expect(problems).toEqual([]);
  });

  it('references only accounts, statuses, priorities, types, resolutions, projects and components that exist', () => {
    const { jira, users, people, customerOf, projects } = lookups();
    const statuses = new Set(jira.statuses.map((s) => s.id));
    const priorities = new Set(jira.priorities.map((p) => p.id));
    const types = new Set(jira.issueTypes.map((t) => t.id));
    const resolutions = new Set((jira.resolutions ?? []).map((r) => r.id));
    const groups = new Set(jira.users.flatMap((u) => u.groups));
    const bad: string[] = [];
    const need = (ok: boolean, what: string): void => {
      if (!ok) bad.push(what);
    };
    for (const p of jira.projects) {
      need(users.has(p.leadAccountId), `${p.key} lead`);
      for (const g of p.browseGroups) need(groups.has(g), `${p.key} browse group ${g}`);
    }
    for (const g of jira.adminGroups) need(groups.has(g), `admin group ${g}`);
    const engineer = (id: string | null): boolean => id === null || people.get(id)?.role === 'engineer';
    for (const issue of jira.issues) {
      const k = issue.key;
      const project = projects.get(issue.projectKey);
      need(project !== undefined && customerOf.has(issue.projectKey), `${k} project`);
      need(k.startsWith(`${issue.projectKey}-`), `${k} key prefix`);
      need(types.has(issue.issueTypeId), `${k} type`);
      need(users.has(issue.reporterAccountId), `${k} reporter`);
      need(statuses.has(issue.initial.statusId) && priorities.has(issue.initial.priorityId), `${k} initial values`);
      need(engineer(issue.initial.assigneeAccountId), `${k} initial assignee`);
      for (const c of issue.components) need(project?.components.includes(c) ?? false, `${k} component ${c}`);
      for (const change of issue.history) {
        need(users.has(change.authorAccountId), `${k} change author`);
        for (const item of change.items) {
          for (const id of [item.from, item.to]) {
            if (id === null) continue;
            if (item.field === 'status') need(statuses.has(id), `${k} status ${id}`);
            if (item.field === 'priority') need(priorities.has(id), `${k} priority ${id}`);
            if (item.field === 'resolution') need(resolutions.has(id), `${k} resolution ${id}`);
            // Issues are only ever assigned to engineers.
            if (item.field === 'assignee') need(engineer(id), `${k} assignee ${id}`);
          }
        }
      }
      for (const c of issue.comments) need(users.has(c.authorAccountId), `${k} comment author`);
      for (const w of issue.worklogs) need(engineer(w.authorAccountId), `${k} worklog author ${w.authorAccountId}`);
    }
    expect(bad).toEqual([]);
  });

  it('lets customers act only on their own projects, never internally, and staff act everywhere', () => {
    const { jira, people, customerOf, projects, users } = lookups();
    const bad: string[] = [];
    for (const issue of jira.issues) {
      const customer = customerOf.get(issue.projectKey);
      const browse = new Set(projects.get(issue.projectKey)?.browseGroups ?? []);
      const actors = [issue.reporterAccountId, ...issue.history.map((h) => h.authorAccountId), ...issue.comments.map((c) => c.authorAccountId)];
      for (const id of new Set(actors)) {
        // Everyone who touched the issue can browse its project.
        if (!users.get(id)?.groups.some((g) => browse.has(g))) bad.push(`${issue.key}: ${id} cannot browse ${issue.projectKey}`);
        const person = people.get(id);
        if (person?.role === 'customer' && person.customerKey !== customer?.key) bad.push(`${issue.key}: contact of ${person.customerKey}`);
      }
      for (const c of issue.comments) {
        if (c.internal && people.get(c.authorAccountId)?.role === 'customer') bad.push(`${issue.key}: internal comment by a customer`);
      }
      // Customers never change fields: transitions, priority and assignment are the agents' job.
      for (const h of issue.history) if (people.get(h.authorAccountId)?.role === 'customer') bad.push(`${issue.key}: change by a customer`);
    }
    expect(bad).toEqual([]);
  });

  it('starts every worklog within its issue life and ends it by the anchor', () => {
    const { jira, done, targets, waiting } = lookups();
    const bad: string[] = [];
    for (const issue of jira.issues) {
      const created = ms(issue.created);
      // Worked until resolved (for a done issue) or until now.
      const lifeEnd = replay(issue, done, targets, waiting).resolvedAt ?? anchorMs;
      let previous = -Infinity;
      for (const w of issue.worklogs) {
        const where = `${issue.key} worklog ${w.started}`;
        const started = ms(w.started);
        const end = started + w.timeSpentSeconds * 1000;
        if (started < created || started > lifeEnd) bad.push(`${where}: outside the issue's life`);
        if (!Number.isInteger(w.timeSpentSeconds) || w.timeSpentSeconds <= 0) bad.push(`${where}: time spent ${w.timeSpentSeconds}`);
        if (end > anchorMs) bad.push(`${where}: ends after the anchor`);
        if (w.created !== undefined && (ms(w.created) < end || ms(w.created) > anchorMs)) bad.push(`${where}: logged at ${w.created}`);
        if (started < previous) bad.push(`${where}: out of order`);
        previous = started;
      }
    }
    expect(bad).toEqual([]);
  });

  if (full) {
    it('has worklogs on customer public holidays and worklogs crossing a month end in the customer zone', () => {
      const { jira, customerOf } = lookups();
      let onHoliday = 0;
      let acrossMonthEnd = 0;
      for (const issue of jira.issues) {
        const customer = customerOf.get(issue.projectKey);
        if (!customer) continue;
        const holidays = new Set(customer.holidays.map((h) => h.date));
        for (const w of issue.worklogs) {
          const start = ms(w.started);
          if (holidays.has(local(customer.timeZone, start).date)) onHoliday++;
          const lastMinute = start + w.timeSpentSeconds * 1000 - 60_000;
          if (local(customer.timeZone, start).month !== local(customer.timeZone, lastMinute).month) acrossMonthEnd++;
        }
      }
      expect(onHoliday).toBeGreaterThan(0);
      expect(acrossMonthEnd).toBeGreaterThan(0);
    });

    it('shows reopened, waiting-for-customer, priority-changed, reassigned and still-open issues', () => {
      const { jira, done, targets, waiting } = lookups();
      const replayed = jira.issues.map((i) => replay(i, done, targets, waiting));
      expect(replayed.filter((r) => r.reopened).length).toBeGreaterThan(0);
      expect(replayed.filter((r) => r.waited).length).toBeGreaterThan(0);
      expect(replayed.filter((r) => !done.has(r.status)).length).toBeGreaterThan(0);
      expect(replayed.filter((r) => r.status === waiting).length).toBeGreaterThan(0);
      expect(jira.issues.filter((i) => i.history.some((h) => h.items.some((x) => x.field === 'priority'))).length).toBeGreaterThan(0);
      expect(jira.issues.filter((i) => i.history.filter((h) => h.items.some((x) => x.field === 'assignee')).length > 1).length).toBeGreaterThan(0);
      const internal = jira.issues.flatMap((i) => i.comments).filter((c) => c.internal).length;
      const publicComments = jira.issues.flatMap((i) => i.comments).filter((c) => !c.internal).length;
      expect(internal).toBeGreaterThan(0);
      expect(publicComments).toBeGreaterThan(internal);
    });
  }

  it('lists customer holidays that are real dates in the history or the year around it', () => {
    for (const c of company.customers) {
      expect(c.holidays.length).toBeGreaterThan(0);
      for (const h of c.holidays) {
        expect(h.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(local('UTC', Date.parse(`${h.date}T12:00:00Z`)).date).toBe(h.date);
        expect(h.name.length).toBeGreaterThan(0);
      }
    }
  });
});
