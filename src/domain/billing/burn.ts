// How a month's billable hours accumulate, day by day, for the burn chart against the included hours.
import type { BillingLine, BurnPoint } from '../../contract/billing';
import { daysOfMonth } from './month';

/** One point per day of `month` in order, with the billable seconds up to and including that day. */
export function burnOf(lines: readonly BillingLine[], month: string): BurnPoint[] {
  const perDay = new Map<string, number>();
  for (const l of lines) perDay.set(l.date, (perDay.get(l.date) ?? 0) + l.billableSeconds);
  let cumulativeSeconds = 0;
  return daysOfMonth(month).map((date) => {
    cumulativeSeconds += perDay.get(date) ?? 0;
    return { date, cumulativeSeconds };
  });
}
