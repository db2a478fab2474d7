// Calendar months in a customer's time zone: what "this month" means for hours against a contract.
import { ValidationError, zoneOffsets } from '../calendar';

export interface MonthBounds {
  /** `YYYY-MM`. */
  label: string;
  /** Epoch ms of 00:00 on the first of the month in the zone, and of the next month's first. */
  from: number;
  to: number;
}

/** The month that contains `instant` in `timeZone`. */
export function monthOf(instant: number, timeZone: string): MonthBounds {
  const zone = zoneOffsets(timeZone);
  if (!zone) throw ValidationError.at('timeZone', `unknown time zone '${timeZone}'`);
  const local = new Date(instant + zone.offsetAt(instant));
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  // Local midnight: the offset is read at the guess and once more at the corrected instant (DST at midnight).
  const start = (y: number, m: number): number => {
    const wall = Date.UTC(y, m - 1, 1);
    const guess = wall - zone.offsetAt(wall);
    return wall - zone.offsetAt(guess);
  };
  return {
    label: `${year}-${String(month).padStart(2, '0')}`,
    from: start(year, month),
    to: month === 12 ? start(year + 1, 1) : start(year, month + 1),
  };
}
