// Calendars are validated on the way in: every problem is a ValidationError naming the field.
import {
  addBusinessTime,
  businessTimeBetween,
  parseCalendar,
  ValidationError,
  type Calendar,
} from '../../../src/domain/calendar';

const valid = {
  timeZone: 'Europe/Zurich',
  weekly: { mon: [['08:00', '12:00'], ['13:00', '17:00']], tue: [['08:00', '17:00']] },
  holidays: [{ date: '2026-12-24', hours: [['08:00', '12:00']] }, { date: '2026-12-25', name: 'Christmas' }],
  yearlyHolidays: [{ date: '01-01' }, { date: '02-29' }],
};

function messageOf(input: unknown): string {
  try {
    parseCalendar(input);
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

function withWeekly(weekly: unknown): unknown {
  return { ...valid, weekly };
}

describe('parseCalendar', () => {
  it('returns a valid calendar unchanged', () => {
    expect(parseCalendar(valid)).toEqual(valid);
  });

  it.each([
    ['overlapping intervals', withWeekly({ mon: [['08:00', '12:00'], ['11:00', '13:00']] }), 'calendar.weekly.mon[1]: intervals overlap (08:00-12:00 and 11:00-13:00)'],
    ['overlap listed out of order', withWeekly({ fri: [['11:00', '13:00'], ['08:00', '12:00']] }), 'calendar.weekly.fri[0]: intervals overlap (08:00-12:00 and 11:00-13:00)'],
    ['a reversed interval', withWeekly({ tue: [['17:00', '08:00']] }), 'calendar.weekly.tue[0]: interval is reversed (17:00-08:00)'],
    ['an empty interval', withWeekly({ tue: [['09:00', '09:00']] }), 'calendar.weekly.tue[0]: interval is empty (09:00-09:00)'],
    ['a malformed time', withWeekly({ wed: [['8:00', '12:00']] }), 'calendar.weekly.wed[0][0]: "8:00" is not a start time'],
    ['an hour past 24', withWeekly({ wed: [['08:00', '25:00']] }), 'calendar.weekly.wed[0][1]: "25:00" is not an end time'],
    ['24:30', withWeekly({ wed: [['08:00', '24:30']] }), 'calendar.weekly.wed[0][1]: "24:30" is not an end time'],
    ['24:00 as a start', withWeekly({ wed: [['24:00', '24:00']] }), 'calendar.weekly.wed[0][0]: "24:00" is not a start time'],
    ['an unknown weekday', withWeekly({ monday: [['08:00', '12:00']] }), 'calendar.weekly: unknown field "monday"'],
    ['an interval with three times', withWeekly({ mon: [['08:00', '12:00', '13:00']] }), 'calendar.weekly.mon[0]: expected a pair ["HH:MM", "HH:MM"]'],
    ['an unknown zone', { ...valid, timeZone: 'Europe/Zurch' }, 'calendar.timeZone: unknown time zone "Europe/Zurch"'],
    ['a UTC offset instead of a zone', { ...valid, timeZone: '+01:00' }, 'calendar.timeZone: unknown time zone "+01:00"'],
    ['a zone in the wrong case', { ...valid, timeZone: 'europe/zurich' }, 'calendar.timeZone: time zone "europe/zurich" is misspelled, write "Europe/Zurich"'],
    ['a date that does not exist', { ...valid, holidays: [{ date: '2026-02-30' }] }, 'calendar.holidays[0].date: "2026-02-30" is not a date YYYY-MM-DD'],
    ['a date in the wrong format', { ...valid, holidays: [{ date: '24.12.2026' }] }, 'calendar.holidays[0].date: "24.12.2026" is not a date'],
    ['a yearly date that never exists', { ...valid, yearlyHolidays: [{ date: '02-30' }] }, 'calendar.yearlyHolidays[0].date: "02-30" is not a yearly date MM-DD'],
    ['a full date as a yearly holiday', { ...valid, yearlyHolidays: [{ date: '2026-01-01' }] }, 'calendar.yearlyHolidays[0].date: "2026-01-01" is not a yearly date'],
    ['a holiday listed twice', { ...valid, holidays: [{ date: '2026-12-25' }, { date: '2026-12-25' }] }, 'calendar.holidays[1].date: 2026-12-25 is listed twice (also calendar.holidays[0])'],
    ['overlapping holiday hours', { ...valid, holidays: [{ date: '2026-12-24', hours: [['08:00', '12:00'], ['10:00', '14:00']] }] }, 'calendar.holidays[0].hours[1]: intervals overlap'],
    ['a missing zone', { weekly: {} }, 'calendar.timeZone: is required (expected string)'],
    ['a missing weekly', { timeZone: 'UTC' }, 'calendar.weekly: is required'],
    ['an unknown field', { ...valid, holiday: [] }, 'calendar: unknown field "holiday"'],
    ['a number for a time', withWeekly({ mon: [[8, 12]] }), 'calendar.weekly.mon[0][0]: expected string, received number'],
    ['not an object', 'Europe/Zurich', 'calendar: expected object, received string'],
  ])('rejects %s', (_what, input, expected) => {
    expect(messageOf(input)).toContain(expected);
  });

  it('lists every problem, not only the first', () => {
    const error = (() => {
      try {
        parseCalendar({ timeZone: 'Nowhere/City', weekly: { mon: [['09:00', '08:00']] }, holidays: [{ date: 'x' }] });
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('expected a ValidationError');
    })();
    expect(error.issues.map((i) => i.path)).toEqual(['calendar.timeZone', 'calendar.weekly.mon[0]', 'calendar.holidays[0].date']);
  });

  it('names the root the caller gives', () => {
    expect(() => parseCalendar({ timeZone: 'UTC', weekly: { sun: [['9', '10']] } }, 'contract.calendar')).toThrow(
      /^contract\.calendar\.weekly\.sun\[0\]\[0\]/,
    );
  });

  it('accepts zone links, adjacent intervals, 24:00 and empty days', () => {
    const cal = parseCalendar({ timeZone: 'US/Eastern', weekly: { mon: [['00:00', '12:00'], ['12:00', '24:00']], tue: [] } });
    // Adjacent intervals join: Monday is one 24-hour stretch.
    expect(businessTimeBetween(cal, Date.parse('2026-11-16T05:00:00Z'), Date.parse('2026-11-17T05:00:00Z'))).toBe(24 * 3600_000);
  });
});

describe('engine arguments', () => {
  const cal = parseCalendar(valid);

  it('rejects a hand-built calendar that is not valid, by the same rules', () => {
    const bad = { timeZone: 'Mars/Olympus', weekly: {} } as Calendar;
    expect(() => addBusinessTime(bad, Date.UTC(2026, 0, 1), 1)).toThrow('calendar.timeZone: unknown time zone "Mars/Olympus"');
  });

  it.each([
    ['a NaN start', () => addBusinessTime(cal, NaN, 1000), 'start: expected an instant in epoch milliseconds'],
    ['a start before 1900', () => addBusinessTime(cal, Date.UTC(1800, 0, 1), 1000), 'start: instant outside the supported years 1900 to 2999'],
    ['a negative duration', () => addBusinessTime(cal, Date.UTC(2026, 0, 1), -1), 'duration: expected a duration in milliseconds, zero or more'],
    ['an infinite duration', () => addBusinessTime(cal, Date.UTC(2026, 0, 1), Infinity), 'duration: expected a duration'],
    ['a reversed pause', () => businessTimeBetween(cal, 0 + Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2), [{ from: Date.UTC(2026, 0, 2), to: Date.UTC(2026, 0, 1) }]), 'pauses[0]: pause ends before it starts'],
    ['a pause without an end', () => businessTimeBetween(cal, Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2), [{ from: Date.UTC(2026, 0, 1) } as never]), 'pauses[0].to: expected an instant'],
  ])('rejects %s with a ValidationError', (_what, call, expected) => {
    expect(call).toThrow(ValidationError);
    expect(call).toThrow(expected);
  });
});
