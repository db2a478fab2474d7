// Calendar months of invoice lines. A line's `date` is already local to its contract's (or customer's)
// zone, so a month is a prefix of that date and a day is one date, however many hours it has.
import type { BillingLine } from '../../contract/billing';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The dates `YYYY-MM-DD` of every day of `month` (`YYYY-MM`), in order. Throws RangeError when malformed. */
export function daysOfMonth(month: string): string[] {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`month must be YYYY-MM, got "${month}"`);
  // Day 0 of the next month is this month's last day.
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** The lines whose local date lies in `month` (`YYYY-MM`). */
export function linesOfMonth(lines: readonly BillingLine[], month: string): BillingLine[] {
  const prefix = `${month}-`;
  return lines.filter((l) => l.date.startsWith(prefix));
}
