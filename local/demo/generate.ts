// The demo company generator: pure and deterministic. The same options give a deep-equal result on every run
// (own seeded PRNG, no clock, no Math.random); the scale options give exactly the requested counts.

import type { JiraSeed, SeedIssue, SeedProject, SeedUser, SeedWorklog } from '../jira/seed';
import {
  contactAccountId,
  contactEmail,
  CUSTOMERS,
  GROUPS,
  ISSUE_TYPE,
  ISSUE_TYPES,
  PRIORITIES,
  RESOLUTIONS,
  STAFF,
  STATUSES,
  TRANSITIONS,
} from './company';
import { buildContext, type CustomerCtx, type DemoContext } from './context';
import { buildIssue, type RawIssue } from './issues';
import { resolveDemoOptions } from './options';
import { apportion, chance, type Rng, rngFor } from './rng';
import { formatInstant, minusMonthsUtc, MINUTE } from './time';
import type { DemoCompany, DemoCustomer, DemoOptions, DemoPerson } from './types';
import { placeWorklogs, type RawWorklog } from './worklogs';

export type { DemoCompany, DemoCustomer, DemoOptions, DemoPerson } from './types';

export function generateDemo(options: DemoOptions): DemoCompany {
  const o = resolveDemoOptions(options);
  const anchor = o.anchorMs;
  const historyStart = minusMonthsUtc(anchor, 3);
  const ctx = buildContext(anchor, historyStart);

  const projects = ctx.customers.flatMap((customer) =>
    customer.spec.projects.map((project) => ({ customer, project, weight: customer.spec.volume * project.share })),
  );
  const counts = apportion(o.issues, projects.map((p) => p.weight));
  const issues: RawIssue[] = [];
  projects.forEach(({ customer, project }, i) => {
    const rng = rngFor(o.seed, 'created', project.key);
    const created = Array.from({ length: counts[i] ?? 0 }, () => sampleCreated(rng, ctx, customer));
    // Keys follow creation order within a project, as in Jira.
    created.sort((a, b) => a.t - b.t);
    created.forEach((c, k) => {
      const key = `${project.key}-${k + 1}`;
      issues.push(buildIssue(rngFor(o.seed, 'issue', key), ctx, { key, project, customer, created: c.t, outOfHours: c.outOfHours }));
    });
  });
  issues.sort((a, b) => a.created - b.created || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const worklogs = placeWorklogs(ctx, issues, o.worklogs, o.seed);

  const jira: JiraSeed = {
    users: seedUsers(),
    statuses: STATUSES,
    transitions: TRANSITIONS,
    priorities: PRIORITIES,
    issueTypes: ISSUE_TYPES,
    resolutions: RESOLUTIONS,
    projects: seedProjects(),
    issues: issues.map((issue, i) => toSeedIssue(issue, worklogs[i] ?? [])),
    adminGroups: [GROUPS.admins],
  };
  return {
    jira,
    customers: ctx.customers.map((c) => toDemoCustomer(c)),
    people: demoPeople(),
    meta: { seed: o.seed, anchor: o.anchor, historyStart: new Date(historyStart).toISOString(), issues: o.issues, worklogs: o.worklogs },
  };
}

/** Mostly in the customer's office hours; 24x7 customers raise more tickets at night and at weekends. */
function sampleCreated(rng: Rng, ctx: DemoContext, customer: CustomerCtx): { t: number; outOfHours: boolean } {
  const latest = ctx.anchor - 10 * MINUTE;
  const anyTime = chance(rng, customer.spec.supportHours.coverage === '24x7' ? 0.18 : 0.06);
  let t = anyTime ? NaN : customer.office.randomIn(rng(), ctx.historyStart, latest);
  if (Number.isNaN(t)) t = ctx.historyStart + rng() * (latest - ctx.historyStart);
  t = Math.min(latest, Math.max(ctx.historyStart, Math.round(t / 1000) * 1000));
  return { t, outOfHours: !customer.office.isWorking(t) };
}

function seedUsers(): SeedUser[] {
  const staff = STAFF.map((s): SeedUser => ({
    accountId: s.accountId,
    displayName: s.name,
    emailAddress: s.email,
    timeZone: s.timeZone,
    locale: s.locale,
    accountType: 'atlassian',
    groups:
      s.role === 'admin' ? [GROUPS.admins, GROUPS.staff]
      : s.role === 'service-manager' ? [GROUPS.staff, GROUPS.serviceManagers]
      : [GROUPS.staff],
    active: true,
  }));
  const contacts = CUSTOMERS.flatMap((c) =>
    c.contacts.map((k): SeedUser => ({
      accountId: contactAccountId(c, k),
      displayName: k.name,
      emailAddress: contactEmail(c, k),
      timeZone: c.timeZone,
      locale: k.locale,
      accountType: 'customer',
      groups: [GROUPS.customer(c.key)],
      active: true,
    })),
  );
  return [...staff, ...contacts];
}

function seedProjects(): SeedProject[] {
  return CUSTOMERS.flatMap((c) =>
    c.projects.map((p): SeedProject => ({
      id: p.id,
      key: p.key,
      name: p.name,
      leadAccountId: c.serviceManager.accountId,
      // Staff browse every project; a customer's contacts only their own.
      browseGroups: [GROUPS.staff, GROUPS.customer(c.key)],
      components: p.components,
    })),
  );
}

function toSeedIssue(issue: RawIssue, worklogs: RawWorklog[]): SeedIssue {
  const zone = issue.customer.spec.timeZone;
  const at = (t: number): string => formatInstant(zone, t);
  return {
    key: issue.key,
    projectKey: issue.project.key,
    issueTypeId: ISSUE_TYPE[issue.type],
    summary: issue.summary,
    ...(issue.description !== undefined ? { description: issue.description } : {}),
    reporterAccountId: issue.reporter,
    initial: issue.initial,
    labels: issue.labels,
    components: issue.components,
    created: at(issue.created),
    history: issue.changes.map((c) => ({ at: at(c.at), authorAccountId: c.author, items: c.items })),
    comments: issue.comments.map((c) => ({ at: at(c.at), authorAccountId: c.author, body: c.body, internal: c.internal })),
    worklogs: worklogs.map((w): SeedWorklog => ({
      authorAccountId: w.author,
      started: at(w.started),
      timeSpentSeconds: w.seconds,
      ...(w.comment !== undefined ? { comment: w.comment } : {}),
      ...(w.created !== undefined ? { created: at(w.created) } : {}),
    })),
  };
}

function toDemoCustomer(c: CustomerCtx): DemoCustomer {
  const s = c.spec;
  return {
    key: s.key,
    name: s.name,
    tier: s.tier,
    timeZone: s.timeZone,
    country: s.country,
    city: s.city,
    industry: s.industry,
    projectKeys: s.projects.map((p) => p.key),
    serviceManagerAccountId: s.serviceManager.accountId,
    contacts: c.contacts.map((k) => ({ accountId: k.accountId, name: k.spec.name, email: contactEmail(s, k.spec), role: k.spec.role })),
    supportHours: s.supportHours,
    holidayRule: s.holidayRule,
    holidays: c.holidays,
    contract: s.contract,
  };
}

/** Everyone who can sign in on the local host, staff first. */
export function demoPeople(): DemoPerson[] {
  const staff = STAFF.map((s): DemoPerson => ({
    accountId: s.accountId,
    name: s.name,
    email: s.email,
    role: s.role,
    timeZone: s.timeZone,
    locale: s.locale,
    title: s.title,
  }));
  const contacts = CUSTOMERS.flatMap((c) =>
    c.contacts.map((k): DemoPerson => ({
      accountId: contactAccountId(c, k),
      name: k.name,
      email: contactEmail(c, k),
      role: 'customer',
      customerKey: c.key,
      timeZone: c.timeZone,
      locale: k.locale,
      title: `${k.role}, ${c.name}`,
    })),
  );
  return [...staff, ...contacts];
}
