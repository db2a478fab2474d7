// A customer's month: included hours used and remaining, overage, excluded time, the contract that speaks for
// the month, and the burn of billable hours day by day.
import type { BillingLine } from '../../../../src/contract/billing';
import { billWorklog, burnOf, linesOfMonth, summariseCustomerMonth } from '../../../../src/domain/billing';
import { acme, contract, HOUR, issue, issuesById, line, terms, worklog } from './fixtures';

const issues = issuesById(issue());

describe('summariseCustomerMonth', () => {
  const t = terms([contract({ includedHoursPerMonth: 10 })]);
  const hours = (n: number, date = '2026-06-03'): BillingLine => line({ date, rawSeconds: n * HOUR, roundedSeconds: n * HOUR, billableSeconds: n * HOUR, amount: n * 15_000 });

  it('counts billable hours against the included hours when under budget', () => {
    const s = summariseCustomerMonth([hours(2), hours(4, '2026-06-20')], acme, t, '2026-06');
    expect(s).toMatchObject({
      customerKey: 'acme',
      customerName: 'Acme AG',
      contractId: 'acme-2026',
      contractName: 'Acme support 2026',
      currency: 'CHF',
      timeZone: 'Europe/Zurich',
      rawSeconds: 6 * HOUR,
      billableSeconds: 6 * HOUR,
      amount: 90_000,
      includedSeconds: 10 * HOUR,
      includedUsedSeconds: 6 * HOUR,
      includedRemainingSeconds: 4 * HOUR,
      overageSeconds: 0,
      excludedSeconds: 0,
      lineCount: 2,
    });
  });

  it('reports the hours beyond the included ones as overage when over budget', () => {
    const s = summariseCustomerMonth([hours(5), hours(7)], acme, t, '2026-06');
    expect(s).toMatchObject({ billableSeconds: 12 * HOUR, includedUsedSeconds: 10 * HOUR, includedRemainingSeconds: 0, overageSeconds: 2 * HOUR });
  });

  it('uses up the budget exactly without overage', () => {
    const s = summariseCustomerMonth([hours(10)], acme, t, '2026-06');
    expect(s).toMatchObject({ includedUsedSeconds: 10 * HOUR, includedRemainingSeconds: 0, overageSeconds: 0 });
  });

  it('turns fractional included hours into whole seconds', () => {
    expect(summariseCustomerMonth([], acme, terms([contract({ includedHoursPerMonth: 7.5 })]), '2026-06').includedSeconds).toBe(27_000);
    expect(summariseCustomerMonth([], acme, terms([contract({ includedHoursPerMonth: 0.0003 })]), '2026-06').includedSeconds).toBe(1);
  });

  it('counts excluded lines in raw time, excluded time and lines, not in billable time or money', () => {
    const internal = line({ worklogId: '2', rawSeconds: 1800, roundedSeconds: 1800, billableSeconds: 0, amount: 0, excluded: { reason: 'nonBillableLabel', detail: 'internal' } });
    const s = summariseCustomerMonth([hours(1), internal], acme, t, '2026-06');
    expect(s).toMatchObject({ rawSeconds: HOUR + 1800, billableSeconds: HOUR, excludedSeconds: 1800, lineCount: 2, amount: 15_000, includedUsedSeconds: HOUR });
  });

  it('shows a contract that ended mid-month, its included hours, and the hours after it as noContract', () => {
    const ended = terms([contract({ id: 'acme-h1', name: 'Acme H1', validFrom: '2026-01-01', validTo: '2026-06-15', includedHoursPerMonth: 20 })]);
    const lines = [
      billWorklog(worklog('2026-06-15T23:30:00+02:00', 3 * HOUR, { id: '1' }), issue(), issues, ended),
      billWorklog(worklog('2026-06-16T00:30:00+02:00', 2 * HOUR, { id: '2' }), issue(), issues, ended),
    ];
    expect(lines.map((l) => l.excluded?.reason ?? 'billed')).toEqual(['billed', 'noContract']);
    const s = summariseCustomerMonth(linesOfMonth(lines, '2026-06'), acme, ended, '2026-06');
    expect(s).toMatchObject({
      contractId: 'acme-h1',
      contractName: 'Acme H1',
      includedSeconds: 20 * HOUR,
      billableSeconds: 3 * HOUR,
      includedUsedSeconds: 3 * HOUR,
      includedRemainingSeconds: 17 * HOUR,
      excludedSeconds: 2 * HOUR,
      rawSeconds: 5 * HOUR,
      lineCount: 2,
    });
  });

  it('shows the contract in force on the last day when one follows another mid-month', () => {
    const handover = terms([
      contract({ id: 'acme-h1', validFrom: '2026-01-01', validTo: '2026-06-15', includedHoursPerMonth: 20 }),
      contract({ id: 'acme-h2', validFrom: '2026-06-16', validTo: null, includedHoursPerMonth: 8 }),
    ]);
    expect(summariseCustomerMonth([], acme, handover, '2026-06')).toMatchObject({ contractId: 'acme-h2', includedSeconds: 8 * HOUR });
  });

  it('shows the contract in force last when none is in force on the last day', () => {
    const short = terms([
      contract({ id: 'second', validFrom: '2026-06-11', validTo: '2026-06-20', includedHoursPerMonth: 4 }),
      contract({ id: 'first', validFrom: '2026-06-01', validTo: '2026-06-10', includedHoursPerMonth: 2 }),
      contract({ id: 'next-year', validFrom: '2027-01-01', validTo: null }),
    ]);
    expect(summariseCustomerMonth([], acme, short, '2026-06')).toMatchObject({ contractId: 'second', includedSeconds: 4 * HOUR });
  });

  it('has no contract and no included hours when none is in force during the month', () => {
    const none = terms([contract({ validFrom: '2026-07-01' }), contract({ id: 'old', validFrom: '2025-01-01', validTo: '2026-05-31' })]);
    const excluded = line({ billableSeconds: 0, amount: 0, contractId: null, rate: null, currency: null, excluded: { reason: 'noContract', detail: '' } });
    expect(summariseCustomerMonth([excluded], acme, none, '2026-06')).toMatchObject({
      contractId: null,
      contractName: null,
      currency: null,
      timeZone: 'Europe/Zurich',
      includedSeconds: 0,
      includedUsedSeconds: 0,
      includedRemainingSeconds: 0,
      overageSeconds: 0,
      excludedSeconds: HOUR,
    });
  });
});

