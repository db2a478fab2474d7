// A calendar turned into working spans on the instant line, built lazily per block of time and cached, so
// every business-time operation is a binary search over arrays of numbers.
//
// The rule that fixes daylight saving: an instant is working time when its local wall-clock date and time
// fall inside a working interval of that date. So a skipped hour never exists, a repeated hour counts twice
// when it lies in working time, and an interval that starts inside a skipped hour begins when the clock jumps.
import { DAY_MS, MINUTE_MS, monthDayOf, weekdayOf } from './civil';
import { validateCalendar, type NormalizedCalendar } from './schema';
import type { Calendar } from './types';
import { zoneOffsets, type ZoneOffsets } from './zone';

/** Blocks are fixed spans of instants; a working span crossing a block edge is split (harmless). */
export const BLOCK_MS = 32 * DAY_MS;
const MAX_CACHED_BLOCKS = 4096;

export interface Block {
  start: number;
  end: number;
  /** Working spans `[s[i], e[i])`, sorted, disjoint, non-adjacent. */
  s: number[];
  e: number[];
  /** Working ms in the block before span i. */
  c: number[];
  total: number;
}

export class CompiledCalendar {
  private readonly blocks = new Map<number, Block>();
  private readonly zone: ZoneOffsets;
  /** Aligns blocks roughly with local midnights so few spans are split. */
  private readonly shift: number;
  /** False when only dated holidays carry working hours: then no work exists outside [firstWork, lastWork). */
  readonly recurring: boolean;
  readonly firstWork: number;
  readonly lastWork: number;

  constructor(private readonly cal: NormalizedCalendar) {
    const zone = zoneOffsets(cal.timeZone);
    if (!zone) throw new Error(`zone ${cal.timeZone} was validated but is unknown`);
    this.zone = zone;
    this.shift = zone.offsetAt(Date.UTC(2000, 0, 1));
    this.recurring = cal.weekly.some((d) => d.length > 0) || [...cal.yearly.values()].some((h) => h.length > 0);
    const workDays = [...cal.dated].filter(([, hours]) => hours.length > 0).map(([day]) => day);
    // Two days of margin cover any UTC offset.
    this.firstWork = workDays.length > 0 ? (Math.min(...workDays) - 2) * DAY_MS : Infinity;
    this.lastWork = workDays.length > 0 ? (Math.max(...workDays) + 3) * DAY_MS : -Infinity;
  }

  blockIndex(t: number): number {
    return Math.floor((t + this.shift) / BLOCK_MS);
  }

  block(index: number): Block {
    let block = this.blocks.get(index);
    if (!block) {
      if (this.blocks.size >= MAX_CACHED_BLOCKS) this.blocks.clear();
      block = this.build(index);
      this.blocks.set(index, block);
    }
    return block;
  }

  blockAt(t: number): Block {
    return this.block(this.blockIndex(t));
  }

  /** Minute pairs of a local date: a dated holiday, else a yearly one, else the weekday. */
  private hoursOf(day: number): number[] {
    return this.cal.dated.get(day) ?? this.cal.yearly.get(monthDayOf(day)) ?? (this.cal.weekly[weekdayOf(day)] as number[]);
  }

  private build(index: number): Block {
    const start = index * BLOCK_MS - this.shift;
    const end = start + BLOCK_MS;
    const spans: number[][] = [];
    const segments = this.zone.segments(start, end);
    // Local dates whose wall clock can show inside [start, end): offsets are below one day.
    const firstDay = Math.floor(start / DAY_MS) - 1;
    const lastDay = Math.floor(end / DAY_MS) + 1;
    for (let day = firstDay; day <= lastDay; day++) {
      const hours = this.hoursOf(day);
      for (let k = 0; k < hours.length; k += 2) {
        const wallStart = day * DAY_MS + (hours[k] as number) * MINUTE_MS;
        const wallEnd = day * DAY_MS + (hours[k + 1] as number) * MINUTE_MS;
        // The instants of each offset segment whose wall clock lies in [wallStart, wallEnd).
        for (const seg of segments) {
          const a = Math.max(seg.start, wallStart - seg.offset);
          const b = Math.min(seg.end, wallEnd - seg.offset);
          if (a < b) spans.push([a, b]);
        }
      }
    }
    spans.sort((x, y) => (x[0] as number) - (y[0] as number));
    const s: number[] = [];
    const e: number[] = [];
    const c: number[] = [];
    let total = 0;
    for (const [a, b] of spans as [number, number][]) {
      const last = e.length - 1;
      if (last >= 0 && a <= (e[last] as number)) {
        // Only adjacency is possible (an instant has one wall time); merge it.
        const grown = Math.max(e[last] as number, b);
        total += grown - (e[last] as number);
        e[last] = grown;
        continue;
      }
      s.push(a);
      e.push(b);
      c.push(total);
      total += b - a;
    }
    return { start, end, s, e, c, total };
  }
}

const compiled = new WeakMap<Calendar, CompiledCalendar>();

/**
 * The compiled form of a calendar, cached per calendar object. Validates on first use, so a hand-built
 * object that is not a valid calendar throws ValidationError here too.
 */
export function compileCalendar(calendar: Calendar): CompiledCalendar {
  let c = compiled.get(calendar);
  if (!c) {
    c = new CompiledCalendar(validateCalendar(calendar).normalized);
    compiled.set(calendar, c);
  }
  return c;
}

/** Index of the last span starting at or before t, or -1. */
export function spanIndexAt(block: Block, t: number): number {
  const s = block.s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((s[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Working ms in the block before instant t (t inside the block). */
export function cumulativeAt(block: Block, t: number): number {
  const i = spanIndexAt(block, t);
  if (i < 0) return 0;
  const e = block.e[i] as number;
  return (block.c[i] as number) + (t < e ? t : e) - (block.s[i] as number);
}
