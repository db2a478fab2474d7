// UTC offsets of an IANA time zone, read from the platform's ICU through Intl and cached as transition
// lists per chunk of time, so the hot paths do arithmetic on numbers and never call Intl.
import { DAY_MS, HOUR_MS, SECOND_MS } from './civil';

const CHUNK_MS = 64 * DAY_MS;
// Offsets are sampled this often; real zones never change twice within 12 hours.
const PROBE_MS = 12 * HOUR_MS;

/** Instants `[start, end)` during which wall-clock time = instant + offset. */
export interface OffsetSegment {
  start: number;
  end: number;
  offset: number;
}

interface Chunk {
  /** Transition instants; `starts[0]` is the chunk start. */
  starts: number[];
  offsets: number[];
}

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const FORMATTED = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

export class ZoneOffsets {
  private readonly format: Intl.DateTimeFormat;
  private readonly chunks = new Map<number, Chunk>();

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Offset in ms at instant `t` (wall = t + offset). */
  offsetAt(t: number): number {
    const chunk = this.chunk(Math.floor(t / CHUNK_MS));
    const { starts, offsets } = chunk;
    let i = starts.length - 1;
    while (i > 0 && (starts[i] as number) > t) i--;
    return offsets[i] as number;
  }

  /** The offset segments covering `[lo, hi)`, clipped to it, adjacent equal offsets merged. */
  segments(lo: number, hi: number): OffsetSegment[] {
    const out: OffsetSegment[] = [];
    const last = Math.floor((hi - 1) / CHUNK_MS);
    for (let c = Math.floor(lo / CHUNK_MS); c <= last; c++) {
      const { starts, offsets } = this.chunk(c);
      const chunkEnd = (c + 1) * CHUNK_MS;
      for (let i = 0; i < starts.length; i++) {
        const start = Math.max(lo, starts[i] as number);
        const end = Math.min(hi, i + 1 < starts.length ? (starts[i + 1] as number) : chunkEnd);
        if (start >= end) continue;
        const offset = offsets[i] as number;
        const prev = out[out.length - 1];
        if (prev && prev.offset === offset && prev.end === start) prev.end = end;
        else out.push({ start, end, offset });
      }
    }
    return out;
  }

  private chunk(index: number): Chunk {
    let chunk = this.chunks.get(index);
    if (!chunk) {
      chunk = this.probe(index * CHUNK_MS);
      this.chunks.set(index, chunk);
    }
    return chunk;
  }

  private probe(chunkStart: number): Chunk {
    const chunkEnd = chunkStart + CHUNK_MS;
    const starts = [chunkStart];
    const offsets = [this.readOffset(chunkStart)];
    let at = chunkStart;
    let offset = offsets[0] as number;
    while (at < chunkEnd) {
      const next = at + PROBE_MS;
      const nextOffset = this.readOffset(next);
      // Walk every change inside the probe step (normally none, at most one).
      while (offset !== nextOffset) {
        const change = this.firstChange(at, next, offset);
        offset = this.readOffset(change);
        if (change < chunkEnd) {
          starts.push(change);
          offsets.push(offset);
        }
        at = change;
      }
      at = next;
    }
    return { starts, offsets };
  }

  /** First whole second in `(lo, hi]` whose offset differs from `offset` (which holds at `lo`). */
  private firstChange(lo: number, hi: number, offset: number): number {
    while (hi - lo > SECOND_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / SECOND_MS) * SECOND_MS;
      if (this.readOffset(mid) === offset) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  private readOffset(t: number): number {
    const m = FORMATTED.exec(this.format.format(t));
    if (!m) throw new Error(`unexpected Intl output for ${this.name}`);
    const wall = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
    return wall - (t - (((t % SECOND_MS) + SECOND_MS) % SECOND_MS));
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The cached offsets of a zone, or null when the name is not an IANA zone this platform knows. */
export function zoneOffsets(name: string): ZoneOffsets | null {
  const cached = zones.get(name);
  if (cached) return cached;
  if (!IANA_NAME.test(name)) return null;
  let zone: ZoneOffsets;
  try {
    zone = new ZoneOffsets(name);
  } catch {
    return null;
  }
  zones.set(name, zone);
  return zone;
}

/** Intl's canonical spelling of a zone (to suggest it when only the case differs), or null. */
export function canonicalZoneName(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
