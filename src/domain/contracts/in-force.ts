// Which contract, and which of its rate cards, is in force on a day (DESIGN.md section 4: a worklog belongs
// to the contract in force on its start date in the contract's time zone). Dates are ISO `YYYY-MM-DD`
// strings, which compare correctly as strings; periods are inclusive at both ends.
import type { Contract, RateCard } from '../../contract/config';
import { MAX_INSTANT, MIN_INSTANT, ValidationError, zoneOffsets, type ValidationIssue } from '../calendar';

type Period = Pick<Contract, 'validFrom' | 'validTo'>;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * The local date (`YYYY-MM-DD`) of instant `instant` (epoch ms) in IANA zone `timeZone`. Throws
 * ValidationError for an unknown zone or an instant outside the years 1900 to 2999.
 */
export function localDate(instant: number, timeZone: string): string {
  if (typeof instant !== 'number' || !(instant >= MIN_INSTANT && instant < MAX_INSTANT)) {
    throw ValidationError.at('instant', 'must be epoch milliseconds within the years 1900 to 2999');
  }
  const zone = zoneOffsets(timeZone);
  if (!zone) throw ValidationError.at('timeZone', `"${timeZone}" is not an IANA time zone such as Europe/Zurich`);
  const wall = new Date(instant + zone.offsetAt(instant));
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}`;
}

function inForceOn(period: Period, date: string): boolean {
  return period.validFrom <= date && (period.validTo === null || date <= period.validTo);
}

/**
 * The contract of `customerKey` in force on `date` (validFrom <= date <= validTo; validTo null = open-ended),
 * or null. Saved contracts do not overlap; should they anyway, the one that started last wins (the first
 * listed among those that started the same day).
 */
export function contractInForce<C extends Pick<Contract, 'customerKey' | 'validFrom' | 'validTo'>>(
  contracts: readonly C[],
  customerKey: string,
  date: string,
): C | null {
  let found: C | null = null;
  for (const c of contracts) {
    if (c.customerKey !== customerKey || !inForceOn(c, date)) continue;
    if (found === null || c.validFrom > found.validFrom) found = c;
  }
  return found;
}

function periodsShareADay(a: Period, b: Period): boolean {
  return (b.validTo === null || a.validFrom <= b.validTo) && (a.validTo === null || b.validFrom <= a.validTo);
}

/**
 * The other contracts of the candidate's customer (any with the candidate's `id` excluded: it is the record
 * being edited) whose periods share at least one day with the candidate's, in list order.
 */
export function contractOverlaps<C extends Pick<Contract, 'id' | 'customerKey' | 'validFrom' | 'validTo'>>(
  contracts: readonly C[],
  candidate: Pick<Contract, 'id' | 'customerKey' | 'validFrom' | 'validTo'>,
): C[] {
  return contracts.filter((c) => c.customerKey === candidate.customerKey && c.id !== candidate.id && periodsShareADay(c, candidate));
}

/** A contract period that ends before it starts, as a problem naming the field; else null. */
export function periodProblem(candidate: Period): ValidationIssue | null {
  if (candidate.validTo !== null && candidate.validTo < candidate.validFrom) {
    return { path: 'contract.validTo', message: `must be on or after valid from (${candidate.validFrom})` };
  }
  return null;
}

/**
 * The rate card in force on `date`: the one with the latest `validFrom` on or before it, or null when every
 * card starts later. Of cards starting the same day the last listed wins (the earlier one would apply for
 * no day at all).
 */
export function rateCardOn<R extends Pick<RateCard, 'validFrom'>>(contract: { readonly rateCards: readonly R[] }, date: string): R | null {
  let found: R | null = null;
  for (const card of contract.rateCards) {
    if (card.validFrom <= date && (found === null || card.validFrom >= found.validFrom)) found = card;
  }
  return found;
}
