// One issue's life, from creation to "now": triage, first response, work with waiting-for-customer pauses,
// priority changes, hand-overs, resolution, reopen and close. Durations follow the customer's SLA targets, so
// most issues meet them and some breach (slow first response or long resolution).

import { type CustomerCtx, type DemoContext, type StaffCtx } from './context';
import { type IssueTypeKey, PRIORITIES, PRIORITY_NAMES, type ProjectSpec, RESOLUTION, STATUS } from './company';
import { IssueBuilder, type RawComment, type RawChange, type WorkSpan } from './issue-builder';
import { between, chance, intBetween, pick, pickWeighted, type Rng } from './rng';
import { comments, description, summary, type TextContext } from './texts';
import type { WorkCalendar } from './calendar';
import { addDays, DAY, HOUR, type LocalDate, localParts, localToInstant, MINUTE, weekdayOf } from './time';

export interface RawIssue {
  customer: CustomerCtx;
  project: ProjectSpec;
  key: string;
  type: IssueTypeKey;
  summary: string;
  description?: string;
  reporter: string;
  initial: { statusId: string; priorityId: string; assigneeAccountId: string | null };
  labels: string[];
  components: string[];
  created: number;
  changes: RawChange[];
  comments: RawComment[];
  spans: WorkSpan[];
  /** Last instant of the issue's working life: when it was resolved, or the anchor while open. */
  lifeEnd: number;
  finalStatus: string;
  reopened: boolean;
  waited: boolean;
}

const PRIORITY_MIX: Record<IssueTypeKey, number[]> = {
  incident: [6, 20, 46, 23, 5],
  request: [0, 5, 45, 40, 10],
  change: [0, 10, 60, 30, 0],
  problem: [0, 30, 60, 10, 0],
  task: [0, 0, 40, 50, 10],
};
/** Out-of-hours tickets of 24x7 customers are mostly urgent ones. */
const NIGHT_INCIDENT_MIX = [25, 45, 25, 5, 0];

function pickPriority(rng: Rng, type: IssueTypeKey, night: boolean): number {
  const mix = night && type === 'incident' ? NIGHT_INCIDENT_MIX : PRIORITY_MIX[type];
  return pickWeighted(rng, mix.map((w, i) => [i, w] as const));
}

/** An engineer for the customer at time t: one of its usual engineers on shift, else anyone on shift, else its lead. */
export function pickEngineer(rng: Rng, ctx: DemoContext, customer: CustomerCtx, t: number): string {
  const own = customer.spec.engineers;
  if (chance(rng, 0.06)) return pick(rng, ctx.engineers).spec.accountId;
  const onShift = own.filter((e) => (ctx.staff.get(e.accountId) as StaffCtx).office.isWorking(t));
  if (onShift.length > 0) return pickWeighted(rng, onShift.map((e, i) => [e.accountId, 3 - Math.min(i, 2)] as const));
  const anyOnShift = ctx.engineers.filter((e) => e.office.isWorking(t));
  if (anyOnShift.length > 0) return pick(rng, anyOnShift).spec.accountId;
  return pickWeighted(rng, own.map((e, i) => [e.accountId, 3 - Math.min(i, 2)] as const));
}

export interface IssueSeedInput {
  key: string;
  project: ProjectSpec;
  customer: CustomerCtx;
  created: number;
  /** Created outside the customer's office hours. */
  outOfHours: boolean;
}

