// Business calendars: validation and business-time arithmetic. Pure: no clock read, no platform import.
export type { Calendar, Holiday, Pause, Weekday, WorkingInterval } from './types';
export { WEEKDAYS } from './types';
export { ValidationError, type ValidationIssue } from './errors';
export { parseCalendar, calendarSchema } from './schema';
export { HORIZON_DAYS } from './business-time';
export { MIN_INSTANT, MAX_INSTANT } from './civil';
export { addBusinessTime, subtractBusinessTime, businessTimeBetween, nextBusinessMoment, isBusinessTime } from './operations';
export { normalizePauses } from './pauses';
export { compileCalendar, type CompiledCalendar } from './compiled';
export { zoneOffsets, type ZoneOffsets } from './zone';
