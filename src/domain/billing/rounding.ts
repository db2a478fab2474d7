// Rounding of one worklog's seconds, per entry as the contract says (DESIGN.md section 4). Integer
// arithmetic only: the step is a whole number of seconds, so no fraction ever appears.
import type { Contract } from '../../contract/config';

/**
 * `seconds` rounded to a multiple of `rounding.minutes` minutes: `up`, `down`, or `nearest` (a half goes
 * up); `none` leaves it as is. Throws RangeError unless `seconds` is a whole number >= 0.
 */
export function roundSeconds(seconds: number, rounding: Contract['rounding']): number {
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError(`seconds must be a whole number >= 0, got ${seconds}`);
  if (rounding.mode === 'none') return seconds;
  const step = rounding.minutes * 60;
  if (!Number.isSafeInteger(step) || step <= 0) throw new RangeError(`rounding minutes must be a whole number > 0, got ${rounding.minutes}`);
  const below = seconds - (seconds % step);
  if (below === seconds) return seconds;
  switch (rounding.mode) {
    case 'down':
      return below;
    case 'up':
      return below + step;
    case 'nearest':
      // step is a multiple of 60, so half a step is a whole number of seconds.
      return seconds - below >= step / 2 ? below + step : below;
  }
}
