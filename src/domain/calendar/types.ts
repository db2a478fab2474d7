// A customer's working calendar as stored and shown: plain JSON, wall-clock times in the calendar's zone.

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `["08:00", "12:00"]`: wall-clock `HH:MM`, half-open `[start, end)`; `"24:00"` is the end of the day. */
export type WorkingInterval = readonly [start: string, end: string];

export interface Holiday {
  /** `YYYY-MM-DD` for a dated holiday, `MM-DD` for a yearly one. */
  date: string;
  /** Working hours on that day (a half day); absent or empty = closed all day. */
  hours?: readonly WorkingInterval[];
  name?: string;
}

export interface Calendar {
  id?: string;
  name?: string;
  /** IANA zone, e.g. `Europe/Zurich`. */
  timeZone: string;
  /** Working intervals per weekday; a missing or empty day is closed. */
  weekly: Partial<Record<Weekday, readonly WorkingInterval[]>>;
  /** Dated holidays (`YYYY-MM-DD`); they win over a yearly holiday on the same day. */
  holidays?: readonly Holiday[];
  /** Holidays every year (`MM-DD`; `02-29` only in leap years). */
  yearlyHolidays?: readonly Holiday[];
}

/** `[from, to)` in epoch ms during which no business time passes. */
export interface Pause {
  from: number;
  to: number;
}
