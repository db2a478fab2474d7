// Billable hours: the month (the previous one unless the link says otherwise) and the customer in the page's URL;
// the month's overview per customer, or one customer's month with its drill-down; exports and closing. Only
// Jira administrators and the billing groups may see it: anyone else gets a page that says so.
import { LoadError } from '../shared/LoadError';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import VisuallyHidden from '@atlaskit/visually-hidden';
import { useMemo, useState } from 'react';
import { formatInstant, formatMonth } from '../shared/locale';
import { useT } from '../shared/texts';
import { defaultMonth, monthAt } from './billing-format';
import { customerName } from './billing-texts';
import { useViewer } from './billing-context';
import { CustomerPicker, MonthPicker } from './BillingFilters';
import { CustomerView } from './CustomerView';
import { OverviewView, sortCustomers } from './OverviewView';
import { useBillingLocation, type BillingHistory } from './useBillingLocation';
import { useResolverData } from './useResolverData';

const page = xcss({ maxWidth: '1440px', minWidth: '0', padding: 'space.200' });
const skeletonBar = xcss({ backgroundColor: 'color.skeleton', borderRadius: 'radius.small', height: '2rem', width: '100%' });
const skeletonTitle = xcss({ backgroundColor: 'color.skeleton', borderRadius: 'radius.small', height: '1.5rem', width: '40%' });

function Skeleton({ testId }: { testId: string }) {
  const t = useT();
  return (
    <Stack space="space.150" testId={testId} aria-busy="true">
      <VisuallyHidden>
        <Spinner label={t('common.loading')} />
      </VisuallyHidden>
      <Box xcss={skeletonTitle} />
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <Box key={i} xcss={skeletonBar} />
      ))}
    </Stack>
  );
}


function Forbidden() {
  const t = useT();
  return (
    <Box testId="billing-forbidden">
      <EmptyState header={t('billing.forbidden.title')} description={t('billing.forbidden.text')} headingLevel={2} />
    </Box>
  );
}

export function BillingPage({ history }: { history: BillingHistory | null }) {
  const t = useT();
  const viewer = useViewer();
  const { locale, timeZone } = viewer;
  const now = useMemo(() => Date.now(), []);
  const fallbackMonth = useMemo(() => defaultMonth(now, timeZone), [now, timeZone]);
  const latestMonth = useMemo(() => monthAt(now, timeZone), [now, timeZone]);
  const [location, navigate] = useBillingLocation(history, fallbackMonth);
  const { month, customerKey } = location;
  const [forbidden, setForbidden] = useState(false);

  const overviewRequest = useMemo(() => ({ month }), [month]);
  const customerRequest = useMemo(() => (customerKey ? { month, customerKey } : null), [month, customerKey]);
  const overview = useResolverData('billingOverview', overviewRequest);
  const customer = useResolverData('billingCustomerMonth', customerRequest);

  const overviewData = overview.state.kind === 'ready' ? overview.state.data : null;
  const options = useMemo(
    () => (overviewData ? sortCustomers(overviewData.customers, locale).map((c) => ({ value: c.customerKey, label: customerName(c, t) })) : []),
    [overviewData, locale, t],
  );
  const loading = (overview.state.kind === 'ready' && overview.state.loading) || (customer.state.kind === 'ready' && customer.state.loading);

  const isForbidden =
    forbidden ||
    (overview.state.kind === 'failed' && overview.state.error.code === 'FORBIDDEN') ||
    (customer.state.kind === 'failed' && customer.state.error.code === 'FORBIDDEN');
  if (isForbidden) {
    return (
      <Box xcss={page} testId="billing" data-state="forbidden">
        <Forbidden />
      </Box>
    );
  }

  const refresh = () => {
    overview.reload();
    if (customerKey) customer.reload();
  };
  const sync = overviewData?.sync ?? null;
  // A large month's figures come from its background count: the page says when that ran.
  const figuresAt = (customerKey ? (customer.state.kind === 'ready' ? customer.state.data.figuresAt : null) : overviewData?.figuresAt) ?? null;
  const main = customerKey ? customer.state : overview.state;
  const state = main.kind === 'ready' ? (loading ? 'refreshing' : 'ready') : main.kind;

  return (
    <Box xcss={page} testId="billing" data-state={state} data-month={month} data-customer={customerKey ?? ''}>
      <Stack space="space.300">
        {/* The host shows the page's title above the app; the heading is for screen readers' outline. */}
        <VisuallyHidden>
          <h1>{t('billing.title')}</h1>
        </VisuallyHidden>
        <Inline space="space.200" alignBlock="center" spread="space-between" shouldWrap>
          <Inline space="space.150" alignBlock="center" shouldWrap role="group" aria-label={t('billing.filters.label')}>
            <MonthPicker month={month} latest={latestMonth} onChange={(next) => navigate({ month: next, customerKey })} />
            <CustomerPicker value={customerKey} options={options} onChange={(next) => navigate({ month, customerKey: next })} />
          </Inline>
          <Inline space="space.100" alignBlock="center">
            {loading ? <Spinner size="small" label={t('common.loading')} /> : null}
            {figuresAt ? (
              <Text size="small" color="color.text.subtle" testId="billing-figures-at">
                {t('billing.sync.figuresAt', { time: formatInstant(figuresAt, locale, timeZone) })}
              </Text>
            ) : null}
            {sync ? (
              <Text size="small" color="color.text.subtle" testId="billing-sync">
                {sync.coveredUntil ? t('billing.sync.coveredUntil', { time: formatInstant(sync.coveredUntil, locale, timeZone) }) : t('billing.sync.never')}
              </Text>
            ) : null}
            <Button appearance="subtle" iconBefore={RefreshIcon} onClick={refresh} testId="billing-refresh">
              {t('billing.refresh')}
            </Button>
          </Inline>
        </Inline>

        {customerKey ? (
          customer.state.kind === 'ready' ? (
            <CustomerView
              data={customer.state.data}
              onBack={() => navigate({ month, customerKey: null })}
              onChanged={refresh}
              onForbidden={() => setForbidden(true)}
            />
          ) : customer.state.kind === 'failed' ? (
            customer.state.error.code === 'NOT_FOUND' ? (
              <SectionMessage appearance="warning" title={t('billing.customer.notFound', { customer: customerKey, month: formatMonth(month, locale) })} testId="billing-customer-missing">
                <Button onClick={() => navigate({ month, customerKey: null })}>{t('billing.customer.back')}</Button>
              </SectionMessage>
            ) : (
              <LoadError error={customer.state.error} onRetry={customer.reload} testId="billing-error" titleKey="billing.loadError.title" />
            )
          ) : (
            <Skeleton testId="billing-loading" />
          )
        ) : overview.state.kind === 'ready' ? (
          <OverviewView overview={overview.state.data} onOpen={(key) => navigate({ month, customerKey: key })} />
        ) : overview.state.kind === 'failed' ? (
          <LoadError error={overview.state.error} onRetry={overview.reload} testId="billing-error" titleKey="billing.loadError.title" />
        ) : (
          <Skeleton testId="billing-loading" />
        )}
      </Stack>
    </Box>
  );
}
