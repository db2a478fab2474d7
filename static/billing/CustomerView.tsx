// One customer's month: the figures, the budget burn, where the hours come from (issue > person > day), the
// lines not invoiced and why, the hours Jira counts that the app cannot read, the changes since the month was
// closed, and who closed and reopened it. Export, Close month and (Jira administrators) Reopen month.
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import ArrowLeftIcon from '@atlaskit/icon/core/arrow-left';
import LockLockedIcon from '@atlaskit/icon/core/lock-locked';
import LockUnlockedIcon from '@atlaskit/icon/core/lock-unlocked';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { NO_CUSTOMER, type BillingCustomerMonth, type ClosureEvent } from '@contract/billing';
import type { ReactNode } from 'react';
import { formatInstant, formatMonth } from '../shared/locale';
import { useT } from '../shared/texts';
import { formatCount, formatHours, formatMoney, monthAt } from './billing-format';
import { changeKindText, customerName, reasonText } from './billing-texts';
import { useViewer } from './billing-context';
import { BurnChart } from './BurnChart';
import { askClosure, flag } from './closure';
import { DrillDown, formatDay } from './DrillDown';
import { ExportActions } from './ExportActions';
import { IssueLink } from './IssueLink';
import { Cell, Clamp, Highlight, subtleText, TableFrame, TableHead } from './Table';

const nameBox = xcss({ minWidth: '0', overflowWrap: 'anywhere', maxWidth: '48rem' });
const tiles = xcss({ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))', gap: 'space.150' });
const tile = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.large',
  backgroundColor: 'elevation.surface',
  paddingBlock: 'space.150',
  paddingInline: 'space.200',
  minWidth: '0',
});
const warningTile = xcss({ borderColor: 'color.border.warning', backgroundColor: 'color.background.warning' });
const section = xcss({ minWidth: '0' });

