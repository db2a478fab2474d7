// Figures of the billing page as the viewer reads them: hours with two decimals, money from integer minor units
// in the contract's currency, months and days in the viewer's locale. Pure (no bridge), so it runs anywhere.
import type { CustomerMonthSummary } from '@contract/billing';
import { localDay } from '../shared/locale';

/** Seconds as hours with two decimals: "12.50" / "12,50". */
export function formatHours(seconds: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(seconds / 3600);
}

/** Minor units (cents, Rappen, paise) in the currency's own form: "CHF 1,234.50" / "1.234,50 €". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    // An unknown currency code is shown as written, never breaking the page.
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** A whole number as the viewer writes it: "1,234" / "1’234". */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** `YYYY-MM` of a calendar day (`YYYY-MM-DD`). */
export const monthOfDay = (day: string): string => day.slice(0, 7);

/** The month `delta` months after `month` (`YYYY-MM`). */
export function addMonths(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + delta;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** The calendar month of an instant in `timeZone`. */
export function monthAt(ms: number, timeZone: string): string {
  try {
    return monthOfDay(localDay(ms, timeZone));
  } catch {
    return new Date(ms).toISOString().slice(0, 7);
  }
}

/** The month a service manager invoices: the one before the current month in the viewer's zone. */
export function defaultMonth(now: number, timeZone: string): string {
  return addMonths(monthAt(now, timeZone), -1);
}

/** Days in a month (`YYYY-MM`). */
export function daysInMonth(month: string): number {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 0)).getUTCDate();
}

/** Months to offer in the picker: from `count - 1` months before `latest` up to `latest`, newest first. */
export function monthChoices(latest: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(latest, -i));
}

export interface CurrencyTotal {
  /** null: customers without a contract or rate card (hours only). */
  currency: string | null;
  customers: number;
  rawSeconds: number;
  billableSeconds: number;
  amount: number;
  excludedSeconds: number;
  notVisibleSeconds: number;
  overageSeconds: number;
}

/** The month's totals per currency (amounts in different currencies are never added), currencies sorted, hours-only last. */
export function totalsByCurrency(customers: readonly CustomerMonthSummary[]): CurrencyTotal[] {
  const byCurrency = new Map<string | null, CurrencyTotal>();
  for (const c of customers) {
    const total = byCurrency.get(c.currency) ?? {
      currency: c.currency,
      customers: 0,
      rawSeconds: 0,
      billableSeconds: 0,
      amount: 0,
      excludedSeconds: 0,
      notVisibleSeconds: 0,
      overageSeconds: 0,
    };
    total.customers += 1;
    total.rawSeconds += c.rawSeconds;
    total.billableSeconds += c.billableSeconds;
    total.amount += c.amount;
    total.excludedSeconds += c.excludedSeconds;
    total.notVisibleSeconds += c.notVisibleSeconds;
    total.overageSeconds += c.overageSeconds;
    byCurrency.set(c.currency, total);
  }
  return [...byCurrency.values()].sort((a, b) => (a.currency === null ? 1 : b.currency === null ? -1 : a.currency.localeCompare(b.currency)));
}

/** Decodes base64 (an export chunk) to bytes. */
export function base64Bytes(data: string): Uint8Array<ArrayBuffer> {
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The chunks of a file, one after the other. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
