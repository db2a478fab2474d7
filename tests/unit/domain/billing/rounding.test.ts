// Rounding per entry: every mode and step, exact multiples, halves, 0 and 59 seconds.
import { roundSeconds } from '../../../../src/domain/billing';

type Mode = 'none' | 'up' | 'nearest' | 'down';
type Minutes = 1 | 6 | 15 | 30;

// [seconds, up, nearest, down] per step, written out rather than computed so a wrong rule cannot agree with itself.
const cases: Record<Minutes, [number, number, number, number][]> = {
  1: [
    [0, 0, 0, 0],
    [1, 60, 0, 0],
    [29, 60, 0, 0],
    [30, 60, 60, 0],
    [59, 60, 60, 0],
    [60, 60, 60, 60],
    [61, 120, 60, 60],
    [89, 120, 60, 60],
    [90, 120, 120, 60],
    [3600, 3600, 3600, 3600],
  ],
  6: [
    [0, 0, 0, 0],
    [59, 360, 0, 0],
    [179, 360, 0, 0],
    [180, 360, 360, 0],
    [360, 360, 360, 360],
    [361, 720, 360, 360],
    [539, 720, 360, 360],
    [540, 720, 720, 360],
    [720, 720, 720, 720],
  ],
  15: [
    [0, 0, 0, 0],
    [59, 900, 0, 0],
    [449, 900, 0, 0],
    [450, 900, 900, 0],
    [900, 900, 900, 900],
    [901, 1800, 900, 900],
    [1349, 1800, 900, 900],
    [1350, 1800, 1800, 900],
    [3600, 3600, 3600, 3600],
  ],
  30: [
    [0, 0, 0, 0],
    [59, 1800, 0, 0],
    [899, 1800, 0, 0],
    [900, 1800, 1800, 0],
    [1800, 1800, 1800, 1800],
    [1801, 3600, 1800, 1800],
    [2699, 3600, 1800, 1800],
    [2700, 3600, 3600, 1800],
    [7200, 7200, 7200, 7200],
  ],
};

describe('roundSeconds', () => {
  for (const minutes of [1, 6, 15, 30] as const) {
    describe(`to ${minutes} min`, () => {
      it.each(cases[minutes])('%i s: up %i, nearest %i, down %i', (seconds, up, nearest, down) => {
        expect(roundSeconds(seconds, { mode: 'up', minutes })).toBe(up);
        expect(roundSeconds(seconds, { mode: 'nearest', minutes })).toBe(nearest);
        expect(roundSeconds(seconds, { mode: 'down', minutes })).toBe(down);
      });

      it('leaves every value unchanged with mode none', () => {
        for (const [seconds] of cases[minutes]) expect(roundSeconds(seconds, { mode: 'none', minutes })).toBe(seconds);
        expect(roundSeconds(59, { mode: 'none', minutes })).toBe(59);
      });
    });
  }

  it('gives whole, non-negative seconds for every mode', () => {
    for (const mode of ['none', 'up', 'nearest', 'down'] as Mode[]) {
      for (const minutes of [1, 6, 15, 30] as Minutes[]) {
        for (let seconds = 0; seconds <= 3700; seconds += 37) {
          const rounded = roundSeconds(seconds, { mode, minutes });
          expect(Number.isInteger(rounded) && rounded >= 0).toBe(true);
          if (mode !== 'none') expect(rounded % (minutes * 60)).toBe(0);
        }
      }
    }
  });

  it('refuses negative and fractional seconds', () => {
    expect(() => roundSeconds(-1, { mode: 'down', minutes: 1 })).toThrow(RangeError);
    expect(() => roundSeconds(1.5, { mode: 'none', minutes: 1 })).toThrow(RangeError);
    expect(() => roundSeconds(Number.NaN, { mode: 'up', minutes: 15 })).toThrow(RangeError);
  });
});