describe('linesOfMonth', () => {
  it('keeps the lines whose local date lies in the month', () => {
    const lines = [line({ worklogId: 'a', date: '2026-05-31' }), line({ worklogId: 'b', date: '2026-06-01' }), line({ worklogId: 'c', date: '2026-06-30' }), line({ worklogId: 'd', date: '2026-07-01' })];
    expect(linesOfMonth(lines, '2026-06').map((l) => l.worklogId)).toEqual(['b', 'c']);
    expect(linesOfMonth([line({ date: '2026-10-01' })], '2026-1')).toEqual([]);
  });
});

describe('burnOf', () => {
  it('has a point for every day of the month, in order', () => {
    expect(burnOf([], '2026-06').map((p) => p.date)).toEqual(Array.from({ length: 30 }, (_, i) => `2026-06-${String(i + 1).padStart(2, '0')}`));
    expect(burnOf([], '2026-02')).toHaveLength(28);
    expect(burnOf([], '2028-02')).toHaveLength(29);
    expect(burnOf([], '2026-12').at(-1)).toEqual({ date: '2026-12-31', cumulativeSeconds: 0 });
  });

  it('accumulates billable seconds up to and including each day', () => {
    const lines = [
      line({ worklogId: '1', date: '2026-06-10', billableSeconds: 2 * HOUR }),
      line({ worklogId: '2', date: '2026-06-03', billableSeconds: HOUR }),
      line({ worklogId: '3', date: '2026-06-05', billableSeconds: 0, excluded: { reason: 'nonBillableType', detail: 'Internal' } }),
      line({ worklogId: '4', date: '2026-06-10', billableSeconds: 1800 }),
      line({ worklogId: '5', date: '2026-06-30', billableSeconds: 900 }),
    ];
    const burn = new Map(burnOf(lines, '2026-06').map((p) => [p.date, p.cumulativeSeconds]));
    expect(burn.get('2026-06-01')).toBe(0);
    expect(burn.get('2026-06-02')).toBe(0);
    expect(burn.get('2026-06-03')).toBe(HOUR);
    expect(burn.get('2026-06-05')).toBe(HOUR);
    expect(burn.get('2026-06-09')).toBe(HOUR);
    expect(burn.get('2026-06-10')).toBe(3 * HOUR + 1800);
    expect(burn.get('2026-06-29')).toBe(3 * HOUR + 1800);
    expect(burn.get('2026-06-30')).toBe(3 * HOUR + 2700);
  });

  it('ends on the last day at the month summary billable seconds', () => {
    const t = terms([contract()]);
    const lines = [
      billWorklog(worklog('2026-06-01T00:10:00+02:00', 1234, { id: '1' }), issue(), issues, t),
      billWorklog(worklog('2026-06-30T23:50:00+02:00', 4321, { id: '2' }), issue(), issues, t),
      billWorklog(worklog('2026-07-01T00:10:00+02:00', 999, { id: '3' }), issue(), issues, t),
    ];
    const june = linesOfMonth(lines, '2026-06');
    expect(burnOf(june, '2026-06').at(-1)).toEqual({ date: '2026-06-30', cumulativeSeconds: 5555 });
    expect(burnOf(lines, '2026-06').at(-1)).toEqual({ date: '2026-06-30', cumulativeSeconds: 5555 });
    expect(summariseCustomerMonth(june, acme, t, '2026-06').billableSeconds).toBe(5555);
  });

  it('counts the 25-hour day of 25 October 2026 in Zurich as one point', () => {
    const t = terms([contract()]);
    const lines = ['2026-10-24T22:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T22:59:00Z'].map((at, i) =>
      billWorklog(worklog(at, 600, { id: String(i) }), issue(), issues, t),
    );
    const burn = burnOf(lines, '2026-10');
    expect(burn).toHaveLength(31);
    expect(burn.filter((p) => p.date === '2026-10-25')).toEqual([{ date: '2026-10-25', cumulativeSeconds: 2400 }]);
    expect(burn.find((p) => p.date === '2026-10-24')?.cumulativeSeconds).toBe(0);
    expect(burn.find((p) => p.date === '2026-10-26')?.cumulativeSeconds).toBe(2400);
  });

  it('counts the 23-hour day of 29 March 2026 in Zurich as one point', () => {
    const t = terms([contract()]);
    const lines = ['2026-03-28T23:00:00Z', '2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-03-29T21:59:00Z'].map((at, i) =>
      billWorklog(worklog(at, 600, { id: String(i) }), issue(), issues, t),
    );
    const burn = burnOf(lines, '2026-03');
    expect(burn).toHaveLength(31);
    expect(burn.find((p) => p.date === '2026-03-28')?.cumulativeSeconds).toBe(0);
    expect(burn.find((p) => p.date === '2026-03-29')?.cumulativeSeconds).toBe(2400);
    expect(burn.find((p) => p.date === '2026-03-30')?.cumulativeSeconds).toBe(2400);
  });

  it('refuses a malformed month', () => {
    expect(() => burnOf([], '2026-13')).toThrow(RangeError);
    expect(() => burnOf([], '2026-6')).toThrow(RangeError);
  });
});
