// The drill-down tree: issue > person > day, each level the sum of its children, in the order people read it.
import type { BillingIssue } from '../../../../src/contract/billing';
import { drillDown } from '../../../../src/domain/billing';
import { HOUR, line } from './fixtures';

const on = (issueKey: string, author: string, date: string, billableSeconds: number, extra: Parameters<typeof line>[0] = {}) =>
  line({
    issueId: `id-${issueKey}`,
    issueKey,
    issueSummary: `Summary of ${issueKey}`,
    authorAccountId: `acc-${author}`,
    authorName: author,
    date,
    rawSeconds: billableSeconds - 60 > 0 ? billableSeconds - 60 : billableSeconds,
    roundedSeconds: billableSeconds,
    billableSeconds,
    amount: billableSeconds / 60,
    ...extra,
  });

function expectSums(tree: BillingIssue[]): void {
  for (const issue of tree) {
    for (const key of ['rawSeconds', 'billableSeconds', 'amount'] as const) {
      expect(issue[key]).toBe(issue.people.reduce((s, p) => s + p[key], 0));
      for (const person of issue.people) expect(person[key]).toBe(person.days.reduce((s, d) => s + d[key], 0));
    }
  }
}

describe('drillDown', () => {
  const lines = [
    on('PROJ-9', 'Ben', '2026-06-05', 2 * HOUR, { worklogId: '1' }),
    on('PROJ-10', 'Anna', '2026-06-04', 2 * HOUR, { worklogId: '2' }),
    on('PROJ-2', 'Carla', '2026-06-20', HOUR, { worklogId: '3' }),
    on('PROJ-2', 'Anna', '2026-06-12', HOUR, { worklogId: '4' }),
    on('PROJ-2', 'Anna', '2026-06-02', 1800, { worklogId: '5' }),
    on('PROJ-2', 'Anna', '2026-06-12', 1800, { worklogId: '6' }),
    on('PROJ-2', 'Ben', '2026-06-01', HOUR, { worklogId: '7' }),
    // Excluded: in neither the tree nor its sums.
    on('PROJ-2', 'Anna', '2026-06-13', 5 * HOUR, { worklogId: '8', billableSeconds: 0, amount: 0, excluded: { reason: 'nonBillableLabel', detail: 'internal' } }),
    on('PROJ-99', 'Dora', '2026-06-13', 0, { worklogId: '9', rawSeconds: HOUR, excluded: { reason: 'nonBillableType', detail: 'Internal' } }),
  ];
  const tree = drillDown(lines);

  it('orders issues by billable seconds, most first, then by key with numbers as numbers', () => {
    expect(tree.map((i) => [i.issueKey, i.billableSeconds])).toEqual([
      ['PROJ-2', 4 * HOUR],
      ['PROJ-9', 2 * HOUR],
      ['PROJ-10', 2 * HOUR],
    ]);
    expect(tree[0]).toMatchObject({ issueId: 'id-PROJ-2', summary: 'Summary of PROJ-2' });
  });

  it('orders people by billable seconds then name, and days ascending', () => {
    const proj2 = tree[0] as BillingIssue;
    expect(proj2.people.map((p) => [p.name, p.billableSeconds])).toEqual([
      ['Anna', 2 * HOUR],
      ['Ben', HOUR],
      ['Carla', HOUR],
    ]);
    expect(proj2.people[0]).toMatchObject({ accountId: 'acc-Anna' });
    expect(proj2.people[0]?.days).toEqual([
      { date: '2026-06-02', rawSeconds: 1740, billableSeconds: 1800, amount: 30 },
      { date: '2026-06-12', rawSeconds: HOUR - 60 + 1740, billableSeconds: HOUR + 1800, amount: 90 },
    ]);
  });

  it('sums raw, billable and amount at every level', () => {
    expectSums(tree);
    const proj2 = tree[0] as BillingIssue;
    expect(proj2).toMatchObject({ rawSeconds: (HOUR - 60) * 3 + 1740 * 2, billableSeconds: 4 * HOUR, amount: 240 });
    expect(tree.reduce((s, i) => s + i.amount, 0)).toBe(lines.reduce((s, l) => s + l.amount, 0));
  });

  it('leaves excluded lines out, and an issue with only excluded lines', () => {
    expect(tree.some((i) => i.issueKey === 'PROJ-99')).toBe(false);
    expect(tree[0]?.people[0]?.days.some((d) => d.date === '2026-06-13')).toBe(false);
  });

  it('gives an empty tree for no lines', () => {
    expect(drillDown([])).toEqual([]);
  });
});
