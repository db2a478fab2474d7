// Texts chosen by a value (exclusion reasons, change kinds, customer names): each key written out, so the texts
// test finds every key the page asks for.
import type { ChangeAfterClose, CustomerMonthSummary, ExclusionReason } from '@contract/billing';
import { NO_CUSTOMER } from '@contract/billing';
import type { Translate } from '../shared/locale';

export function reasonText(reason: ExclusionReason, t: Translate): string {
  switch (reason) {
    case 'noCustomer':
      return t('billing.export.reason.noCustomer');
    case 'noContract':
      return t('billing.export.reason.noContract');
    case 'nonBillableLabel':
      return t('billing.export.reason.nonBillableLabel');
    case 'nonBillableType':
      return t('billing.export.reason.nonBillableType');
    case 'noRateCard':
      return t('billing.export.reason.noRateCard');
  }
}

export function changeKindText(kind: ChangeAfterClose['kind'], t: Translate): string {
  switch (kind) {
    case 'added':
      return t('billing.changed.added');
    case 'removed':
      return t('billing.changed.removed');
    case 'changed':
      return t('billing.changed.changed');
  }
}

/** The customer's name, or "No customer" for the hours outside any customer. */
export function customerName(summary: Pick<CustomerMonthSummary, 'customerKey' | 'customerName'>, t: Translate): string {
  return summary.customerKey === NO_CUSTOMER ? t('billing.noCustomer') : summary.customerName || summary.customerKey;
}