/** Builds one issue's full life up to the anchor. `rng` is the issue's own stream. */
export function buildIssue(rng: Rng, ctx: DemoContext, input: IssueSeedInput): RawIssue {
  const { customer, project, created } = input;
  const spec = customer.spec;
  const type = pickWeighted(rng, Object.entries(project.typeMix).map(([k, w]) => [k as IssueTypeKey, w] as const));
  const component = pick(rng, project.components);
  const text: TextContext = { rng, vocabulary: spec.vocabulary, component };
  const components = chance(rng, 0.1) ? [...new Set([component, pick(rng, project.components)])] : [component];
  const night = input.outOfHours && spec.supportHours.coverage === '24x7';
  const priorityIndex = pickPriority(rng, type, night);
  const sm = spec.serviceManager.accountId;

  // Who raises it: customers raise incidents and requests, staff raise most changes, all problems and tasks.
  const customerRaised = type === 'incident' || type === 'request' || (type === 'change' && chance(rng, 0.4));
  const reporterContact = customer.contacts[customer.contacts.length > 1 && chance(rng, 0.35) ? 1 : 0];
  if (!reporterContact) throw new Error(`customer ${spec.key} has no contact`);
  let reporter: string;
  let initialAssignee: string | null = null;
  if (customerRaised) {
    reporter = reporterContact.accountId;
  } else {
    const engineer = pickEngineer(rng, ctx, customer, created);
    reporter = (type === 'task' || type === 'change') && chance(rng, 0.4) ? sm : engineer;
    initialAssignee = engineer;
  }

  const issueSummary = summary(text, type);
  const labels = initialLabels(rng, type, priorityIndex, input.outOfHours, issueSummary);
  const b = new IssueBuilder(created, ctx.anchor, PRIORITIES[priorityIndex]?.id ?? '3', initialAssignee, labels);
  const targets = spec.contract.slaTargets;
  const pName = PRIORITY_NAMES[priorityIndex] ?? 'Medium';
  const frTarget = targets.firstResponseMinutes[pName] * MINUTE;
  const resTarget = targets.resolutionMinutes[pName] * MINUTE;
  const agentCal = priorityIndex <= 2 ? customer.agentUrgent : customer.agentNormal;
  const customerCal = priorityIndex === 0 && night ? customer.support : customer.office;
  const contactFor = (): string =>
    chance(rng, 0.8) ? reporterContact.accountId : pick(rng, customer.contacts).accountId;
  const german = (account: string): boolean => customer.contacts.find((c) => c.accountId === account)?.german ?? false;
  /** The engineer who owns the issue now. */
  const engineerNow = (): string => b.assignee ?? pickEngineer(rng, ctx, customer, b.last);
  const onShift = (accountId: string, t: number): boolean => ctx.staff.get(accountId)?.office.isWorking(t) ?? false;
  /** Who acts at t: the assignee when on shift, else a colleague on shift (follow the sun), else the assignee. */
  const staffAt = (t: number): string => {
    const assignee = b.assignee;
    if (assignee !== null && onShift(assignee, t)) return assignee;
    const other = pickEngineer(rng, ctx, customer, t);
    return assignee === null || onShift(other, t) ? other : assignee;
  };
  const smOnShift = (t: number): boolean => onShift(sm, t);

  // 1. Triage and first response (customer-raised) or start of planned work (staff-raised).
  if (customerRaised) {
    const f = chance(rng, priorityIndex >= 3 ? 0.1 : 0.04) ? between(rng, 1.1, 3) : 0.05 + 0.85 * rng() ** 1.6;
    // 24x7 contracts: the on-call engineer answers every ticket around the clock; the work itself may wait.
    const tResponse = customer.agentUrgent.next(customer.support.add(created, f * frTarget));
    const engineer = pickEngineer(rng, ctx, customer, tResponse);
    const tAssign = Math.max(created + MINUTE, tResponse - between(rng, 1, 10) * MINUTE);
    const assigner = smOnShift(tAssign) && chance(rng, 0.6) ? sm : engineer;
    b.assign(tAssign, assigner, engineer);
    if (chance(rng, 0.1)) {
      const up = priorityIndex > 1 && chance(rng, 0.6);
      const to = Math.min(4, Math.max(0, priorityIndex + (up ? -1 : 1)));
      if (b.setPriority(tAssign + between(rng, 0.5, 3) * MINUTE, assigner, PRIORITIES[to]?.id ?? '3') !== null) {
        b.comment(b.last + 30_000, assigner, up ? comments.priorityUp(text) : comments.priorityDown(text), true);
      }
    }
    b.comment(tResponse, engineer, comments.firstResponse(text, reporterName(customer, reporter)), false);
    b.transition(b.last + between(rng, 5, 120) * 1000, engineer, STATUS.inProgress);
  } else {
    const delay = type === 'change' ? between(rng, 4, 20) * HOUR : between(rng, 10, 240) * MINUTE;
    const tStart = agentCal.add(created, delay);
    b.transition(tStart, staffAt(tStart), STATUS.inProgress);
  }

  // 2. Work, possibly interrupted by questions to the customer.
  type Occurrence = 'note' | 'handover' | 'chaser' | 'escalate' | 'label';
  /** `duration` of SLA working time from now, with internal notes and the odd hand-over or customer nudge in it. */
  const workPart = (duration: number, allowCustomerNoise: boolean): void => {
    const start = b.last;
    // Work on non-urgent 24x7 tickets happens in team hours, so the same SLA time takes longer on the clock.
    const end =
      agentCal === customer.agentNormal && customer.teamShare < 1
        ? agentCal.add(start, duration * customer.teamShare)
        : agentCal.next(customer.support.add(start, duration));
    const horizon = Math.min(end, ctx.anchor + DAY);
    const events: [number, Occurrence][] = [];
    const at = (cal: WorkCalendar): number => {
      const t = cal.randomIn(rng(), start, horizon);
      return Number.isNaN(t) ? start + rng() * Math.max(0, horizon - start) : t;
    };
    const notes = intBetween(rng, 0, type === 'problem' ? 4 : 2);
    for (let i = 0; i < notes; i++) events.push([at(agentCal), 'note']);
    if (chance(rng, 0.09)) events.push([at(agentCal), 'handover']);
    if (allowCustomerNoise && duration > 6 * HOUR && chance(rng, 0.3)) events.push([at(customerCal), 'chaser']);
    if (allowCustomerNoise && chance(rng, 0.05)) events.push([at(customerCal), 'escalate']);
    if (type !== 'task' && chance(rng, 0.03)) events.push([at(agentCal), 'label']);
    events.sort((x, y) => x[0] - y[0]);
    for (const [t, kind] of events) {
      if (b.cut) return;
      switch (kind) {
        case 'note':
          b.comment(t, chance(rng, 0.15) && smOnShift(t) ? sm : staffAt(t), comments.internalNote(text), true);
          break;
        case 'handover': {
          const next = pickEngineer(rng, ctx, customer, t);
          const name = ctx.staff.get(next)?.spec.name ?? next;
          const by = staffAt(t);
          if (next !== b.assignee && b.comment(t, by, comments.handover(text, name), true) !== null) {
            b.assign(b.last + 30_000, by, next);
          }
          break;
        }
        case 'chaser':
          b.comment(t, contactFor(), comments.customerChaser(text), false);
          break;
        case 'escalate': {
          const current = Number(b.priority) - 1;
          if (b.comment(t, contactFor(), comments.escalation(text), false) !== null && current > 0) {
            const tUp = agentCal.add(b.last, between(rng, 5, 45) * MINUTE);
            const who = smOnShift(tUp) ? sm : staffAt(tUp);
            if (b.setPriority(tUp, who, PRIORITIES[current - 1]?.id ?? '1') !== null) b.comment(b.last + 20_000, who, comments.priorityUp(text), true);
          }
          break;
        }
        case 'label':
          if (b.comment(t, sm, 'Third-party fault, not covered by the contract: marking non-billable.', true) !== null) {
            b.addLabel(b.last + 10_000, sm, 'non-billable');
          }
          break;
      }
    }
    b.advance(end);
  };

  const waitForCustomer = (): void => {
    const tAsk = agentCal.next(b.last + between(rng, 1, 20) * MINUTE);
    const asker = staffAt(tAsk);
    if (b.comment(tAsk, asker, comments.askInfo(text, reporterName(customer, reporter)), false) === null) return;
    b.transition(b.last + between(rng, 20, 180) * 1000, asker, STATUS.waiting);
    const officeHours = customer.officeDayMs / HOUR;
    // Some customers never answer: after 10 office days the ticket is resolved with a note.
    if (chance(rng, 0.05)) {
      const tGiveUp = agentCal.next(customer.office.add(b.last, 10 * customer.officeDayMs));
      const who = staffAt(tGiveUp);
      if (b.comment(tGiveUp, who, comments.noReply(text), false) !== null) b.transition(b.last + 60_000, who, STATUS.resolved, RESOLUTION.done);
      return;
    }
    const wait = pickWeighted(rng, [
      [between(rng, 0.3, 6), 0.55],
      [between(rng, 6, 2 * officeHours), 0.3],
      [between(rng, 3 * officeHours, 12 * officeHours), 0.15],
    ] as const) * HOUR;
    const replier = contactFor();
    if (b.comment(customerCal.add(b.last, wait), replier, comments.customerReply(text, german(replier)), false) === null) return;
    const tBack = agentCal.add(b.last, between(rng, 3, 60) * MINUTE);
    b.transition(tBack, staffAt(tBack), STATUS.inProgress);
  };

  const resolveAt = (t: number): void => {
    const resolution =
      type === 'incident'
        ? pickWeighted(rng, [[RESOLUTION.done, 86], [RESOLUTION.wontDo, 4], [RESOLUTION.duplicate, 4], [RESOLUTION.cannotReproduce, 6]] as const)
        : type === 'request' && chance(rng, 0.05) ? RESOLUTION.wontDo : RESOLUTION.done;
    const who = staffAt(t);
    if (b.comment(t, who, type === 'change' ? comments.changeDone(text) : comments.resolve(text), false) === null) return;
    b.transition(b.last + between(rng, 10, 180) * 1000, who, STATUS.resolved, resolution);
  };

  // The working time until resolution (SLA pauses excluded): mostly well inside the target, some over it.
  const resolutionWork =
    type === 'problem' ? between(rng, 3, 15) * DAY * (customer.officeDayMs / DAY)
    : type === 'task' ? between(rng, 1, 10) * HOUR
    : (chance(rng, 0.06) ? between(rng, 1.05, 2.5) : 0.08 + 0.8 * rng() ** 1.4) * resTarget;
  const remaining = Math.max(15 * MINUTE, resolutionWork - customer.support.workingBetween(created, b.last));
  const waits = type === 'task' ? 0 : pickWeighted(rng, [[0, 66], [1, 27], [2, 7]] as const);

  if (type === 'change') {
    // Prepare, tell the customer when, do it in an evening maintenance window, resolve right after.
    workPart(remaining * 0.3, false);
    if (waits > 0) waitForCustomer();
    const windowStart = b.cut || b.status !== STATUS.inProgress ? Infinity : maintenanceWindow(rng, customer, agentCal.add(b.last, between(rng, 4, 40) * HOUR));
    if (Number.isFinite(windowStart)) {
      const whenText = describeLocal(customer.spec.timeZone, windowStart);
      const tPlan = agentCal.next(b.last + between(rng, 5, 90) * MINUTE);
      b.comment(tPlan, smOnShift(tPlan) && chance(rng, 0.5) ? sm : staffAt(tPlan), comments.changePlanned(text, whenText), false);
    }
    if (b.status !== STATUS.inProgress) {
      // Given up waiting for the customer's approval.
    } else if (!b.cut && windowStart > b.last) {
      const windowEnd = windowStart + between(rng, 1, 3.5) * HOUR;
      b.addFocus(windowStart, windowEnd, engineerNow(), 4);
      resolveAt(windowEnd + between(rng, 1, 15) * MINUTE);
    } else {
      resolveAt(agentCal.add(b.last, HOUR));
    }
  } else {
    const parts = splitDuration(rng, remaining, waits + 1);
    parts.forEach((part, i) => {
      if (b.cut || b.status !== STATUS.inProgress) return;
      workPart(part, customerRaised);
      if (i < waits && !b.cut) waitForCustomer();
    });
    if (!b.cut && b.status === STATUS.inProgress) resolveAt(agentCal.next(b.last + between(rng, 1, 10) * MINUTE));
  }

  // 3. After resolution: sometimes reopened by the customer, often confirmed; closed a few days later.
  if (!b.cut && customerRaised && b.status === STATUS.resolved) {
    const resolvedAt = b.last;
    if (type !== 'change' && chance(rng, 0.07)) {
      const reporterNow = contactFor();
      if (b.comment(customerCal.add(resolvedAt, between(rng, 1, 20) * HOUR), reporterNow, comments.reopen(text), false) !== null) {
        const tBack = agentCal.add(b.last, between(rng, 5, 90) * MINUTE);
        b.transition(tBack, staffAt(tBack), STATUS.inProgress);
        workPart(resolutionWork * between(rng, 0.1, 0.5), true);
        if (!b.cut) resolveAt(agentCal.next(b.last + between(rng, 1, 10) * MINUTE));
      }
    } else if (chance(rng, 0.4)) {
      const who = contactFor();
      b.comment(customerCal.add(resolvedAt, between(rng, 0.2, 5) * HOUR), who, comments.thanks(text, german(who)), false);
    }
  }
  if (!b.cut && b.status === STATUS.resolved) {
    const closeAt = agentCal.next(customer.office.add(b.resolvedAt ?? b.last, 3 * customer.officeDayMs));
    const tClose = Math.max(closeAt, b.last + MINUTE);
    b.transition(tClose, staffAt(tClose), STATUS.closed);
  }
  b.finish();

  const done = b.status === STATUS.resolved || b.status === STATUS.closed;
  return {
    customer,
    project,
    key: input.key,
    type,
    summary: issueSummary,
    ...(chance(rng, 0.9) ? { description: description(text, type) } : {}),
    reporter,
    initial: { statusId: STATUS.open, priorityId: PRIORITIES[priorityIndex]?.id ?? '3', assigneeAccountId: initialAssignee },
    labels: b.labels,
    components,
    created,
    changes: b.changes,
    comments: b.comments,
    spans: b.spans,
    lifeEnd: done && b.resolvedAt !== null ? b.resolvedAt : ctx.anchor,
    finalStatus: b.status,
    reopened: b.everReopened,
    waited: b.everWaited,
  };
}

