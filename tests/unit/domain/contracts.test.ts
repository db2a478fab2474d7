// The contract and rate card in force on a day, period checks, and the local date of a worklog.
import type { Contract, RateCard } from '../../../src/contract/config';
import { contractInForce, contractOverlaps, localDate, monthOf, periodProblem, rateCardOn } from '../../../src/domain/contracts';
import { ValidationError } from '../../../src/domain/calendar';

type Period = Pick<Contract, 'id' | 'customerKey' | 'validFrom' | 'validTo'>;
const contract = (id: string, customerKey: string, validFrom: string, validTo: string | null): Period => ({ id, customerKey, validFrom, validTo });

describe('localDate', () => {
  it('gives the local date of a worklog at 23:30 on the last day of a month, summer and winter time', () => {
    // Zurich: CET (+01:00) until 29 March 2026, CEST (+02:00) until 25 October 2026.
    expect(localDate(Date.parse('2026-02-28T23:30:00+01:00'), 'Europe/Zurich')).toBe('2026-02-28');
    expect(localDate(Date.parse('2026-03-31T23:30:00+02:00'), 'Europe/Zurich')).toBe('2026-03-31');
    expect(localDate(Date.parse('2026-10-31T23:30:00+01:00'), 'Europe/Zurich')).toBe('2026-10-31');
    // Kolkata: +05:30 all year.
    expect(localDate(Date.parse('2026-03-31T23:30:00+05:30'), 'Asia/Kolkata')).toBe('2026-03-31');
    expect(localDate(Date.parse('2026-10-31T23:30:00+05:30'), 'Asia/Kolkata')).toBe('2026-10-31');
  });

  it('gives the right date at 23:30 on the days the clocks change', () => {
    expect(localDate(Date.parse('2026-03-29T23:30:00+02:00'), 'Europe/Zurich')).toBe('2026-03-29');
    expect(localDate(Date.parse('2026-10-25T23:30:00+01:00'), 'Europe/Zurich')).toBe('2026-10-25');
    expect(localDate(Date.parse('2026-03-29T23:30:00+05:30'), 'Asia/Kolkata')).toBe('2026-03-29');
  });

  it('moves to the next month an hour later, with the offset in force at the instant', () => {
    // 00:30 on 1 April in Zurich is 22:30 UTC on 31 March: the summer-time offset must be used.
    expect(localDate(Date.parse('2026-04-01T00:30:00+02:00'), 'Europe/Zurich')).toBe('2026-04-01');
    expect(localDate(Date.parse('2026-03-31T22:29:59Z'), 'Europe/Zurich')).toBe('2026-04-01');
    expect(localDate(Date.parse('2026-03-31T21:59:59Z'), 'Europe/Zurich')).toBe('2026-03-31');
    expect(localDate(Date.parse('2026-11-01T00:30:00+01:00'), 'Europe/Zurich')).toBe('2026-11-01');
    expect(localDate(Date.parse('2026-04-01T00:30:00+05:30'), 'Asia/Kolkata')).toBe('2026-04-01');
  });

  it('gives one instant different dates in different zones', () => {
    // 18:30 UTC on 31 March: 20:30 in Zurich, already 00:00 on 1 April in Kolkata.
    const instant = Date.parse('2026-03-31T18:30:00Z');
    expect(localDate(instant, 'Europe/Zurich')).toBe('2026-03-31');
    expect(localDate(instant, 'Asia/Kolkata')).toBe('2026-04-01');
    expect(localDate(instant - 1, 'Asia/Kolkata')).toBe('2026-03-31');
  });

  it('handles a leap day and the turn of the year', () => {
    expect(localDate(Date.parse('2028-02-29T23:30:00+01:00'), 'Europe/Zurich')).toBe('2028-02-29');
    expect(localDate(Date.parse('2027-01-01T00:30:00+01:00'), 'Europe/Zurich')).toBe('2027-01-01');
    expect(localDate(Date.parse('2026-12-31T23:30:00+05:30'), 'Asia/Kolkata')).toBe('2026-12-31');
  });

  it('refuses an unknown zone and an impossible instant', () => {
    expect(() => localDate(0, 'Mars/Olympus')).toThrow(ValidationError);
    expect(() => localDate(Number.NaN, 'UTC')).toThrow(ValidationError);
  });
});

describe('contractInForce', () => {
  const contracts = [
    contract('acme-2025', 'acme', '2025-04-01', '2026-03-31'),
    contract('acme-2026', 'acme', '2026-04-01', null),
    contract('globex', 'globex', '2026-01-01', '2026-12-31'),
  ];

  it('finds the contract whose period contains the day, both ends included', () => {
    expect(contractInForce(contracts, 'acme', '2025-04-01')?.id).toBe('acme-2025');
    expect(contractInForce(contracts, 'acme', '2026-03-31')?.id).toBe('acme-2025');
    expect(contractInForce(contracts, 'acme', '2026-04-01')?.id).toBe('acme-2026');
    expect(contractInForce(contracts, 'globex', '2026-12-31')?.id).toBe('globex');
  });

  it('treats a contract without an end as open-ended', () => {
    expect(contractInForce(contracts, 'acme', '2099-12-31')?.id).toBe('acme-2026');
  });

  it('returns null before the first contract, after the last, and for another customer', () => {
    expect(contractInForce(contracts, 'acme', '2025-03-31')).toBeNull();
    expect(contractInForce(contracts, 'globex', '2027-01-01')).toBeNull();
    expect(contractInForce(contracts, 'initech', '2026-06-01')).toBeNull();
  });

  it('prefers the contract that started last should periods overlap', () => {
    const overlapping = [contract('old', 'acme', '2026-01-01', null), contract('new', 'acme', '2026-06-01', '2026-06-30')];
    expect(contractInForce(overlapping, 'acme', '2026-06-15')?.id).toBe('new');
    expect(contractInForce(overlapping, 'acme', '2026-07-01')?.id).toBe('old');
  });
});

