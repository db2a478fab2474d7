// Figures about a generated demo company, for the README, the report and a quick look after changes.

import { STATUS, STATUSES } from './company';
import type { DemoCompany } from './types';

export interface DemoStats {
  issues: number;
  worklogs: number;
  comments: { public: number; internal: number; byCustomers: number };
  historyChanges: number;
  byStatus: Record<string, number>;
  byCustomer: Record<string, { issues: number; open: number; worklogHours: number }>;
  reopened: number;
  everWaited: number;
  priorityChanged: number;
  reassigned: number;
  worklogHoursByEngineer: Record<string, number>;
  holidayWorklogs: number;
  monthEndWorklogs: number;
}

export function demoStats(company: DemoCompany): DemoStats {
  const statusName = new Map(STATUSES.map((s) => [s.id, s.name]));
  const customerOfProject = new Map(company.customers.flatMap((c) => c.projectKeys.map((k) => [k, c] as const)));
  const names = new Map(company.people.map((p) => [p.accountId, p.name]));
  const customerAccounts = new Set(company.people.filter((p) => p.role === 'customer').map((p) => p.accountId));
  const stats: DemoStats = {
    issues: company.jira.issues.length,
    worklogs: 0,
    comments: { public: 0, internal: 0, byCustomers: 0 },
    historyChanges: 0,
    byStatus: {},
    byCustomer: {},
    reopened: 0,
    everWaited: 0,
    priorityChanged: 0,
    reassigned: 0,
    worklogHoursByEngineer: {},
    holidayWorklogs: 0,
    monthEndWorklogs: 0,
  };
  for (const issue of company.jira.issues) {
    const customer = customerOfProject.get(issue.projectKey);
    if (!customer) continue;
    const holidays = new Set(customer.holidays.map((h) => h.date));
    let status = issue.initial.statusId;
    let assignments = 0;
    for (const change of issue.history) {
      stats.historyChanges++;
      for (const item of change.items) {
        if (item.field === 'status') {
          if ((item.from === STATUS.resolved || item.from === STATUS.closed) && item.to === STATUS.inProgress) stats.reopened++;
          status = item.to ?? status;
        }
        if (item.field === 'assignee') assignments++;
      }
    }
    if (issue.history.some((c) => c.items.some((i) => i.field === 'status' && i.to === STATUS.waiting))) stats.everWaited++;
    if (issue.history.some((c) => c.items.some((i) => i.field === 'priority'))) stats.priorityChanged++;
    if (assignments > 1) stats.reassigned++;
    const name = statusName.get(status) ?? status;
    stats.byStatus[name] = (stats.byStatus[name] ?? 0) + 1;
    const row = (stats.byCustomer[customer.key] ??= { issues: 0, open: 0, worklogHours: 0 });
    row.issues++;
    if (status !== STATUS.resolved && status !== STATUS.closed) row.open++;
    for (const c of issue.comments) {
      if (c.internal) stats.comments.internal++;
      else stats.comments.public++;
      if (customerAccounts.has(c.authorAccountId)) stats.comments.byCustomers++;
    }
    for (const w of issue.worklogs) {
      stats.worklogs++;
      const hours = w.timeSpentSeconds / 3600;
      row.worklogHours += hours;
      const who = names.get(w.authorAccountId) ?? w.authorAccountId;
      stats.worklogHoursByEngineer[who] = (stats.worklogHoursByEngineer[who] ?? 0) + hours;
      const start = Date.parse(w.started);
      const local = localDate(customer.timeZone, start);
      if (holidays.has(local)) stats.holidayWorklogs++;
      if (localDate(customer.timeZone, start + w.timeSpentSeconds * 1000 - 1).slice(0, 7) !== local.slice(0, 7)) stats.monthEndWorklogs++;
    }
  }
  for (const row of Object.values(stats.byCustomer)) row.worklogHours = Math.round(row.worklogHours * 10) / 10;
  for (const k of Object.keys(stats.worklogHoursByEngineer)) {
    stats.worklogHoursByEngineer[k] = Math.round((stats.worklogHoursByEngineer[k] ?? 0) * 10) / 10;
  }
  return stats;
}

const fmt = new Map<string, Intl.DateTimeFormat>();
function localDate(zone: string, t: number): string {
  let f = fmt.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    fmt.set(zone, f);
  }
  return f.format(new Date(t));
}
