// The month at a glance: a row per customer (hours, billable hours, amount, included hours used and left,
// overage, excluded hours, hours the app cannot read, changes after closing, closed or open), "No customer" for
// hours outside any customer, and the totals per currency. A customer's name opens their month.
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { NO_CUSTOMER, type BillingOverview, type CustomerMonthSummary } from '@contract/billing';
import { useMemo } from 'react';
import { formatInstant, formatMonth } from '../shared/locale';
import { useT } from '../shared/texts';
import { openSettings } from '../issue-panel/SlaSection';
import { formatCount, formatHours, formatMoney, totalsByCurrency, type CurrencyTotal } from './billing-format';
import { customerName } from './billing-texts';
import { useViewer } from './billing-context';
import { ExportActions } from './ExportActions';
import { Cell, Clamp, FootCell, Highlight, subtleText, TableFrame, TableHead, type ColumnHead } from './Table';

const nameButton = xcss({
  color: 'color.link',
  textAlign: 'start',
  backgroundColor: 'color.background.neutral.subtle',
  padding: 'space.0',
  maxWidth: '18rem',
  ':hover': { textDecoration: 'underline' },
});

/** Customers by name, "No customer" last. */
export function sortCustomers(customers: readonly CustomerMonthSummary[], locale: string): CustomerMonthSummary[] {
  return [...customers].sort((a, b) => {
    if (a.customerKey === NO_CUSTOMER) return 1;
    if (b.customerKey === NO_CUSTOMER) return -1;
    return a.customerName.localeCompare(b.customerName, locale);
  });
}

export function OverviewView({ overview, onOpen }: { overview: BillingOverview; onOpen: (customerKey: string) => void }) {
  const t = useT();
  const { locale, timeZone } = useViewer();
  const customers = useMemo(() => sortCustomers(overview.customers, locale), [overview.customers, locale]);
  const totals = useMemo(() => totalsByCurrency(overview.customers), [overview.customers]);
  const monthLabel = formatMonth(overview.month, locale);
  const real = customers.filter((c) => c.customerKey !== NO_CUSTOMER);
  const noContracts = real.every((c) => c.contractId === null);
  const noWorklogs = customers.every((c) => c.rawSeconds === 0 && c.notVisibleSeconds === 0);
  const notVisible = customers.reduce((n, c) => n + c.notVisibleSeconds, 0);
  const hours = (seconds: number) => formatHours(seconds, locale);

  const heading = (
    <Inline space="space.200" alignBlock="start" spread="space-between" shouldWrap>
      <Stack space="space.050">
        <Heading size="medium" as="h2" testId="billing-overview-title">
          {t('billing.overview.title', { month: monthLabel })}
        </Heading>
        <Text size="small" color="color.text.subtle">
          {t('billing.overview.intro')}
        </Text>
      </Stack>
      {customers.length > 0 ? <ExportActions target={{ month: overview.month }} /> : null}
    </Inline>
  );

  if (customers.length === 0) {
    return (
      <Stack space="space.200" testId="billing-overview">
        {heading}
        <Box testId="billing-empty-customers">
          <EmptyState
            header={t('billing.empty.customers.title', { month: monthLabel })}
            description={t('billing.empty.customers.text')}
            headingLevel={3}
            primaryAction={
              <Button appearance="primary" onClick={openSettings} testId="billing-empty-customers-settings">
                {t('billing.empty.openSettings')}
              </Button>
            }
          />
        </Box>
      </Stack>
    );
  }

  const columns: ColumnHead[] = [
    { label: t('billing.columns.customer'), width: '18rem', minWidth: '12rem' },
    { label: t('billing.columns.hours'), numeric: true },
    { label: t('billing.columns.billable'), numeric: true },
    { label: t('billing.columns.amount'), numeric: true },
    { label: t('billing.columns.included'), numeric: true, minWidth: '6.5rem' },
    { label: t('billing.columns.overage'), numeric: true },
    { label: t('billing.columns.excluded'), numeric: true },
    { label: t('billing.columns.notVisible'), numeric: true, title: t('billing.notVisible.short'), minWidth: '7.5rem' },
    { label: t('billing.columns.changedAfterClose'), numeric: true, minWidth: '7.5rem' },
    { label: t('billing.columns.status') },
  ];

  return (
    <Stack space="space.200" testId="billing-overview">
      {heading}
      {noContracts ? (
        <SectionMessage
          appearance="information"
          title={t('billing.empty.contracts.title')}
          testId="billing-empty-contracts"
          actions={[
            <SectionMessageAction key="settings" onClick={openSettings} testId="billing-empty-contracts-settings">
              {t('billing.empty.openSettings')}
            </SectionMessageAction>,
          ]}
        >
          <Text>{t('billing.empty.contracts.text')}</Text>
        </SectionMessage>
      ) : null}
      {noWorklogs ? (
        <SectionMessage appearance="information" title={t('billing.empty.worklogs.title', { month: monthLabel })} testId="billing-empty-worklogs">
          <Text>
            {overview.sync.coveredUntil
              ? t('billing.empty.worklogs.text', { time: formatInstant(overview.sync.coveredUntil, locale, timeZone) })
              : t('billing.empty.worklogs.notSynced')}
          </Text>
        </SectionMessage>
      ) : null}
      {notVisible > 0 ? (
        <SectionMessage appearance="warning" title={t('billing.notVisible.overviewTitle', { hours: hours(notVisible) })} testId="billing-not-visible-notice">
          <Text>{t('billing.notVisible.explain')}</Text>
        </SectionMessage>
      ) : null}
      <TableFrame label={t('billing.overview.tableLabel', { month: monthLabel })} testId="billing-overview-table">
        <TableHead columns={columns} />
        <tbody>
          {customers.map((c) => (
            <CustomerRow key={c.customerKey} summary={c} onOpen={onOpen} />
          ))}
        </tbody>
        <tfoot>
          {totals.map((total, index) => (
            <TotalRow key={total.currency ?? 'none'} total={total} first={index === 0} />
          ))}
          {totals.length > 1 ? <AllRow totals={totals} /> : null}
        </tfoot>
      </TableFrame>
    </Stack>
  );
}

