// One worklog as an invoice line: rates by date in the contract's zone, rounding, non-billable rules, and lines
// that bill nothing but are kept with their reason.
import { billWorklog } from '../../../../src/domain/billing';
import { contract, issue, issuesById, terms, worklog } from './fixtures';

const issues = issuesById(issue());

describe('billWorklog rates by date', () => {
  // The card changes on 15 June (Zurich): 150.00 CHF/h before, 180.00 after; consulting has its own rate.
  const t = terms([
    contract({
      rateCards: [
        { validFrom: '2026-06-15', defaultRate: 18_000, workTypeRates: [{ workType: 'Consulting', rate: 22_000 }] },
        { validFrom: '2026-02-01', defaultRate: 15_000, workTypeRates: [{ workType: 'Consulting', rate: 20_000 }] },
      ],
    }),
  ]);

  it("takes the card in force on the worklog's date in the contract's zone", () => {
    const on14th = billWorklog(worklog('2026-06-14T23:30:00+02:00', 3600), issue(), issues, t);
    expect(on14th).toMatchObject({ date: '2026-06-14', rate: 15_000, amount: 15_000, currency: 'CHF', timeZone: 'Europe/Zurich' });
    // 22:30 UTC on the 14th is 00:30 on the 15th in Zurich: the new card.
    const on15th = billWorklog(worklog('2026-06-14T22:30:00Z', 3600), issue(), issues, t);
    expect(on15th).toMatchObject({ date: '2026-06-15', rate: 18_000, amount: 18_000 });
  });

  it('takes the work-type rate of the issue type, else the default', () => {
    const consulting = issue({ issueType: 'Consulting' });
    expect(billWorklog(worklog('2026-06-10T10:00:00+02:00', 1800), consulting, issues, t)).toMatchObject({ rate: 20_000, amount: 10_000 });
    expect(billWorklog(worklog('2026-06-20T10:00:00+02:00', 1800), consulting, issues, t)).toMatchObject({ rate: 22_000, amount: 11_000 });
    expect(billWorklog(worklog('2026-06-20T10:00:00+02:00', 1800), issue({ issueType: 'Bug' }), issues, t)).toMatchObject({ rate: 18_000, amount: 9000 });
  });

  it('excludes a worklog dated before every card as noRateCard, keeping the contract and the raw time', () => {
    const l = billWorklog(worklog('2026-01-31T23:30:00+01:00', 3600), issue(), issues, t);
    expect(l).toMatchObject({
      date: '2026-01-31',
      contractId: 'acme-2026',
      rawSeconds: 3600,
      billableSeconds: 0,
      rate: null,
      amount: 0,
      currency: 'CHF',
      excluded: { reason: 'noRateCard', detail: '' },
    });
  });
});

describe('billWorklog rounding', () => {
  it("rounds per entry with the contract's rule and bills the rounded seconds, keeping the raw ones", () => {
    const t = terms([contract({ rounding: { mode: 'up', minutes: 15 } })]);
    const l = billWorklog(worklog('2026-06-03T08:00:00+02:00', 61), issue(), issues, t);
    expect(l).toMatchObject({ rawSeconds: 61, roundedSeconds: 900, billableSeconds: 900, rate: 15_000, amount: 3750 });
  });
});

describe('billWorklog non-billable rules', () => {
  const t = terms([contract({ rounding: { mode: 'nearest', minutes: 6 }, nonBillable: { labels: ['internal'], issueTypes: ['Internal Task'] } })]);

  it('excludes an issue with a non-billable label, naming it, keeping raw time and rate', () => {
    const l = billWorklog(worklog('2026-06-03T08:00:00+02:00', 1000), issue({ labels: ['vip', 'internal'] }), issues, t);
    expect(l).toMatchObject({
      rawSeconds: 1000,
      roundedSeconds: 1080,
      billableSeconds: 0,
      amount: 0,
      rate: 15_000,
      currency: 'CHF',
      contractId: 'acme-2026',
      excluded: { reason: 'nonBillableLabel', detail: 'internal' },
    });
  });

  it('excludes an issue of a non-billable type, naming it', () => {
    const l = billWorklog(worklog('2026-06-03T08:00:00+02:00', 1000), issue({ issueType: 'Internal Task' }), issues, t);
    expect(l).toMatchObject({ rawSeconds: 1000, billableSeconds: 0, amount: 0, rate: 15_000, excluded: { reason: 'nonBillableType', detail: 'Internal Task' } });
  });

  it('names the label when both rules match, and compares labels exactly', () => {
    const both = billWorklog(worklog('2026-06-03T08:00:00+02:00', 600), issue({ issueType: 'Internal Task', labels: ['internal'] }), issues, t);
    expect(both.excluded).toEqual({ reason: 'nonBillableLabel', detail: 'internal' });
    // Jira labels are case-sensitive: "Internal" is another label.
    const other = billWorklog(worklog('2026-06-03T08:00:00+02:00', 600), issue({ labels: ['Internal'] }), issues, t);
    expect(other).toMatchObject({ excluded: null, roundedSeconds: 720, billableSeconds: 720 });
  });

  it('compares issue types without regard to case or surrounding spaces', () => {
    const l = billWorklog(worklog('2026-06-03T08:00:00+02:00', 600), issue({ issueType: 'internal task' }), issues, t);
    expect(l.excluded).toEqual({ reason: 'nonBillableType', detail: 'internal task' });
  });
});

