// Where a customer's billed hours come from: issue > person > day, each level opened on demand (a button per row
// that says whether it is open), with the total at the foot. Excluded worklogs bill nothing and are listed apart.
// Issue keys open the issue in Jira.
import Button, { IconButton } from '@atlaskit/button/new';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import { Inline } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { BillingIssue } from '@contract/billing';
import { Fragment, useState, type ReactNode } from 'react';
import { useT } from '../shared/texts';
import { formatHours, formatMoney } from './billing-format';
import { useViewer } from './billing-context';
import { IssueLink } from './IssueLink';
import { Cell, Clamp, FootCell, subtleText, TableFrame, TableHead } from './Table';

/** A calendar day with its weekday: "Mon, Mar 2" / "Mo., 2. März". */
export function formatDay(isoDate: string, locale: string): string {
  const at = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(at)) return isoDate;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(at));
}

const INDENT = ['space.0', 'space.300', 'space.600'] as const;

function Toggle({ open, label, onToggle, testId }: { open: boolean; label: string; onToggle: () => void; testId: string }) {
  return <IconButton icon={open ? ChevronDownIcon : ChevronRightIcon} label={label} aria-expanded={open} spacing="compact" appearance="subtle" onClick={onToggle} testId={testId} />;
}

function NameCell({ level, children }: { level: 0 | 1 | 2; children: ReactNode }) {
  return (
    <Cell header style={{ paddingInlineStart: `calc(${token('space.150')} + ${token(INDENT[level])})` }}>
      <Inline space="space.050" alignBlock="center">
        {children}
      </Inline>
    </Cell>
  );
}

export function DrillDown({ issues, currency, customerName }: { issues: readonly BillingIssue[]; currency: string | null; customerName: string }) {
  const t = useT();
  const { locale } = useViewer();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const everything = issues.flatMap((i) => [i.issueId, ...i.people.map((p) => `${i.issueId}/${p.accountId}`)]);
  const allOpen = everything.length > 0 && everything.every((id) => open.has(id));
  const hours = (seconds: number) => formatHours(seconds, locale);
  const total = issues.reduce((sum, i) => ({ rawSeconds: sum.rawSeconds + i.rawSeconds, billableSeconds: sum.billableSeconds + i.billableSeconds, amount: sum.amount + i.amount }), {
    rawSeconds: 0,
    billableSeconds: 0,
    amount: 0,
  });
  const money = (minor: number) => (currency ? formatMoney(minor, currency, locale) : '');
  const figures = (raw: number, billable: number, amount: number, id: string) => (
    <>
      <Cell numeric testId={`${id}-hours`}>
        {hours(raw)}
      </Cell>
      <Cell numeric testId={`${id}-billable`}>
        {hours(billable)}
      </Cell>
      {currency ? (
        <Cell numeric testId={`${id}-amount`}>
          {money(amount)}
        </Cell>
      ) : null}
    </>
  );

  return (
    <>
      <Inline alignInline="end">
        <Button appearance="subtle" spacing="compact" onClick={() => setOpen(allOpen ? new Set() : new Set(everything))} testId="billing-drill-toggle-all">
          {allOpen ? t('billing.drill.collapseAll') : t('billing.drill.expandAll')}
        </Button>
      </Inline>
      <TableFrame label={t('billing.drill.label', { customer: customerName })} testId="billing-drill">
        <TableHead
          columns={[
            { label: t('billing.drill.item'), minWidth: '16rem' },
            { label: t('billing.columns.hours'), numeric: true },
            { label: t('billing.columns.billable'), numeric: true },
            ...(currency ? [{ label: t('billing.columns.amount'), numeric: true }] : []),
          ]}
        />
        <tbody>
          {issues.map((issue) => {
            const issueOpen = open.has(issue.issueId);
            const id = `billing-issue-${issue.issueKey}`;
            return (
              <Fragment key={issue.issueId}>
                <tr data-testid={id}>
                  <NameCell level={0}>
                    <Toggle open={issueOpen} label={t('billing.drill.toggleIssue', { key: issue.issueKey })} onToggle={() => toggle(issue.issueId)} testId={`${id}-toggle`} />
                    <IssueLink issueKey={issue.issueKey} testId={`${id}-link`} />
                    <span style={{ minWidth: 0, flex: '1 1 auto' }}>
                      <Clamp text={issue.summary} lines={1} />
                    </span>
                  </NameCell>
                  {figures(issue.rawSeconds, issue.billableSeconds, issue.amount, id)}
                </tr>
                {issueOpen
                  ? issue.people.map((person) => {
                      const personKey = `${issue.issueId}/${person.accountId}`;
                      const personOpen = open.has(personKey);
                      const pid = `${id}-person-${person.accountId}`;
                      return (
                        <Fragment key={personKey}>
                          <tr data-testid={pid}>
                            <NameCell level={1}>
                              <Toggle open={personOpen} label={t('billing.drill.togglePerson', { name: person.name, key: issue.issueKey })} onToggle={() => toggle(personKey)} testId={`${pid}-toggle`} />
                              <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{person.name}</span>
                            </NameCell>
                            {figures(person.rawSeconds, person.billableSeconds, person.amount, pid)}
                          </tr>
                          {personOpen
                            ? person.days.map((day) => (
                                <tr key={day.date} data-testid={`${pid}-day-${day.date}`}>
                                  <NameCell level={2}>
                                    <span style={subtleText}>{formatDay(day.date, locale)}</span>
                                  </NameCell>
                                  {figures(day.rawSeconds, day.billableSeconds, day.amount, `${pid}-day-${day.date}`)}
                                </tr>
                              ))
                            : null}
                        </Fragment>
                      );
                    })
                  : null}
              </Fragment>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="billing-drill-total">
            <FootCell header first>
              {t('billing.drill.total')}
            </FootCell>
            <FootCell first numeric testId="billing-drill-total-hours">
              {hours(total.rawSeconds)}
            </FootCell>
            <FootCell first numeric testId="billing-drill-total-billable">
              {hours(total.billableSeconds)}
            </FootCell>
            {currency ? (
              <FootCell first numeric testId="billing-drill-total-amount">
                {money(total.amount)}
              </FootCell>
            ) : null}
          </tr>
        </tfoot>
      </TableFrame>
    </>
  );
}
