// Money is stored in integer minor units (cents, Rappen, paise) and entered in major units ("185.00").

/** Decimal places of a currency's minor unit (2 for CHF, 0 for JPY); 2 when the code is unknown. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * "185", "185.5", "185,50", "1'234.50", "1.234,50" and "1,234.50" to minor units; null when it is not an amount
 * or has more decimals than the currency has.
 */
export function parseAmount(text: string, currency: string): number | null {
  let s = text.replace(/[\s'’_]/g, '');
  if (s === '') return null;
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) {
    s = dot > comma ? s.replace(/,/g, '') : s.replace(/\./g, '').replace(',', '.');
  } else if (comma >= 0) {
    s = s.replace(',', '.');
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!match) return null;
  const digits = currencyDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as the text an input starts with ("185.00"). */
export function amountText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** Minor units formatted for reading, e.g. "CHF 185.00" or "185,00 €". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}
