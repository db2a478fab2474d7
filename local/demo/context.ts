// Runtime context shared by the issue and worklog generators: each customer's and staff member's calendars over
// the history range, and the customer's holiday dates.

import { WorkCalendar } from './calendar';
import {
  contactAccountId,
  type ContactSpec,
  CUSTOMERS,
  type CustomerSpec,
  ENGINEER_LIST,
  STAFF,
  type StaffMember,
  toMinute,
} from './company';
import { type Holiday, holidaysInYears } from './holidays';
import { DAY } from './time';

export interface ContactCtx {
  accountId: string;
  spec: ContactSpec;
  german: boolean;
}

export interface CustomerCtx {
  spec: CustomerSpec;
  contacts: ContactCtx[];
  holidays: Holiday[];
  /** When the SLA clock runs (24x7, or the support hours minus holidays). */
  support: WorkCalendar;
  /** When the customer's people raise tickets and answer questions. */
  office: WorkCalendar;
  /** When agents act on urgent tickets: around the clock for 24x7 customers, else the support hours. */
  agentUrgent: WorkCalendar;
  /** When agents act on other tickets: the team's office hours (follow the sun) for 24x7 customers, else the support hours. */
  agentNormal: WorkCalendar;
  /** Team working time per SLA working time (below 1 for 24x7 customers), to turn SLA durations into team time. */
  teamShare: number;
  /** When the customer's usual engineers work: where most worklogs go. */
  workHours: WorkCalendar;
  /** When anyone on the team works: where 24x7 customers' other worklogs go (follow the sun). */
  wideWorkHours: WorkCalendar;
  /** Length of one office day, for "3 business days later". */
  officeDayMs: number;
}

export interface StaffCtx {
  spec: StaffMember;
  office: WorkCalendar;
}

export interface DemoContext {
  anchor: number;
  historyStart: number;
  customers: CustomerCtx[];
  staff: Map<string, StaffCtx>;
  engineers: StaffCtx[];
  /** Union of the engineers' office hours. */
  team: WorkCalendar;
}

export function buildContext(anchor: number, historyStart: number, customerSpecs: readonly CustomerSpec[] = CUSTOMERS): DemoContext {
  const from = historyStart - 3 * DAY;
  const to = anchor + 2 * DAY;
  const firstYear = new Date(historyStart).getUTCFullYear();
  // Holidays for the history and the 3 months after it, so SLA calendars of open issues stay right.
  const lastYear = new Date(anchor + 92 * DAY).getUTCFullYear();

  const staff = new Map<string, StaffCtx>();
  for (const s of STAFF) {
    const holidays = new Set(holidaysInYears(s.holidayRule, firstYear - 1, lastYear).map((h) => h.date));
    staff.set(s.accountId, { spec: s, office: WorkCalendar.weekly(s.timeZone, s.office, holidays, from, to) });
  }
  const engineers = ENGINEER_LIST.map((e) => staff.get(e.accountId) as StaffCtx);
  const team = WorkCalendar.union(engineers.map((e) => e.office));

  const customers = customerSpecs.map((spec): CustomerCtx => {
    const holidays = holidaysInYears(spec.holidayRule, firstYear, lastYear);
    const dates = new Set(holidaysInYears(spec.holidayRule, firstYear - 1, lastYear + 1).map((h) => h.date));
    const office = WorkCalendar.weekly(spec.timeZone, spec.office, dates, from, to);
    const sh = spec.supportHours;
    const own = WorkCalendar.union(spec.engineers.map((e) => (staff.get(e.accountId) as StaffCtx).office));
    const support =
      sh.coverage === '24x7'
        ? WorkCalendar.always(from, to)
        : WorkCalendar.weekly(spec.timeZone, { days: sh.days, startMinute: toMinute(sh.start), endMinute: toMinute(sh.end) }, dates, from, to);
    return {
      spec,
      contacts: spec.contacts.map((c) => ({ accountId: contactAccountId(spec, c), spec: c, german: c.locale.startsWith('de') })),
      holidays,
      support,
      office,
      agentUrgent: support,
      agentNormal: sh.coverage === '24x7' ? team : support,
      teamShare: sh.coverage === '24x7' ? team.workingBetween(historyStart, anchor) / support.workingBetween(historyStart, anchor) : 1,
      workHours: own,
      wideWorkHours: sh.coverage === '24x7' ? team : own,
      officeDayMs: (spec.office.endMinute - spec.office.startMinute) * 60_000,
    };
  });
  return { anchor, historyStart, customers, staff, engineers, team };
}
