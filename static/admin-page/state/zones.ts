// The IANA time zones the browser knows, for the time-zone pickers.
const FALLBACK = ['UTC', 'Europe/Zurich', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata'];

let cached: string[] | null = null;

export function timeZones(): string[] {
  if (!cached) {
    try {
      const list = Intl.supportedValuesOf('timeZone');
      cached = list.includes('UTC') ? list : ['UTC', ...list];
    } catch {
      cached = FALLBACK;
    }
  }
  return cached;
}

/** ISO 4217 currency codes the browser knows. */
export function currencies(): string[] {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return ['CHF', 'EUR', 'USD', 'GBP', 'INR'];
  }
}
