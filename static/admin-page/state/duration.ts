// Target and clock durations: minutes on the wire, hours and minutes on screen.

export interface HoursMinutes {
  negative: boolean;
  hours: number;
  minutes: number;
}

export function splitMinutes(total: number): HoursMinutes {
  const abs = Math.abs(Math.trunc(total));
  return { negative: total < 0, hours: Math.floor(abs / 60), minutes: abs % 60 };
}

/** Hours and minutes typed in two inputs to whole minutes; null when either is not a whole number >= 0. */
export function joinMinutes(hours: string, minutes: string): number | null {
  const h = hours.trim() === '' ? 0 : Number(hours);
  const m = minutes.trim() === '' ? 0 : Number(minutes);
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0) return null;
  return h * 60 + m;
}