function Tile({ label, value, note, testId, warning }: { label: string; value: string; note?: ReactNode; testId: string; warning?: boolean }) {
  return (
    <Box xcss={[tile, warning && warningTile]} testId={testId} data-warning={warning ? 'true' : 'false'}>
      <Stack space="space.050">
        <Text size="small" color={warning ? 'color.text.warning' : 'color.text.subtle'} weight="medium">
          {label}
        </Text>
        <Text size="large" weight="bold" color={warning ? 'color.text.warning' : 'color.text'} testId={`${testId}-value`}>
          {value}
        </Text>
        {note ? (
          <Text size="small" color="color.text.subtle">
            {note}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}

function Section({ title, testId, intro, children }: { title: string; testId: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Box as="section" xcss={section} testId={testId}>
      <Stack space="space.100">
        <Heading size="small" as="h3">
          {title}
        </Heading>
        {intro ? <Text color="color.text.subtle">{intro}</Text> : null}
        {children}
      </Stack>
    </Box>
  );
}

export interface CustomerViewProps {
  data: BillingCustomerMonth;
  onBack: () => void;
  /** After the month was closed or reopened: load it again. */
  onChanged: () => void;
  /** The server said the viewer may not (any more). */
  onForbidden: () => void;
}

export function CustomerView({ data, onBack, onChanged, onForbidden }: CustomerViewProps) {
  const t = useT();
  const { locale, timeZone } = useViewer();
  const s = data.summary;
  const name = customerName(s, t);
  const monthLabel = formatMonth(data.month, locale);
  const hours = (seconds: number) => t('billing.unit.hours', { hours: formatHours(seconds, locale) });
  const plainHours = (seconds: number) => formatHours(seconds, locale);
  const money = (minor: number) => (s.currency ? formatMoney(minor, s.currency, locale) : t('billing.none'));
  const isNone = s.customerKey === NO_CUSTOMER;
  const when = (iso: string) => formatInstant(iso, locale, timeZone);

  const closure = async (action: 'close' | 'reopen') => {
    const outcome = await askClosure(
      { action, month: data.month, customerKey: s.customerKey, customerName: name, monthLabel },
      t(action === 'close' ? 'billing.close.title' : 'billing.reopen.title', { month: monthLabel }),
    );
    if (outcome === 'forbidden') onForbidden();
    if (outcome === 'done') {
      flag('success', t(action === 'close' ? 'billing.close.done' : 'billing.reopen.done', { customer: name, month: monthLabel }));
      onChanged();
    }
  };

  // A month is invoiced once it has ended where the customer is (the server refuses earlier).
  const ended = monthAt(Date.now(), s.timeZone) > data.month;
  const closureButton = isNone ? null : s.closure ? (
    data.mayReopen ? (
      <Button iconBefore={LockUnlockedIcon} onClick={() => void closure('reopen')} testId="billing-reopen">
        {t('billing.reopen.button')}
      </Button>
    ) : null
  ) : ended ? (
    <Button appearance="primary" iconBefore={LockLockedIcon} onClick={() => void closure('close')} testId="billing-close">
      {t('billing.close.button')}
    </Button>
  ) : null;

  const noWork = data.issues.length === 0 && data.excludedCount === 0;

  return (
    <Box testId="billing-customer" data-customer={s.customerKey} data-closed={s.closure ? 'true' : 'false'}>
      <Stack space="space.300">
        <Stack space="space.100">
          <Inline>
            <Button appearance="subtle" iconBefore={ArrowLeftIcon} onClick={onBack} testId="billing-back">
              {t('billing.customer.back')}
            </Button>
          </Inline>
          <Inline space="space.200" alignBlock="start" spread="space-between" shouldWrap>
            <Stack space="space.050" xcss={nameBox}>
              <Inline space="space.100" alignBlock="center" shouldWrap>
                <Heading size="medium" as="h2" testId="billing-customer-name">
                  {name}
                </Heading>
                {isNone ? null : s.closure ? (
                  <Lozenge appearance="success" testId="billing-customer-status">
                    {t('billing.status.closed')}
                  </Lozenge>
                ) : (
                  <Lozenge testId="billing-customer-status">{t('billing.status.open')}</Lozenge>
                )}
              </Inline>
              <Text color="color.text.subtle" testId="billing-customer-contract">
                {isNone
                  ? t('billing.customer.noneIntro', { month: monthLabel })
                  : s.contractName
                    ? t('billing.customer.contract', { contract: s.contractName, month: monthLabel, zone: s.timeZone })
                    : t('billing.customer.noContract', { month: monthLabel })}
              </Text>
              {!isNone && !s.closure && !ended ? (
                <Text size="small" color="color.text.subtle" testId="billing-close-later">
                  {t('billing.close.notEnded')}
                </Text>
              ) : null}
            </Stack>
            <Inline space="space.100" alignBlock="start" shouldWrap>
              <ExportActions target={{ month: data.month, customerKey: s.customerKey }} />
              {closureButton}
            </Inline>
          </Inline>
        </Stack>

        {s.closure ? (
          <SectionMessage appearance="success" title={t('billing.closed.title', { month: monthLabel })} testId="billing-closed-note">
            <Stack space="space.050">
              <Text>
                {t('billing.closed.text', { name: s.closure.closedBy.displayName, time: when(s.closure.closedAt), count: formatCount(s.closure.lineCount, locale) })}
              </Text>
              {data.mayReopen ? null : <Text color="color.text.subtle">{t('billing.closed.onlyAdmins')}</Text>}
            </Stack>
          </SectionMessage>
        ) : null}

        {s.contractId === null && !isNone && s.rawSeconds > 0 ? (
          <SectionMessage appearance="warning" title={t('billing.customer.noContractTitle')} testId="billing-no-contract">
            <Text>{t('billing.customer.noContractText')}</Text>
          </SectionMessage>
        ) : null}

        <Box xcss={tiles} testId="billing-figures">
          <Tile label={t('billing.figures.hours')} value={hours(s.rawSeconds)} testId="billing-figure-hours" note={t('billing.figures.lines', { count: formatCount(s.lineCount, locale) })} />
          <Tile label={t('billing.figures.billable')} value={hours(s.billableSeconds)} testId="billing-figure-billable" />
          <Tile label={t('billing.figures.amount')} value={money(s.amount)} testId="billing-figure-amount" />
          {s.includedSeconds > 0 ? (
            <Tile
              label={t('billing.figures.included')}
              value={hours(s.includedUsedSeconds)}
              note={t('billing.included.ofLeft', { included: hours(s.includedSeconds), left: hours(s.includedRemainingSeconds) })}
              testId="billing-figure-included"
            />
          ) : null}
          {s.includedSeconds > 0 || s.overageSeconds > 0 ? (
            <Tile label={t('billing.figures.overage')} value={hours(s.overageSeconds)} warning={s.overageSeconds > 0} note={s.overageSeconds > 0 ? t('billing.overage.explain') : undefined} testId="billing-figure-overage" />
          ) : null}
          <Tile label={t('billing.figures.excluded')} value={hours(s.excludedSeconds)} testId="billing-figure-excluded" />
          {s.notVisibleSeconds > 0 ? (
            <Tile label={t('billing.figures.notVisible')} value={hours(s.notVisibleSeconds)} warning note={t('billing.notVisible.short')} testId="billing-figure-not-visible" />
          ) : null}
          {s.changedAfterClose > 0 ? (
            <Tile label={t('billing.figures.changed')} value={formatCount(s.changedAfterClose, locale)} warning note={t('billing.changed.short')} testId="billing-figure-changed" />
          ) : null}
        </Box>

        {noWork ? (
          <SectionMessage appearance="information" title={t('billing.empty.customerWorklogs.title', { customer: name, month: monthLabel })} testId="billing-empty-customer">
            <Text>{t('billing.empty.customerWorklogs.text')}</Text>
          </SectionMessage>
        ) : null}

        {isNone || noWork ? null : (
          <Section title={t('billing.burn.heading')} testId="billing-burn" intro={s.includedSeconds > 0 ? t('billing.burn.intro') : t('billing.burn.introNoIncluded')}>
            <BurnChart month={data.month} burn={data.burn} includedSeconds={s.includedSeconds} testId="billing-burn-chart" />
          </Section>
        )}

        {data.issues.length > 0 ? (
          <Section title={t('billing.drill.heading')} testId="billing-drill-section" intro={data.excludedCount > 0 ? t('billing.drill.introExcluded') : undefined}>
            <DrillDown issues={data.issues} currency={s.currency} customerName={name} />
          </Section>
        ) : null}

        {data.excludedCount > 0 ? (
          <Section title={t('billing.excluded.heading')} testId="billing-excluded" intro={t('billing.excluded.intro')}>
            <TableFrame label={t('billing.excluded.heading')}>
              <TableHead
                columns={[
                  { label: t('billing.excluded.issue'), width: '22rem', minWidth: '14rem' },
                  { label: t('billing.excluded.person') },
                  { label: t('billing.excluded.date') },
                  { label: t('billing.columns.hours'), numeric: true },
                  { label: t('billing.excluded.reason'), width: '22rem', minWidth: '12rem' },
                ]}
              />
              <tbody>
                {data.excluded.map((line) => (
                  <tr key={line.worklogId} data-testid={`billing-excluded-${line.worklogId}`}>
                    <Cell header>
                      <Inline space="space.100" alignBlock="baseline">
                        <IssueLink issueKey={line.issueKey} />
                        <span style={{ minWidth: 0 }}>
                          <Clamp text={line.issueSummary} lines={1} />
                        </span>
                      </Inline>
                    </Cell>
                    <Cell>{line.authorName}</Cell>
                    <Cell style={{ whiteSpace: 'nowrap' }}>{formatDay(line.date, locale)}</Cell>
                    <Cell numeric>{plainHours(line.rawSeconds)}</Cell>
                    <Cell testId={`billing-excluded-${line.worklogId}-reason`}>
                      {line.excluded ? (
                        <Stack space="space.025">
                          <span>{reasonText(line.excluded.reason, t)}</span>
                          {line.excluded.detail ? <span style={subtleText}>{line.excluded.detail}</span> : null}
                        </Stack>
                      ) : null}
                    </Cell>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
            {data.excludedCount > data.excluded.length ? (
              <Text size="small" color="color.text.subtle" testId="billing-excluded-more">
                {t('billing.excluded.more', { shown: formatCount(data.excluded.length, locale), total: formatCount(data.excludedCount, locale) })}
              </Text>
            ) : null}
          </Section>
        ) : null}

        {data.notVisible.length > 0 || s.notVisibleSeconds > 0 ? (
          <Section title={t('billing.notVisible.heading')} testId="billing-not-visible">
            <SectionMessage appearance="warning">
              <Text>{t('billing.notVisible.explain')}</Text>
            </SectionMessage>
            {data.notVisible.length > 0 ? (
              <TableFrame label={t('billing.notVisible.heading')}>
                <TableHead columns={[{ label: t('billing.excluded.issue') }, { label: t('billing.notVisible.seconds'), numeric: true }]} />
                <tbody>
                  {data.notVisible.map((issue) => (
                    <tr key={issue.issueKey} data-testid={`billing-not-visible-${issue.issueKey}`}>
                      <Cell header>
                        <Inline space="space.100" alignBlock="baseline">
                          <IssueLink issueKey={issue.issueKey} />
                          <span style={{ minWidth: 0 }}>
                            <Clamp text={issue.summary} lines={1} />
                          </span>
                        </Inline>
                      </Cell>
                      <Cell numeric>
                        <Highlight>{plainHours(issue.seconds)}</Highlight>
                      </Cell>
                    </tr>
                  ))}
                </tbody>
              </TableFrame>
            ) : null}
          </Section>
        ) : null}

        {data.changedAfterClose.length > 0 ? (
          <Section title={t('billing.changed.heading')} testId="billing-changed" intro={t('billing.changed.intro')}>
            <TableFrame label={t('billing.changed.heading')}>
              <TableHead
                columns={[
                  { label: t('billing.excluded.issue') },
                  { label: t('billing.changed.kind') },
                  { label: t('billing.changed.atClose'), numeric: true },
                  { label: t('billing.changed.now'), numeric: true },
                ]}
              />
              <tbody>
                {data.changedAfterClose.map((change) => (
                  <tr key={change.worklogId} data-testid={`billing-changed-${change.worklogId}`}>
                    <Cell header>
                      <IssueLink issueKey={change.issueKey} />
                    </Cell>
                    <Cell>
                      <Lozenge appearance={change.kind === 'added' ? 'new' : change.kind === 'removed' ? 'removed' : 'moved'}>{changeKindText(change.kind, t)}</Lozenge>
                    </Cell>
                    <Cell numeric>{change.closedSeconds === null ? t('billing.none') : plainHours(change.closedSeconds)}</Cell>
                    <Cell numeric>{change.currentSeconds === null ? t('billing.none') : plainHours(change.currentSeconds)}</Cell>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
          </Section>
        ) : null}

        {data.history.length > 0 ? (
          <Section title={t('billing.history.heading')} testId="billing-history">
            <Stack space="space.075" role="list">
              {[...data.history].reverse().map((event, index) => (
                <HistoryLine key={`${event.at}-${index}`} event={event} when={when(event.at)} />
              ))}
            </Stack>
          </Section>
        ) : null}
      </Stack>
    </Box>
  );
}

function HistoryLine({ event, when }: { event: ClosureEvent; when: string }) {
  const t = useT();
  return (
    <Box role="listitem" testId={`billing-history-${event.action}`}>
      <Inline space="space.100" alignBlock="baseline" shouldWrap>
        <Lozenge appearance={event.action === 'closed' ? 'success' : 'moved'}>{event.action === 'closed' ? t('billing.history.closed') : t('billing.history.reopened')}</Lozenge>
        <Text>{t('billing.history.by', { name: event.by.displayName, time: when })}</Text>
        {event.reason ? <Text color="color.text.subtle">{t('billing.history.reason', { reason: event.reason })}</Text> : null}
      </Inline>
    </Box>
  );
}
