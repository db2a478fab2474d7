// The generator's contract: deterministic output, exact counts at every scale, and the company the README
// describes (people, tiers, time zones, groups), with a realistic shape (office hours, SLA behaviour).

import { generateDemo } from '../../local/demo/generate';
import { DemoOptionError } from '../../local/demo/options';
import { demo, local, ms } from './helpers';

const ANCHOR = '2026-06-10T14:00:00Z';

describe('generateDemo determinism and scale', () => {
  it('gives deep-equal output for the same options and different output for another seed', () => {
    const a = generateDemo({ anchor: ANCHOR, seed: 5, issues: 150, worklogs: 900 });
    const b = generateDemo({ anchor: ANCHOR, seed: 5, issues: 150, worklogs: 900 });
    expect(b).toEqual(a);
    const c = generateDemo({ anchor: ANCHOR, seed: 6, issues: 150, worklogs: 900 });
    expect(c.jira.issues.map((i) => i.created)).not.toEqual(a.jira.issues.map((i) => i.created));
    expect(c.jira.issues.map((i) => i.summary)).not.toEqual(a.jira.issues.map((i) => i.summary));
  });

  it('produces about 400 issues and a few thousand worklogs by default, exactly as reported in meta', () => {
    const company = demo({ anchor: ANCHOR });
    const worklogs = company.jira.issues.reduce((n, i) => n + i.worklogs.length, 0);
    expect(company.jira.issues).toHaveLength(400);
    expect(worklogs).toBeGreaterThanOrEqual(2000);
    expect(worklogs).toBeLessThan(10_000);
    expect(company.meta).toMatchObject({ issues: 400, worklogs, anchor: ANCHOR });
  });

  it.each([
    [2000, 20_000],
    [37, 5],
    [3, 0],
  ])('produces exactly %i issues and %i worklogs when asked', (issues, worklogs) => {
    const company = generateDemo({ anchor: ANCHOR, issues, worklogs });
    expect(company.jira.issues).toHaveLength(issues);
    expect(company.jira.issues.reduce((n, i) => n + i.worklogs.length, 0)).toBe(worklogs);
    expect(new Set(company.jira.issues.map((i) => i.key)).size).toBe(issues);
  });

  it('numbers each project from 1 in creation order', () => {
    const byProject = new Map<string, { n: number; created: number }[]>();
    for (const issue of demo({ anchor: ANCHOR }).jira.issues) {
      const list = byProject.get(issue.projectKey) ?? [];
      list.push({ n: Number(issue.key.split('-')[1]), created: ms(issue.created) });
      byProject.set(issue.projectKey, list);
    }
    for (const list of byProject.values()) {
      list.sort((a, b) => a.n - b.n);
      expect(list.map((x) => x.n)).toEqual(list.map((_, i) => i + 1));
      for (let i = 1; i < list.length; i++) expect(list[i]?.created).toBeGreaterThanOrEqual(list[i - 1]?.created ?? 0);
    }
  });

  it('covers 3 months of history ending at the anchor', () => {
    const company = demo({ anchor: ANCHOR });
    expect(company.meta.historyStart).toBe('2026-03-10T14:00:00.000Z');
    const created = company.jira.issues.map((i) => ms(i.created));
    // Spread over the whole window, not bunched at one end.
    expect(Math.min(...created) - ms(company.meta.historyStart)).toBeLessThan(3 * 86_400_000);
    expect(ms(ANCHOR) - Math.max(...created)).toBeLessThan(86_400_000);
  });

  it('rejects bad options with an error naming the option', () => {
    expect(() => generateDemo({ anchor: 'yesterday' })).toThrow(DemoOptionError);
    expect(() => generateDemo({ anchor: 'yesterday' })).toThrow(/--anchor/);
    expect(() => generateDemo({ anchor: '2026-06-10T14:00:00' })).toThrow(/--anchor: expected an ISO 8601 instant with an offset/);
    expect(() => generateDemo({ anchor: ANCHOR, issues: 0 })).toThrow(/--issues/);
    expect(() => generateDemo({ anchor: ANCHOR, issues: 2.5 })).toThrow(/--issues/);
    expect(() => generateDemo({ anchor: ANCHOR, worklogs: -1 })).toThrow(/--worklogs/);
    expect(() => generateDemo({ anchor: ANCHOR, seed: -3 })).toThrow(/--seed/);
  });
});

