// Whose a worklog is: the customer (sub-tasks take their parent's) and the contract in force on its start date
// in the contract's own zone.
import { billWorklog, contractFor, customerOfIssue } from '../../../../src/domain/billing';
import { contract, issue, issuesById, terms, worklog } from './fixtures';

describe('customerOfIssue', () => {
  const parent = issue({ id: '100', key: 'ACME-100', customerKey: 'acme' });
  // Its own fields (a label, say) match another customer.
  const subTask = issue({ id: '101', key: 'ACME-101', issueType: 'Sub-task', parentId: '100', customerKey: 'globex' });

  it('gives a sub-task its parent customer even when its own fields match another customer', () => {
    expect(customerOfIssue(subTask, issuesById(parent, subTask))).toBe('acme');
  });

  it("falls back to the sub-task's own match when the parent is unknown", () => {
    expect(customerOfIssue(subTask, issuesById(subTask))).toBe('globex');
  });

  it("takes the parent's own match, not what its fields would inherit", () => {
    const grandParent = issue({ id: '99', key: 'ACME-99', customerKey: 'initech' });
    const child = issue({ id: '100', key: 'ACME-100', parentId: '99', customerKey: 'acme' });
    expect(customerOfIssue(subTask, issuesById(grandParent, child, subTask))).toBe('acme');
  });

  it("follows a known parent that matches no customer (the sub-task's own match does not count)", () => {
    const unmatched = issue({ id: '100', key: 'OPS-100', customerKey: null });
    expect(customerOfIssue(subTask, issuesById(unmatched, subTask))).toBeNull();
  });

  it('gives an issue without a parent its own match', () => {
    expect(customerOfIssue(issue({ customerKey: 'globex' }), new Map())).toBe('globex');
    expect(customerOfIssue(issue({ customerKey: null }), new Map())).toBeNull();
  });

  it("bills a sub-task's worklog to the parent's customer and contract, naming the parent", () => {
    const t = terms([contract(), contract({ id: 'globex-2026', customerKey: 'globex', timeZone: 'America/New_York' })]);
    const l = billWorklog(worklog('2026-06-03T08:00:00+02:00', 3600, { issueId: '101' }), subTask, issuesById(parent, subTask), t);
    expect(l).toMatchObject({ customerKey: 'acme', contractId: 'acme-2026', parentKey: 'ACME-100', issueKey: 'ACME-101', excluded: null });
    const orphan = billWorklog(worklog('2026-06-03T08:00:00+02:00', 3600, { issueId: '101' }), subTask, issuesById(subTask), t);
    expect(orphan).toMatchObject({ customerKey: 'globex', contractId: 'globex-2026', parentKey: null });
  });
});

describe('contractFor', () => {
  // 23:30 UTC on 31 October is 00:30 on 1 November in Zurich (CET, +01:00) and 19:30 on 31 October in New York (EDT, -04:00).
  const lateOnHalloween = Date.parse('2026-10-31T23:30:00Z');

  it('takes the November contract in Europe/Zurich and the October one in America/New_York', () => {
    const zurich = [
      contract({ id: 'acme-oct', validFrom: '2026-10-01', validTo: '2026-10-31' }),
      contract({ id: 'acme-nov', validFrom: '2026-11-01', validTo: null }),
    ];
    const newYork = [
      contract({ id: 'globex-oct', customerKey: 'globex', validFrom: '2026-10-01', validTo: '2026-10-31', timeZone: 'America/New_York' }),
      contract({ id: 'globex-nov', customerKey: 'globex', validFrom: '2026-11-01', validTo: null, timeZone: 'America/New_York' }),
    ];
    const t = terms([...zurich, ...newYork]);
    expect(contractFor(t, 'acme', lateOnHalloween)?.id).toBe('acme-nov');
    expect(contractFor(t, 'globex', lateOnHalloween)?.id).toBe('globex-oct');
    // An hour earlier (22:30 UTC = 23:30 in Zurich) it is still October in Zurich.
    expect(contractFor(t, 'acme', lateOnHalloween - 3_600_000)?.id).toBe('acme-oct');
    // New York reaches November at 04:00 UTC (midnight EDT).
    expect(contractFor(t, 'globex', Date.parse('2026-11-01T03:59:59Z'))?.id).toBe('globex-oct');
    expect(contractFor(t, 'globex', Date.parse('2026-11-01T04:00:00Z'))?.id).toBe('globex-nov');
  });

  it("reads the date in each contract's own zone, not the customer's", () => {
    // The customer is in Zurich, but this contract's calendar is New York's.
    const t = terms([
      contract({ id: 'oct-ny', validFrom: '2026-10-01', validTo: '2026-10-31', timeZone: 'America/New_York' }),
      contract({ id: 'nov-zh', validFrom: '2026-11-01', validTo: null, timeZone: 'Europe/Zurich' }),
    ]);
    // Both are in force at that instant (31 Oct in New York, 1 Nov in Zurich): the one that started last wins.
    expect(contractFor(t, 'acme', lateOnHalloween)?.id).toBe('nov-zh');
  });

  it('returns null outside every period and for another customer', () => {
    const t = terms([contract({ validFrom: '2026-03-01', validTo: '2026-03-31' })]);
    expect(contractFor(t, 'acme', Date.parse('2026-02-28T22:59:59Z'))).toBeNull(); // 23:59:59 on 28 Feb in Zurich
    expect(contractFor(t, 'acme', Date.parse('2026-02-28T23:00:00Z'))?.id).toBe('acme-2026'); // 00:00 on 1 March
    expect(contractFor(t, 'acme', Date.parse('2026-03-31T21:59:59Z'))?.id).toBe('acme-2026'); // 23:59:59 CEST
    expect(contractFor(t, 'acme', Date.parse('2026-03-31T22:00:00Z'))).toBeNull(); // 00:00 on 1 April
    expect(contractFor(t, 'globex', Date.parse('2026-03-15T12:00:00Z'))).toBeNull();
  });

  it('prefers the contract that started last when periods overlap', () => {
    const t = terms([contract({ id: 'frame', validFrom: '2026-01-01' }), contract({ id: 'project', validFrom: '2026-06-01', validTo: '2026-06-30' })]);
    expect(contractFor(t, 'acme', Date.parse('2026-06-15T12:00:00Z'))?.id).toBe('project');
    expect(contractFor(t, 'acme', Date.parse('2026-07-01T12:00:00Z'))?.id).toBe('frame');
  });
});
