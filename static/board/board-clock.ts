// An item's most urgent SLA clock as the board shows it at a browser instant. The read model's remaining
// minutes are as old as the last evaluation, so a running clock is read from its due instant instead:
// "Due in 2 h 14 min" counts down with the browser's clock and turns into "Overdue by 5 min" when the due
// instant passes, without waiting for the server. Wall-clock time to the due instant, worded as such ("due in",
// not "left": outside working hours the business time left is less). A paused clock holds still, so its
// remaining minutes stand. Pure.
import type { BoardItem } from '@contract/board';
import { formatDuration } from '../issue-panel/clock-view';
import { formatNearInstant, formatTime, localDay, type Translate } from '../shared/locale';

export type ClockTone = 'danger' | 'warning' | 'information' | 'neutral';

export type BoardClock = NonNullable<BoardItem['clock']>;

export interface ItemClockView {
  tone: ClockTone;
  /** "Due in 2 h 14 min", "Overdue by 5 min", "Paused, 3 h left", "Breached". */
  text: string;
  /** The clock's name and when it is due: "Resolution · due today at 4:30 PM"; null when nothing is due. */
  detail: string;
  /** The text moves with the browser's clock (a running clock with a due instant). */
  ticking: boolean;
  /** Past its target, now. */
  overdue: boolean;
}

const DAY_S = 86_400;
/** A running clock with less than this share of its target left (at its last evaluation) is at risk. */
const AT_RISK = 0.25;

/** Whole seconds from `nowMs` to an instant (negative once past); null when not a date. */
export function secondsUntil(iso: string | null, nowMs: number): number | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : Math.floor((at - nowMs) / 1000);
}

function when(iso: string, t: Translate, locale: string, timeZone: string, nowMs: number): string {
  const at = Date.parse(iso);
  if (localDay(at, timeZone) === localDay(nowMs, timeZone)) return t('board.clock.today', { time: formatTime(iso, locale, timeZone) });
  return formatNearInstant(iso, locale, timeZone, nowMs);
}

/** The clock at `nowMs`; null for an item without a clock. */
export function itemClockView(clock: BoardClock | null, nowMs: number, t: Translate, locale: string, timeZone: string): ItemClockView | null {
  if (!clock) return null;
  const name = clock.name;
  const until = clock.state === 'running' ? secondsUntil(clock.dueAt, nowMs) : null;

  if (clock.state === 'running' && until !== null && clock.dueAt) {
    const due = when(clock.dueAt, t, locale, timeZone, nowMs);
    if (until < 0) {
      const recent = -until < DAY_S;
      const text = recent ? t('board.clock.overdueBy', { duration: formatDuration(-until, t, 'floor') }) : t('board.clock.overdueSince', { when: due });
      return { tone: 'danger', text, detail: recent ? t('board.clock.wasDue', { clock: name, when: due }) : name, ticking: true, overdue: true };
    }
    const atRisk =
      clock.targetMinutes !== null &&
      clock.targetMinutes > 0 &&
      ((clock.remainingMinutes !== null && clock.remainingMinutes < clock.targetMinutes * AT_RISK) || until < clock.targetMinutes * 60 * AT_RISK);
    const soon = until < DAY_S;
    const text = soon ? t('board.clock.dueIn', { duration: formatDuration(until, t, 'ceil') }) : t('board.clock.dueAt', { when: due });
    // A far due instant is the text itself; the detail then names the clock only.
    const detail = soon ? t('board.clock.due', { clock: name, when: due }) : name;
    return { tone: clock.breached ? 'danger' : atRisk ? 'warning' : 'information', text, detail, ticking: true, overdue: clock.breached };
  }

  if (clock.state === 'paused' && clock.remainingMinutes !== null) {
    const over = clock.breached || clock.remainingMinutes < 0;
    const duration = formatDuration(Math.abs(clock.remainingMinutes) * 60, t, over ? 'floor' : 'ceil');
    return {
      tone: over ? 'danger' : 'neutral',
      text: over ? t('board.clock.pausedOverdue', { duration }) : t('board.clock.pausedLeft', { duration }),
      detail: t('board.clock.named', { clock: name, state: t('panel.states.paused') }),
      ticking: false,
      overdue: over,
    };
  }

  const breached = clock.breached || clock.state === 'breached';
  const state = breached ? 'breached' : clock.state;
  return {
    tone: breached ? 'danger' : clock.state === 'running' ? 'information' : 'neutral',
    text: t(`panel.states.${state}`),
    detail: t('board.clock.named', { clock: name, state: t(`panel.states.${state}`) }),
    ticking: false,
    overdue: breached,
  };
}

/** Whether anything shown counts down: the page's clock then ticks every second. */
export function anyTicking(items: readonly Pick<BoardItem, 'clock'>[]): boolean {
  return items.some((i) => i.clock?.state === 'running' && i.clock.dueAt !== null);
}