function reporterName(customer: CustomerCtx, accountId: string): string {
  return customer.contacts.find((c) => c.accountId === accountId)?.spec.name ?? customer.spec.serviceManager.name;
}

function initialLabels(rng: Rng, type: IssueTypeKey, priority: number, outOfHours: boolean, text: string): string[] {
  const labels: string[] = [];
  if (type === 'incident' && priority === 0 && chance(rng, 0.7)) labels.push('outage');
  if (type === 'incident' && chance(rng, 0.08)) labels.push('vip');
  if (outOfHours) labels.push('after-hours');
  if (type === 'request' && text.startsWith('Onboarding')) labels.push('onboarding');
  if (type === 'request' && text.startsWith('Access')) labels.push('access');
  if (type === 'change') labels.push('maintenance-window');
  if (type === 'problem') labels.push('rca');
  if (type === 'task') labels.push('recurring');
  if (type === 'task' && chance(rng, 0.3)) labels.push('non-billable');
  if (type !== 'task' && chance(rng, 0.03)) labels.push('warranty');
  return labels;
}

/** Splits a duration into n random positive parts. */
function splitDuration(rng: Rng, total: number, n: number): number[] {
  const w = Array.from({ length: n }, () => 0.3 + rng());
  const sum = w.reduce((a, x) => a + x, 0);
  return w.map((x) => (total * x) / sum);
}

/** An evening window (22:00-23:00 local start) on a day the customer chose: any day for 24x7, else Thu-Sat. */
function maintenanceWindow(rng: Rng, customer: CustomerCtx, notBefore: number): number {
  if (!Number.isFinite(notBefore)) return Infinity;
  const zone = customer.spec.timeZone;
  const allowed = customer.spec.supportHours.coverage === '24x7' ? [1, 2, 3, 4, 5, 6, 7] : [4, 5, 6];
  let date: LocalDate = localParts(zone, notBefore);
  for (let i = 0; i < 14; i++, date = addDays(date, 1)) {
    const t = localToInstant(zone, date, 22 * 60 + intBetween(rng, 0, 4) * 15);
    if (t > notBefore && allowed.includes(weekdayOf(date))) return t;
  }
  return notBefore + DAY;
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function describeLocal(zone: string, t: number): string {
  const p = localParts(zone, t);
  const hh = String(Math.floor(p.minute / 60)).padStart(2, '0');
  const mm = String(p.minute % 60).padStart(2, '0');
  return `${WEEKDAY_NAMES[p.weekday - 1]} ${p.d} ${MONTH_NAMES[p.m - 1]} at ${hh}:${mm}`;
}

