// Money in integer minor units: half up, exact for large values, lines that add up to the total.
import { amountFor, billWorklog, linesOfMonth, minorDigits, summariseCustomerMonth, toMajor } from '../../../../src/domain/billing';
import { acme, contract, issue, issuesById, terms, worklog } from './fixtures';

const exact = (seconds: number, rate: number): number => Number((BigInt(seconds) * BigInt(rate) * 2n + 3600n) / 7200n);

describe('amountFor', () => {
  it('rounds to the minor unit, a half up', () => {
    expect(amountFor(1, 1)).toBe(0);
    expect(amountFor(1799, 1)).toBe(0);
    expect(amountFor(1800, 1)).toBe(1);
    expect(amountFor(3600, 1)).toBe(1);
    expect(amountFor(5399, 1)).toBe(1);
    expect(amountFor(5400, 1)).toBe(2);
    // 1 min at 30.00/h = 0.50 minor unit -> 1; at 12345/h = 205.75 -> 206; at 90/h = 1.5 -> 2.
    expect(amountFor(60, 30)).toBe(1);
    expect(amountFor(60, 12_345)).toBe(206);
    expect(amountFor(60, 90)).toBe(2);
    expect(amountFor(900, 15_000)).toBe(3750);
    expect(amountFor(0, 15_000)).toBe(0);
    expect(amountFor(3600, 0)).toBe(0);
  });

  it('is exact for products up to the largest safe integer', () => {
    // Products of 3600k + 1799, + 1800 and + 3599 near 2^53, where a float quotient is no longer exact.
    for (const k of [2_000_000_000_000, 2_400_000_000_000, 1_234_567_890_123]) {
      for (const rem of [0, 1, 1799, 1800, 3599]) {
        expect(amountFor(3600 * k + rem, 1)).toBe(exact(3600 * k + rem, 1));
      }
    }
    expect(amountFor(1800, 1)).toBe(1);
    expect(amountFor(2_000_000_000, 4_000_000)).toBe(2_222_222_222_222);
    expect(amountFor(2_000_000_000, 4_000_000)).toBe(exact(2_000_000_000, 4_000_000));
    expect(amountFor(Number.MAX_SAFE_INTEGER, 1)).toBe(exact(Number.MAX_SAFE_INTEGER, 1));
  });

  it('refuses a product beyond exact arithmetic', () => {
    expect(() => amountFor(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => amountFor(3_000_000_000, 3_100_000)).toThrow(RangeError);
  });

  it('refuses fractional, negative and non-finite input', () => {
    expect(() => amountFor(1.5, 100)).toThrow(RangeError);
    expect(() => amountFor(60, 99.5)).toThrow(RangeError);
    expect(() => amountFor(-60, 100)).toThrow(RangeError);
    expect(() => amountFor(60, -100)).toThrow(RangeError);
    expect(() => amountFor(Number.NaN, 100)).toThrow(RangeError);
    expect(() => amountFor(60, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('totals are sums of lines', () => {
  it('adds 10,000 lines of 1 min at 12345/h to exactly 10,000 x 206, with no floating drift', () => {
    const t = terms([contract({ rateCards: [{ validFrom: '2026-01-01', defaultRate: 12_345, workTypeRates: [] }], includedHoursPerMonth: 0 })]);
    const issues = issuesById(issue());
    const start = Date.parse('2026-06-01T08:00:00+02:00');
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      billWorklog(worklog('2026-06-01T08:00:00+02:00', 60, { id: String(30_000 + i), started: start + i * 60_000 }), issue(), issues, t),
    );
    expect(lines.every((l) => l.amount === 206)).toBe(true);
    const summary = summariseCustomerMonth(linesOfMonth(lines, '2026-06'), acme, t, '2026-06');
    expect(summary.amount).toBe(2_060_000);
    expect(summary.amount).toBe(lines.reduce((sum, l) => sum + l.amount, 0));
    expect(summary.billableSeconds).toBe(600_000);
    expect(summary.lineCount).toBe(10_000);
    // Adding the lines in francs would drift (10,000 x 2.06 is not 20600 in floats); minor units do not.
    let francs = 0;
    for (const l of lines) francs += toMajor(l.amount, 'CHF');
    expect(francs).not.toBe(20_600);
    expect(toMajor(summary.amount, 'CHF')).toBe(20_600);
  });
});

describe('minorDigits and toMajor', () => {
  it('knows the minor units of JPY, CHF, EUR and BHD', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('CHF')).toBe(2);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('BHD')).toBe(3);
  });

  it('converts minor units for display', () => {
    expect(toMajor(14_050, 'CHF')).toBe(140.5);
    expect(toMajor(14_050, 'JPY')).toBe(14_050);
    expect(toMajor(14_050, 'BHD')).toBe(14.05);
    expect(toMajor(1, 'BHD')).toBe(0.001);
  });
});
