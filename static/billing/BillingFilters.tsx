// The month (previous / next, or any of the last three years) and the customer (all, or one) of the billing page.
// Each change is a new URL (see useBillingLocation), so the view can be shared.
import { IconButton } from '@atlaskit/button/new';
import ChevronLeftIcon from '@atlaskit/icon/core/chevron-left';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import { Box, Inline, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { useT } from '../shared/texts';
import { formatMonth } from '../shared/locale';
import { addMonths, monthChoices } from './billing-format';
import { useViewer } from './billing-context';

interface Option {
  label: string;
  value: string;
}

/** How many months back the picker offers (older ones still open from a link). */
const MONTHS_OFFERED = 36;

const monthBox = xcss({ width: '11rem', flexShrink: 0 });
const customerBox = xcss({ width: '16rem', maxWidth: '100%', flexShrink: 1, minWidth: '10rem' });

export function MonthPicker({ month, latest, onChange }: { month: string; latest: string; onChange: (month: string) => void }) {
  const t = useT();
  const { locale } = useViewer();
  const months = monthChoices(latest, MONTHS_OFFERED);
  if (!months.includes(month)) months.push(month);
  const options = months.map((value) => ({ value, label: formatMonth(value, locale) }));
  return (
    <Inline space="space.050" alignBlock="center" role="group" aria-label={t('billing.month.label')} testId="billing-month-picker">
      <IconButton icon={ChevronLeftIcon} label={t('billing.month.previous')} spacing="compact" onClick={() => onChange(addMonths(month, -1))} testId="billing-month-prev" />
      <Box xcss={monthBox}>
        <Select<Option>
          inputId="billing-month"
          testId="billing-month"
          aria-label={t('billing.month.label')}
          options={options}
          value={options.find((o) => o.value === month) ?? null}
          onChange={(o) => {
            if (o) onChange((o as Option).value);
          }}
          spacing="compact"
          menuPlacement="auto"
        />
      </Box>
      <IconButton
        icon={ChevronRightIcon}
        label={t('billing.month.next')}
        spacing="compact"
        isDisabled={month >= latest}
        onClick={() => onChange(addMonths(month, 1))}
        testId="billing-month-next"
      />
    </Inline>
  );
}

export function CustomerPicker({ value, options, onChange }: { value: string | null; options: Option[]; onChange: (customerKey: string | null) => void }) {
  const t = useT();
  // A customer from a shared link that this month does not list is still shown as chosen.
  const all = value && !options.some((o) => o.value === value) ? [...options, { label: value, value }] : options;
  return (
    <Box xcss={customerBox}>
      <Select<Option>
        inputId="billing-customer"
        testId="billing-customer"
        aria-label={t('billing.customer.label')}
        placeholder={t('billing.customer.all')}
        options={all}
        value={all.find((o) => o.value === value) ?? null}
        onChange={(o) => onChange(o ? (o as Option).value : null)}
        isClearable
        spacing="compact"
        menuPlacement="auto"
      />
    </Box>
  );
}
