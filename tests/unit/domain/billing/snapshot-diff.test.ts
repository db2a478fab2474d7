// Worklogs changed after a month was closed: added, removed and changed, ordered by issue key then worklog id.
import { diffSnapshot } from '../../../../src/domain/billing';
import { HOUR, line } from './fixtures';

describe('diffSnapshot', () => {
  const closed = [
    line({ worklogId: '1', issueKey: 'ACME-2' }),
    line({ worklogId: '2', issueKey: 'ACME-10' }),
    line({ worklogId: '3', issueKey: 'ACME-2' }),
    line({ worklogId: '4', issueKey: 'ACME-1' }),
    line({ worklogId: '5', issueKey: 'ACME-1' }),
    line({ worklogId: '6', issueKey: 'ACME-1' }),
    line({ worklogId: '10', issueKey: 'ACME-2' }),
  ];

  it('names nothing when nothing changed', () => {
    expect(diffSnapshot(closed, [...closed].reverse())).toEqual([]);
    expect(diffSnapshot([], [])).toEqual([]);
  });

  it('finds added, removed and changed worklogs, by issue key then worklog id', () => {
    const current = [
      line({ worklogId: '1', issueKey: 'ACME-2' }), // unchanged
      line({ worklogId: '2', issueKey: 'ACME-10', rawSeconds: 2 * HOUR, roundedSeconds: 2 * HOUR, billableSeconds: 2 * HOUR }), // longer
      // 3 removed
      line({ worklogId: '4', issueKey: 'ACME-1', started: closed[3]!.started + 86_400_000 }), // moved a day
      line({ worklogId: '5', issueKey: 'ACME-1', billableSeconds: 0, amount: 0, excluded: { reason: 'nonBillableLabel', detail: 'internal' } }), // now internal
      line({ worklogId: '6', issueKey: 'ACME-7', issueId: '10007' }), // moved to another issue
      line({ worklogId: '9', issueKey: 'ACME-2', rawSeconds: 600 }), // added
      line({ worklogId: '10', issueKey: 'ACME-2', issueSummary: 'Renamed', authorName: 'Anna M.', amount: 1 }), // other fields do not count
    ];
    expect(diffSnapshot(closed, current)).toEqual([
      { worklogId: '4', issueKey: 'ACME-1', kind: 'changed', closedSeconds: HOUR, currentSeconds: HOUR },
      { worklogId: '5', issueKey: 'ACME-1', kind: 'changed', closedSeconds: HOUR, currentSeconds: HOUR },
      { worklogId: '3', issueKey: 'ACME-2', kind: 'removed', closedSeconds: HOUR, currentSeconds: null },
      { worklogId: '9', issueKey: 'ACME-2', kind: 'added', closedSeconds: null, currentSeconds: 600 },
      { worklogId: '6', issueKey: 'ACME-7', kind: 'changed', closedSeconds: HOUR, currentSeconds: HOUR },
      { worklogId: '2', issueKey: 'ACME-10', kind: 'changed', closedSeconds: HOUR, currentSeconds: 2 * HOUR },
    ]);
  });

  it('lists every worklog of a month first reported after closing as added, and all as removed when none remain', () => {
    expect(diffSnapshot([], closed).every((c) => c.kind === 'added' && c.closedSeconds === null)).toBe(true);
    expect(diffSnapshot(closed, []).map((c) => [c.issueKey, c.worklogId, c.kind])).toEqual([
      ['ACME-1', '4', 'removed'],
      ['ACME-1', '5', 'removed'],
      ['ACME-1', '6', 'removed'],
      ['ACME-2', '1', 'removed'],
      ['ACME-2', '3', 'removed'],
      ['ACME-2', '10', 'removed'],
      ['ACME-10', '2', 'removed'],
    ]);
  });
});
