// An item's SLA clock on the board at a browser instant: a running clock counts down to its due instant by the
// browser's clock and turns overdue when it passes, without the server; a paused one holds still.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BoardItem } from '../../../src/contract/board';
import { anyTicking, itemClockView, secondsUntil, type BoardClock } from '../../../static/board/board-clock';
import { translateWith, type Translate } from '../../../static/shared/locale';

type Texts = { [key: string]: string | Texts };
const textsOf = (locale: string): Translate => {
  const texts = JSON.parse(readFileSync(join(__dirname, '../../../locales', `${locale}.json`), 'utf8')) as Texts;
  return translateWith((key) => {
    const found = key.split('.').reduce<Texts | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), texts);
    return typeof found === 'string' ? found : key;
  });
};
const en = textsOf('en-US');
const de = textsOf('de-DE');

const NOW = Date.parse('2026-03-10T12:00:00Z');
const ZRH = 'Europe/Zurich';
const clock = (over: Partial<BoardClock> = {}): BoardClock => ({
  key: 'resolution',
  name: 'Resolution',
  state: 'running',
  dueAt: '2026-03-10T14:15:00Z',
  remainingMinutes: 300,
  targetMinutes: 480,
  breached: false,
  ...over,
});
const view = (c: BoardClock | null, now = NOW, t = en, locale = 'en-GB') => itemClockView(c, now, t, locale, ZRH);

describe('an item’s clock', () => {
  it('counts a running clock down to its due instant by the browser’s clock', () => {
    const first = view(clock());
    expect(first).toMatchObject({ text: 'Due in 2 h 15 min', detail: 'Resolution · due today at 15:15', tone: 'information', ticking: true, overdue: false });
    // Three minutes later, no new answer from the server: the text moved.
    expect(view(clock(), NOW + 3 * 60_000)?.text).toBe('Due in 2 h 12 min');
    // Seconds round up: never "0 min" before it is due.
    expect(view(clock({ dueAt: '2026-03-10T12:00:30Z' }))?.text).toBe('Due in 1 min');
  });

  it('turns overdue when the due instant passes, even before the server says breached', () => {
    const late = view(clock(), Date.parse('2026-03-10T14:20:00Z'));
    expect(late).toMatchObject({ text: 'Overdue by 5 min', detail: 'Resolution · was due today at 15:15', tone: 'danger', overdue: true });
    const long = view(clock({ dueAt: '2026-03-08T09:00:00Z', breached: true }));
    expect(long).toMatchObject({ text: 'Overdue since 8 Mar, 10:00', detail: 'Resolution', tone: 'danger' });
  });

  it('shows a far due instant as a date, and warns when little of the target is left', () => {
    expect(view(clock({ dueAt: '2026-03-12T08:00:00Z' }))).toMatchObject({ text: 'Due 12 Mar, 09:00', detail: 'Resolution', tone: 'information' });
    expect(view(clock({ remainingMinutes: 60 }))?.tone).toBe('warning');
    expect(view(clock({ dueAt: '2026-03-10T13:00:00Z' }))?.tone).toBe('warning');
  });

  it('holds a paused clock still, left or overdue', () => {
    const paused = clock({ state: 'paused', dueAt: null, remainingMinutes: 95 });
    expect(view(paused)).toMatchObject({ text: 'Paused, 1 h 35 min left', tone: 'neutral', ticking: false });
    expect(view(paused, NOW + 3_600_000)?.text).toBe('Paused, 1 h 35 min left');
    expect(view(clock({ state: 'paused', dueAt: null, remainingMinutes: -20, breached: true }))).toMatchObject({ text: 'Paused, 20 min overdue', tone: 'danger' });
  });

  it('names the state of a clock that is not counting', () => {
    expect(view(clock({ state: 'breached', dueAt: null, remainingMinutes: -5, breached: true }))).toMatchObject({ text: 'Breached', tone: 'danger', detail: 'Resolution · Breached' });
    expect(view(clock({ state: 'running', dueAt: null, remainingMinutes: null, targetMinutes: null }))).toMatchObject({ text: 'Running', tone: 'information' });
    expect(view(null)).toBeNull();
  });

  it('speaks German', () => {
    expect(view(clock(), NOW, de, 'de-CH')).toMatchObject({ text: 'Fällig in 2 Std. 15 Min.', detail: 'Resolution · fällig heute um 15:15' });
    expect(view(clock(), Date.parse('2026-03-10T14:20:00Z'), de, 'de-CH')?.text).toBe('5 Min. überfällig');
  });

  it('ticks only while a running clock has a due instant', () => {
    const item = (c: BoardClock | null) => ({ clock: c }) as Pick<BoardItem, 'clock'>;
    expect(anyTicking([item(null), item(clock({ state: 'paused', dueAt: null }))])).toBe(false);
    expect(anyTicking([item(null), item(clock())])).toBe(true);
    expect(secondsUntil('not a date', NOW)).toBeNull();
    expect(secondsUntil('2026-03-10T12:01:00Z', NOW)).toBe(60);
  });
});