describe('billWorklog without customer or contract', () => {
  const t = terms([contract({ validFrom: '2026-06-01', validTo: '2026-06-30', rounding: { mode: 'up', minutes: 30 } })]);

  it('lists an issue that matches no customer as noCustomer, dated in UTC', () => {
    const l = billWorklog(worklog('2026-06-30T23:30:00Z', 125), issue({ customerKey: null }), issues, t);
    expect(l).toMatchObject({
      customerKey: null,
      contractId: null,
      timeZone: 'UTC',
      date: '2026-06-30',
      rawSeconds: 125,
      roundedSeconds: 125,
      billableSeconds: 0,
      rate: null,
      amount: 0,
      currency: null,
      excluded: { reason: 'noCustomer', detail: '' },
    });
  });

  it("lists a customer's worklog outside every contract as noContract, dated in the customer's zone", () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Zurich, after the contract's end.
    const l = billWorklog(worklog('2026-06-30T22:30:00Z', 125), issue(), issues, t);
    expect(l).toMatchObject({
      customerKey: 'acme',
      contractId: null,
      timeZone: 'Europe/Zurich',
      date: '2026-07-01',
      rawSeconds: 125,
      roundedSeconds: 125,
      billableSeconds: 0,
      rate: null,
      amount: 0,
      currency: null,
      excluded: { reason: 'noContract', detail: '' },
    });
  });

  it('dates a worklog of a customer unknown to the terms in UTC', () => {
    const l = billWorklog(worklog('2026-06-30T23:30:00Z', 60), issue({ customerKey: 'initech' }), issues, t);
    expect(l).toMatchObject({ customerKey: 'initech', timeZone: 'UTC', date: '2026-06-30', excluded: { reason: 'noContract', detail: '' } });
  });

  it('copies the worklog and issue facts onto the line', () => {
    const l = billWorklog(
      worklog('2026-06-10T09:00:00+02:00', 3600, { id: '777', authorAccountId: 'acc-ben', authorName: 'Ben Keller' }),
      issue({ id: '10001', key: 'ACME-1', summary: 'Mail server down' }),
      issues,
      t,
    );
    expect(l).toMatchObject({
      worklogId: '777',
      issueId: '10001',
      issueKey: 'ACME-1',
      issueSummary: 'Mail server down',
      issueType: 'Task',
      parentKey: null,
      authorAccountId: 'acc-ben',
      authorName: 'Ben Keller',
      started: Date.parse('2026-06-10T09:00:00+02:00'),
    });
  });
});

describe('billWorklog on daylight saving days in Europe/Zurich', () => {
  const t = terms([contract()]);
  const dateOf = (instant: string): string => billWorklog(worklog(instant, 60), issue(), issues, t).date;

  it('dates worklogs around midnight and the switch on 29 March 2026 (02:00 CET -> 03:00 CEST)', () => {
    expect(dateOf('2026-03-28T22:59:00Z')).toBe('2026-03-28'); // 23:59 CET
    expect(dateOf('2026-03-28T23:00:00Z')).toBe('2026-03-29'); // 00:00 CET
    expect(dateOf('2026-03-29T00:59:00Z')).toBe('2026-03-29'); // 01:59 CET, just before the switch
    expect(dateOf('2026-03-29T01:00:00Z')).toBe('2026-03-29'); // 03:00 CEST, just after
    expect(dateOf('2026-03-29T21:59:00Z')).toBe('2026-03-29'); // 23:59 CEST
    expect(dateOf('2026-03-29T22:00:00Z')).toBe('2026-03-30'); // 00:00 CEST on the 30th
  });

  it('dates worklogs around midnight and the switch on 25 October 2026 (03:00 CEST -> 02:00 CET)', () => {
    expect(dateOf('2026-10-24T21:59:00Z')).toBe('2026-10-24'); // 23:59 CEST
    expect(dateOf('2026-10-24T22:00:00Z')).toBe('2026-10-25'); // 00:00 CEST
    expect(dateOf('2026-10-25T00:30:00Z')).toBe('2026-10-25'); // 02:30 CEST, the first time
    expect(dateOf('2026-10-25T01:30:00Z')).toBe('2026-10-25'); // 02:30 CET, the second time
    expect(dateOf('2026-10-25T22:59:00Z')).toBe('2026-10-25'); // 23:59 CET
    expect(dateOf('2026-10-25T23:00:00Z')).toBe('2026-10-26'); // 00:00 CET on the 26th
  });
});