describe('the demo company', () => {
  const company = () => demo({ anchor: ANCHOR });

  it('has 1 admin, 3 service managers owning 2 customers each, 8 engineers and 1-2 contacts per customer', () => {
    const { people, customers } = company();
    const byRole = (role: string) => people.filter((p) => p.role === role);
    expect(byRole('admin')).toHaveLength(1);
    expect(byRole('engineer')).toHaveLength(8);
    const managers = byRole('service-manager');
    expect(managers).toHaveLength(3);
    for (const m of managers) {
      const owned = customers.filter((c) => c.serviceManagerAccountId === m.accountId);
      expect(owned.length).toBeGreaterThanOrEqual(2);
      expect(owned.length).toBeLessThanOrEqual(3);
    }
    expect(customers).toHaveLength(6);
    for (const c of customers) {
      expect(c.contacts.length).toBeGreaterThanOrEqual(1);
      expect(c.contacts.length).toBeLessThanOrEqual(2);
      const contacts = byRole('customer').filter((p) => p.customerKey === c.key);
      expect(contacts.map((p) => p.accountId).sort()).toEqual(c.contacts.map((k) => k.accountId).sort());
    }
    // Unique sign-in emails: staff on the provider's domain, contacts on their company's.
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    for (const p of people) {
      if (p.role === 'customer') expect(p.email).toMatch(new RegExp(`@${p.customerKey}[a-z]*\\.example$`));
      else expect(p.email).toMatch(/@demo\.example$/);
    }
  });

  it('has customers in 3 time zones (one with a +05:30 offset) and of at least 3 tiers', () => {
    const { customers } = company();
    expect(new Set(customers.map((c) => c.timeZone))).toEqual(new Set(['Europe/Zurich', 'America/New_York', 'Asia/Kolkata']));
    expect(new Set(customers.map((c) => c.tier)).size).toBeGreaterThanOrEqual(3);
    expect(customers.some((c) => c.tier === 'platinum' && c.supportHours.coverage === '24x7')).toBe(true);
    expect(customers.some((c) => c.projectKeys.length === 2)).toBe(true);
  });

  it('gives each person the right Jira account type and groups, and each project its browse groups', () => {
    const { people, jira, customers } = company();
    const users = new Map(jira.users.map((u) => [u.accountId, u]));
    expect(jira.users).toHaveLength(people.length);
    for (const p of people) {
      const u = users.get(p.accountId);
      expect(u?.emailAddress).toBe(p.email);
      expect(u?.accountType).toBe(p.role === 'customer' ? 'customer' : 'atlassian');
      if (p.role === 'customer') expect(u?.groups).toEqual([`customer-${p.customerKey}`]);
      else expect(u?.groups).toContain('service-team');
      expect(u?.groups.includes('jira-admins')).toBe(p.role === 'admin');
    }
    expect(jira.adminGroups).toEqual(['jira-admins']);
    for (const c of customers) {
      for (const key of c.projectKeys) {
        const project = jira.projects.find((p) => p.key === key);
        expect(project?.browseGroups.sort()).toEqual(['customer-' + c.key, 'service-team'].sort());
        expect(project?.leadAccountId).toBe(c.serviceManagerAccountId);
      }
    }
  });

  it('defines Jira statuses with categories, a global transition to each, priorities 1..5 and five issue types', () => {
    const { jira } = company();
    expect(jira.statuses.map((s) => [s.name, s.category])).toEqual([
      ['Open', 'new'],
      ['In Progress', 'indeterminate'],
      ['Waiting for customer', 'indeterminate'],
      ['Resolved', 'done'],
      ['Closed', 'done'],
    ]);
    expect(new Set(jira.transitions.map((t) => t.toStatusId))).toEqual(new Set(jira.statuses.map((s) => s.id)));
    expect(jira.priorities).toEqual([
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
      { id: '5', name: 'Lowest' },
    ]);
    expect(jira.issueTypes.map((t) => t.name)).toEqual(['Incident', 'Service request', 'Change', 'Problem', 'Task']);
  });

  it('creates most tickets in office hours, and 24x7 customers some at night', () => {
    const { jira, customers } = company();
    for (const c of customers) {
      const created = jira.issues.filter((i) => c.projectKeys.includes(i.projectKey)).map((i) => local(c.timeZone, ms(i.created)));
      const daytime = created.filter((t) => t.hour >= 7 && t.hour < 20).length;
      expect(daytime / created.length).toBeGreaterThan(0.75);
      if (c.supportHours.coverage === '24x7') expect(daytime).toBeLessThan(created.length);
    }
  });

  it('logs work mostly in 15-90 minute chunks on weekdays in working hours', () => {
    const { jira, people } = company();
    const zone = new Map(people.map((p) => [p.accountId, p.timeZone]));
    const worklogs = jira.issues.flatMap((i) => i.worklogs);
    const chunks = worklogs.filter((w) => w.timeSpentSeconds >= 15 * 60 && w.timeSpentSeconds <= 90 * 60).length;
    expect(chunks / worklogs.length).toBeGreaterThan(0.75);
    const inHours = worklogs.filter((w) => {
      const t = local(zone.get(w.authorAccountId) ?? 'UTC', ms(w.started));
      return t.weekday <= 5 && t.hour >= 7 && t.hour < 19;
    }).length;
    expect(inHours / worklogs.length).toBeGreaterThan(0.7);
    expect(inHours).toBeLessThan(worklogs.length);
  });

  it('keeps each engineer to a realistic day of logged work', () => {
    const { jira, people } = company();
    const zone = new Map(people.map((p) => [p.accountId, p.timeZone]));
    const perDay = new Map<string, number>();
    for (const w of jira.issues.flatMap((i) => i.worklogs)) {
      const key = `${w.authorAccountId} ${local(zone.get(w.authorAccountId) ?? 'UTC', ms(w.started)).date}`;
      perDay.set(key, (perDay.get(key) ?? 0) + w.timeSpentSeconds / 3600);
    }
    const hours = [...perDay.values()].sort((a, b) => a - b);
    expect(Math.max(...hours)).toBeLessThanOrEqual(11);
    const median = hours[Math.floor(hours.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(2);
    expect(median).toBeLessThan(7);
  });

  it('answers most 24x7 tickets within the first-response target and breaches some', () => {
    // On a 24x7 calendar business time is wall-clock time, so the check needs no calendar engine.
    const { jira, customers, people } = company();
    const staff = new Set(people.filter((p) => p.role !== 'customer').map((p) => p.accountId));
    const names = new Map(jira.priorities.map((p) => [p.id, p.name]));
    let met = 0;
    let breached = 0;
    for (const c of customers.filter((x) => x.supportHours.coverage === '24x7')) {
      for (const issue of jira.issues.filter((i) => c.projectKeys.includes(i.projectKey))) {
        if (!c.contacts.some((k) => k.accountId === issue.reporterAccountId)) continue;
        const reply = issue.comments.find((x) => staff.has(x.authorAccountId) && !x.internal);
        if (!reply) continue;
        const priority = names.get(issue.initial.priorityId) as keyof typeof c.contract.slaTargets.firstResponseMinutes;
        const elapsed = ms(reply.at) - ms(issue.created);
        if (elapsed <= c.contract.slaTargets.firstResponseMinutes[priority] * 60_000) met++;
        else breached++;
      }
    }
    expect(breached).toBeGreaterThan(0);
    expect(met / (met + breached)).toBeGreaterThan(0.8);
  });
});