function CustomerRow({ summary: c, onOpen }: { summary: CustomerMonthSummary; onOpen: (customerKey: string) => void }) {
  const t = useT();
  const { locale, timeZone } = useViewer();
  const id = `billing-row-${c.customerKey}`;
  const name = customerName(c, t);
  const hours = (seconds: number) => formatHours(seconds, locale);
  const none = <span style={subtleText}>{t('billing.none')}</span>;
  return (
    <tr data-testid={id}>
      <Cell header>
        <Stack space="space.025">
          <Pressable xcss={nameButton} onClick={() => onOpen(c.customerKey)} testId={`${id}-open`} aria-label={t('billing.overview.open', { customer: name })}>
            <Clamp text={name} strong testId={`${id}-name`} />
          </Pressable>
          <span style={subtleText} data-testid={`${id}-contract`}>
            {c.contractName ? (
              <Clamp text={c.contractName} lines={1} small />
            ) : c.customerKey === NO_CUSTOMER ? (
              t('billing.overview.noCustomerNote')
            ) : (
              t('billing.noContract')
            )}
          </span>
        </Stack>
      </Cell>
      <Cell numeric testId={`${id}-hours`}>
        {hours(c.rawSeconds)}
      </Cell>
      <Cell numeric testId={`${id}-billable`}>
        {hours(c.billableSeconds)}
      </Cell>
      <Cell numeric testId={`${id}-amount`}>
        {c.currency ? formatMoney(c.amount, c.currency, locale) : none}
      </Cell>
      <Cell numeric testId={`${id}-included`}>
        {c.includedSeconds > 0 ? (
          <Stack space="space.0">
            <span title={t('billing.included.usedOf', { used: hours(c.includedUsedSeconds), included: hours(c.includedSeconds) })}>{hours(c.includedUsedSeconds)}</span>
            <span style={subtleText}>{t('billing.included.left', { hours: hours(c.includedRemainingSeconds) })}</span>
          </Stack>
        ) : (
          none
        )}
      </Cell>
      <Cell numeric testId={`${id}-overage`}>
        {c.overageSeconds > 0 ? <Highlight title={t('billing.overage.explain')}>{hours(c.overageSeconds)}</Highlight> : hours(0)}
      </Cell>
      <Cell numeric testId={`${id}-excluded`}>
        {hours(c.excludedSeconds)}
      </Cell>
      <Cell numeric testId={`${id}-not-visible`}>
        {c.notVisibleSeconds > 0 ? <Highlight title={t('billing.notVisible.short')}>{hours(c.notVisibleSeconds)}</Highlight> : hours(0)}
      </Cell>
      <Cell numeric testId={`${id}-changed`}>
        {c.changedAfterClose > 0 ? <Highlight title={t('billing.changed.short')}>{formatCount(c.changedAfterClose, locale)}</Highlight> : formatCount(0, locale)}
      </Cell>
      <Cell testId={`${id}-status`}>
        {c.customerKey === NO_CUSTOMER ? (
          none
        ) : c.closure ? (
          <span title={t('billing.status.closedBy', { name: c.closure.closedBy.displayName, time: formatInstant(c.closure.closedAt, locale, timeZone) })}>
            <Lozenge appearance="success">{t('billing.status.closed')}</Lozenge>
          </span>
        ) : (
          <Lozenge>{t('billing.status.open')}</Lozenge>
        )}
      </Cell>
    </tr>
  );
}

