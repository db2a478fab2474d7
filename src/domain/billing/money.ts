// Money in integer minor units (DESIGN.md section 4): amounts are computed once per line, exactly, and
// totals are sums of lines, so an invoice always adds up. Major units exist for display and export only.

const SECONDS_PER_HOUR = 3600;

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
}

/**
 * `billableSeconds` x `ratePerHour` / 3600 in minor units, rounded half up. Throws RangeError for a
 * non-integer or negative input, or when the product is beyond exact integer arithmetic.
 */
export function amountFor(billableSeconds: number, ratePerHour: number): number {
  assertCount('billableSeconds', billableSeconds);
  assertCount('ratePerHour', ratePerHour);
  const product = billableSeconds * ratePerHour;
  if (product > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`${billableSeconds} s at ${ratePerHour} per hour is too large to compute exactly`);
  }
  // Remainder first, then an exact division of a multiple of 3600: no rounded float quotient is floored.
  const remainder = product % SECONDS_PER_HOUR;
  const whole = (product - remainder) / SECONDS_PER_HOUR;
  return remainder * 2 >= SECONDS_PER_HOUR ? whole + 1 : whole;
}

const digits = new Map<string, number>();

/** Digits after the decimal point of the currency's minor unit (2 for CHF, 0 for JPY, 3 for BHD). */
export function minorDigits(currency: string): number {
  let n = digits.get(currency);
  if (n === undefined) {
    // Throws RangeError for a code that is not three letters.
    const options = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
    n = options.maximumFractionDigits ?? 2;
    digits.set(currency, n);
  }
  return n;
}

/** An amount in minor units as major units (14050 CHF -> 140.5), for display and export only. */
export function toMajor(amount: number, currency: string): number {
  return amount / 10 ** minorDigits(currency);
}
