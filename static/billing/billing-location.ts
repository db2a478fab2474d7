// The billing page's month and customer as the page's query string (`?month=2026-02&customer=alpenbank`), so a
// view can be shared as a link. Reading is forgiving: a value the server would refuse is dropped, never sent.
// Pure.
import { NO_CUSTOMER } from '@contract/billing';

export interface BillingLocation {
  /** `YYYY-MM`; null when the link names none (the page shows the previous month then). */
  month: string | null;
  /** One customer's view, or the overview when null. */
  customerKey: string | null;
}

const PARAM = { month: 'month', customer: 'customer' } as const;
const MONTH = /^(19|20|21)\d\d-(0[1-9]|1[0-2])$/;
const CUSTOMER_KEY = /^[a-z][a-z0-9-]{1,39}$/;

export function parseBillingSearch(search: string): BillingLocation {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const month = params.get(PARAM.month);
  const customer = params.get(PARAM.customer);
  return {
    month: month && MONTH.test(month) ? month : null,
    customerKey: customer && (customer === NO_CUSTOMER || CUSTOMER_KEY.test(customer)) ? customer : null,
  };
}

/** `?month=2026-02&customer=alpenbank`, or '' when neither is set. */
export function billingSearch(location: BillingLocation): string {
  const params = new URLSearchParams();
  if (location.month) params.set(PARAM.month, location.month);
  if (location.customerKey) params.set(PARAM.customer, location.customerKey);
  const query = params.toString();
  return query ? `?${query}` : '';
}