describe('contractOverlaps', () => {
  it('lets contiguous contracts follow each other', () => {
    const existing = [contract('a', 'acme', '2025-04-01', '2026-03-31')];
    expect(contractOverlaps(existing, contract('b', 'acme', '2026-04-01', null))).toEqual([]);
    expect(contractOverlaps(existing, contract('c', 'acme', '2024-04-01', '2025-03-31'))).toEqual([]);
  });

  it('finds periods that share a single day', () => {
    const existing = [contract('a', 'acme', '2025-04-01', '2026-03-31')];
    expect(contractOverlaps(existing, contract('b', 'acme', '2026-03-31', '2026-12-31')).map((c) => c.id)).toEqual(['a']);
    expect(contractOverlaps(existing, contract('c', 'acme', '2024-01-01', '2025-04-01')).map((c) => c.id)).toEqual(['a']);
    expect(contractOverlaps(existing, contract('d', 'acme', '2026-03-31', '2026-03-31')).map((c) => c.id)).toEqual(['a']);
  });

  it('treats open-ended periods as running forever', () => {
    const existing = [contract('open', 'acme', '2026-04-01', null), contract('closed', 'acme', '2020-01-01', '2020-12-31')];
    expect(contractOverlaps(existing, contract('late', 'acme', '2030-01-01', '2030-12-31')).map((c) => c.id)).toEqual(['open']);
    expect(contractOverlaps(existing, contract('early-open', 'acme', '2019-01-01', null)).map((c) => c.id)).toEqual(['open', 'closed']);
    expect(contractOverlaps(existing, contract('before', 'acme', '2021-01-01', '2026-03-31'))).toEqual([]);
  });

  it('ignores other customers and the contract being edited', () => {
    const existing = [contract('a', 'acme', '2026-01-01', '2026-12-31'), contract('g', 'globex', '2026-01-01', null)];
    expect(contractOverlaps(existing, contract('a', 'acme', '2026-06-01', null))).toEqual([]);
  });
});

describe('periodProblem', () => {
  it('refuses an end before the start, naming the field', () => {
    expect(periodProblem({ validFrom: '2026-04-01', validTo: '2026-03-31' })).toEqual({
      path: 'contract.validTo',
      message: 'must be on or after valid from (2026-04-01)',
    });
  });

  it('accepts a one-day, a longer and an open-ended period', () => {
    expect(periodProblem({ validFrom: '2026-04-01', validTo: '2026-04-01' })).toBeNull();
    expect(periodProblem({ validFrom: '2026-04-01', validTo: '2027-03-31' })).toBeNull();
    expect(periodProblem({ validFrom: '2026-04-01', validTo: null })).toBeNull();
  });
});

describe('rateCardOn', () => {
  const card = (validFrom: string, defaultRate: number): RateCard => ({ validFrom, defaultRate, workTypeRates: [] });
  // Listed out of order on purpose: a card applies from its date until the next card's date.
  const rateCards = [card('2026-07-01', 16_000), card('2026-01-01', 15_000), card('2027-01-01', 17_000)];

  it('gives the card with the latest start on or before the day', () => {
    expect(rateCardOn({ rateCards }, '2026-01-01')?.defaultRate).toBe(15_000);
    expect(rateCardOn({ rateCards }, '2026-06-30')?.defaultRate).toBe(15_000);
    expect(rateCardOn({ rateCards }, '2026-07-01')?.defaultRate).toBe(16_000);
    expect(rateCardOn({ rateCards }, '2026-12-31')?.defaultRate).toBe(16_000);
    expect(rateCardOn({ rateCards }, '2030-02-28')?.defaultRate).toBe(17_000);
  });

  it('returns null before the first card', () => {
    expect(rateCardOn({ rateCards }, '2025-12-31')).toBeNull();
    expect(rateCardOn({ rateCards: [] }, '2026-01-01')).toBeNull();
  });

  it('takes the last listed of cards starting the same day', () => {
    expect(rateCardOn({ rateCards: [card('2026-01-01', 1), card('2026-01-01', 2)] }, '2026-05-01')?.defaultRate).toBe(2);
  });
});

describe('monthOf', () => {
  it('gives the month of an instant in the zone, bounded by local midnights', () => {
    // 31 March 2026 23:30 in Zurich (summer time since 29 March) is still March there, April in UTC+05:30 Kolkata.
    const instant = Date.parse('2026-03-31T21:30:00Z');
    expect(monthOf(instant, 'Europe/Zurich')).toEqual({ label: '2026-03', from: Date.parse('2026-02-28T23:00:00Z'), to: Date.parse('2026-03-31T22:00:00Z') });
    expect(monthOf(instant, 'Asia/Kolkata')).toEqual({ label: '2026-04', from: Date.parse('2026-03-31T18:30:00Z'), to: Date.parse('2026-04-30T18:30:00Z') });
    expect(monthOf(Date.parse('2026-12-15T12:00:00Z'), 'America/New_York')).toEqual({ label: '2026-12', from: Date.parse('2026-12-01T05:00:00Z'), to: Date.parse('2027-01-01T05:00:00Z') });
  });
});