function TotalRow({ total, first }: { total: CurrencyTotal; first: boolean }) {
  const t = useT();
  const { locale } = useViewer();
  const id = `billing-total-${total.currency ?? 'none'}`;
  const hours = (seconds: number) => formatHours(seconds, locale);
  return (
    <tr data-testid={id}>
      <FootCell header first={first}>
        {total.currency ? t('billing.totals.currency', { currency: total.currency }) : t('billing.totals.noCurrency')}
      </FootCell>
      <FootCell first={first} numeric testId={`${id}-hours`}>
        {hours(total.rawSeconds)}
      </FootCell>
      <FootCell first={first} numeric testId={`${id}-billable`}>
        {hours(total.billableSeconds)}
      </FootCell>
      <FootCell first={first} numeric testId={`${id}-amount`}>
        {total.currency ? formatMoney(total.amount, total.currency, locale) : t('billing.none')}
      </FootCell>
      <FootCell first={first} />
      <FootCell first={first} numeric>{hours(total.overageSeconds)}</FootCell>
      <FootCell first={first} numeric>{hours(total.excludedSeconds)}</FootCell>
      <FootCell first={first} numeric>{hours(total.notVisibleSeconds)}</FootCell>
      <FootCell first={first} colSpan={2} />
    </tr>
  );
}

/** Hours over every currency (amounts are never added across currencies). */
function AllRow({ totals }: { totals: CurrencyTotal[] }) {
  const t = useT();
  const { locale } = useViewer();
  const sum = (pick: (x: CurrencyTotal) => number) => formatHours(totals.reduce((n, x) => n + pick(x), 0), locale);
  return (
    <tr data-testid="billing-total-all">
      <FootCell header>
        {t('billing.totals.all')}
      </FootCell>
      <FootCell numeric testId="billing-total-all-hours">
        {sum((x) => x.rawSeconds)}
      </FootCell>
      <FootCell numeric testId="billing-total-all-billable">
        {sum((x) => x.billableSeconds)}
      </FootCell>
      <FootCell />
      <FootCell />
      <FootCell numeric>{sum((x) => x.overageSeconds)}</FootCell>
      <FootCell numeric>{sum((x) => x.excludedSeconds)}</FootCell>
      <FootCell numeric>{sum((x) => x.notVisibleSeconds)}</FootCell>
      <FootCell colSpan={2} />
    </tr>
  );
}
