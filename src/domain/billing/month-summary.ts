// A customer's month on one line of the billing overview: hours, money, and the contract's included hours.
import type { CustomerMonthSummary, BillingLine } from '../../contract/billing';
import { contractInForce } from '../contracts';
import { daysOfMonth } from './month';
import type { BillingContract, BillingCustomer, BillingTerms } from './types';

export type MonthFigures = Omit<CustomerMonthSummary, 'notVisibleSeconds' | 'changedAfterClose' | 'closure'>;

/**
 * The contract that speaks for the month: the one in force on its last day, else (it ended during the month)
 * the one in force last, else null. Dates are local dates, so each contract's zone is already in them.
 */
function contractOfMonth(contracts: readonly BillingContract[], customerKey: string, month: string): BillingContract | null {
  const days = daysOfMonth(month);
  const first = days[0] as string;
  const last = days[days.length - 1] as string;
  const onLastDay = contractInForce(contracts, customerKey, last);
  if (onLastDay) return onLastDay;
  let found: BillingContract | null = null;
  for (const c of contracts) {
    if (c.customerKey !== customerKey || c.validFrom > last || (c.validTo !== null && c.validTo < first)) continue;
    // Not in force on the last day, so each of these has ended: the latest end wins, then the latest start.
    const end = c.validTo as string;
    const foundEnd = found?.validTo as string;
    if (found === null || end > foundEnd || (end === foundEnd && c.validFrom > found.validFrom)) found = c;
  }
  return found;
}

/**
 * The figures of `customer` in `month` from its lines of that month (see linesOfMonth). Money is the sum of
 * the lines' amounts, so the total always equals the lines shown.
 */
export function summariseCustomerMonth(lines: readonly BillingLine[], customer: BillingCustomer, terms: BillingTerms, month: string): MonthFigures {
  const contract = contractOfMonth(terms.contracts, customer.key, month);
  let rawSeconds = 0;
  let billableSeconds = 0;
  let amount = 0;
  let excludedSeconds = 0;
  for (const l of lines) {
    rawSeconds += l.rawSeconds;
    billableSeconds += l.billableSeconds;
    amount += l.amount;
    if (l.excluded) excludedSeconds += l.rawSeconds;
  }
  const includedSeconds = contract ? Math.round(contract.includedHoursPerMonth * 3600) : 0;
  const includedUsedSeconds = Math.min(billableSeconds, includedSeconds);
  return {
    customerKey: customer.key,
    customerName: customer.name,
    contractId: contract?.id ?? null,
    contractName: contract?.name ?? null,
    currency: contract?.currency ?? null,
    timeZone: contract?.timeZone ?? customer.timeZone,
    rawSeconds,
    billableSeconds,
    amount,
    includedSeconds,
    includedUsedSeconds,
    includedRemainingSeconds: includedSeconds - includedUsedSeconds,
    overageSeconds: Math.max(0, billableSeconds - includedSeconds),
    excludedSeconds,
    lineCount: lines.length,
  };
}
