// Billing exports: what the CSV and the XLSX builders share. The texts of every header and sheet name (the
// caller passes them already in the viewer's language; the English and German sets here are the source of the
// locale files), the builders' input, the file name, and how a line's values are presented: local wall time
// with its UTC offset, hours as decimals, money in major units with the currency's minor digits.
import type { BillingLine, CustomerMonthSummary, ExclusionReason } from '../../contract/billing';
import { NO_CUSTOMER } from '../../contract/billing';
import type { Contract } from '../../contract/config';
import { minorDigits as domainMinorDigits } from '../../domain/billing';
import { zoneOffsets } from '../../domain/calendar';

/** Every header and sheet name of the exports, in the viewer's language. */
export interface ExportTexts {
  sheetSummary: string;
  sheetDetails: string;
  sheetRates: string;
  customer: string;
  contract: string;
  issueKey: string;
  issueSummary: string;
  workType: string;
  worklogId: string;
  author: string;
  started: string;
  date: string;
  timeZone: string;
  rawHours: string;
  roundedHours: string;
  billableHours: string;
  rate: string;
  amount: string;
  currency: string;
  excludedReason: string;
  includedHours: string;
  includedUsedHours: string;
  includedRemainingHours: string;
  overageHours: string;
  excludedHours: string;
  validFrom: string;
  /** The work type of a rate card's default rate. */
  defaultWorkType: string;
  /** The label of a totals row. */
  total: string;
  /** The customer of hours on issues that match no customer. */
  noCustomer: string;
  reasonNoCustomer: string;
  reasonNoContract: string;
  reasonNonBillableLabel: string;
  reasonNonBillableType: string;
  reasonNoRateCard: string;
}

/** The i18n key of each text (a path into locales/*.json). */
export const EXPORT_TEXT_KEYS: Record<keyof ExportTexts, string> = {
  sheetSummary: 'billing.export.sheet.summary',
  sheetDetails: 'billing.export.sheet.details',
  sheetRates: 'billing.export.sheet.rates',
  customer: 'billing.export.col.customer',
  contract: 'billing.export.col.contract',
  issueKey: 'billing.export.col.issueKey',
  issueSummary: 'billing.export.col.issueSummary',
  workType: 'billing.export.col.workType',
  worklogId: 'billing.export.col.worklogId',
  author: 'billing.export.col.author',
  started: 'billing.export.col.started',
  date: 'billing.export.col.date',
  timeZone: 'billing.export.col.timeZone',
  rawHours: 'billing.export.col.rawHours',
  roundedHours: 'billing.export.col.roundedHours',
  billableHours: 'billing.export.col.billableHours',
  rate: 'billing.export.col.rate',
  amount: 'billing.export.col.amount',
  currency: 'billing.export.col.currency',
  excludedReason: 'billing.export.col.excludedReason',
  includedHours: 'billing.export.col.includedHours',
  includedUsedHours: 'billing.export.col.includedUsedHours',
  includedRemainingHours: 'billing.export.col.includedRemainingHours',
  overageHours: 'billing.export.col.overageHours',
  excludedHours: 'billing.export.col.excludedHours',
  validFrom: 'billing.export.col.validFrom',
  defaultWorkType: 'billing.export.defaultWorkType',
  total: 'billing.export.total',
  noCustomer: 'billing.export.noCustomer',
  reasonNoCustomer: 'billing.export.reason.noCustomer',
  reasonNoContract: 'billing.export.reason.noContract',
  reasonNonBillableLabel: 'billing.export.reason.nonBillableLabel',
  reasonNonBillableType: 'billing.export.reason.nonBillableType',
  reasonNoRateCard: 'billing.export.reason.noRateCard',
};

export const ENGLISH_EXPORT_TEXTS: ExportTexts = {
  sheetSummary: 'Summary',
  sheetDetails: 'Details',
  sheetRates: 'Rates',
  customer: 'Customer',
  contract: 'Contract',
  issueKey: 'Issue key',
  issueSummary: 'Summary',
  workType: 'Work type',
  worklogId: 'Work log ID',
  author: 'Author',
  started: 'Started',
  date: 'Date',
  timeZone: 'Time zone',
  rawHours: 'Logged hours',
  roundedHours: 'Rounded hours',
  billableHours: 'Billable hours',
  rate: 'Hourly rate',
  amount: 'Amount',
  currency: 'Currency',
  excludedReason: 'Not billed because',
  includedHours: 'Included hours',
  includedUsedHours: 'Included hours used',
  includedRemainingHours: 'Included hours remaining',
  overageHours: 'Overage hours',
  excludedHours: 'Hours not billed',
  validFrom: 'Valid from',
  defaultWorkType: 'All other work types (default rate)',
  total: 'Total',
  noCustomer: 'No customer',
  reasonNoCustomer: 'Not matched to a customer',
  reasonNoContract: 'No contract in force',
  reasonNonBillableLabel: 'Non-billable label',
  reasonNonBillableType: 'Non-billable issue type',
  reasonNoRateCard: 'No rate card in force',
};

export const GERMAN_EXPORT_TEXTS: ExportTexts = {
  sheetSummary: 'Übersicht',
  sheetDetails: 'Einzelposten',
  sheetRates: 'Stundensätze',
  customer: 'Kunde',
  contract: 'Vertrag',
  issueKey: 'Vorgangsschlüssel',
  issueSummary: 'Zusammenfassung',
  workType: 'Arbeitsart',
  worklogId: 'Zeiterfassungs-ID',
  author: 'Autor',
  started: 'Beginn',
  date: 'Datum',
  timeZone: 'Zeitzone',
  rawHours: 'Erfasste Stunden',
  roundedHours: 'Gerundete Stunden',
  billableHours: 'Abrechenbare Stunden',
  rate: 'Stundensatz',
  amount: 'Betrag',
  currency: 'Währung',
  excludedReason: 'Nicht abgerechnet, weil',
  includedHours: 'Inklusivstunden',
  includedUsedHours: 'Genutzte Inklusivstunden',
  includedRemainingHours: 'Verbleibende Inklusivstunden',
  overageHours: 'Mehrstunden',
  excludedHours: 'Nicht abgerechnete Stunden',
  validFrom: 'Gültig ab',
  defaultWorkType: 'Alle anderen Arbeitsarten (Standardsatz)',
  total: 'Summe',
  noCustomer: 'Kein Kunde',
  reasonNoCustomer: 'Keinem Kunden zugeordnet',
  reasonNoContract: 'Kein gültiger Vertrag',
  reasonNonBillableLabel: 'Nicht abrechenbares Stichwort',
  reasonNonBillableType: 'Nicht abrechenbarer Vorgangstyp',
  reasonNoRateCard: 'Keine gültige Preisliste',
};

export interface ExportInput {
  /** `YYYY-MM` */
  month: string;
  /** The viewer's locale, e.g. `en-US` or `de-DE`: the XLSX's date format follows it. CSV numbers never do. */
  locale: string;
  texts: ExportTexts;
  /** Customer key -> name; NO_CUSTOMER names the hours outside any customer. */
  customers: ReadonlyMap<string, { name: string }>;
  /** Contract id -> what the exports show of it. */
  contracts: ReadonlyMap<string, { name: string; currency: string; rateCards: Contract['rateCards'] }>;
  summaries: readonly CustomerMonthSummary[];
  /** One per worklog, already in order; read once. */
  lines: Iterable<BillingLine> | AsyncIterable<BillingLine>;
  /** Called with the number of lines written every PROGRESS_EVERY lines, and once at the end. */
  onProgress?: (done: number) => void;
}

export const PROGRESS_EVERY = 5_000;

/** `billable-hours-2026-11-alpenbank.csv`, or `…-all.xlsx` for every customer. */
export function exportFileName(month: string, customerKey: string | null, format: 'csv' | 'xlsx'): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `billable-hours-${safe(month)}-${customerKey === null ? 'all' : safe(customerKey)}.${format}`;
}

// ---------------------------------------------------------------------------------------------------------
// Presentation of a line's values, shared by both formats

export function customerNameOf(input: ExportInput, customerKey: string | null): string {
  const key = customerKey ?? NO_CUSTOMER;
  const known = input.customers.get(key)?.name;
  if (known !== undefined) return known;
  return key === NO_CUSTOMER ? input.texts.noCustomer : key;
}

export function contractNameOf(input: ExportInput, contractId: string | null): string {
  if (contractId === null) return '';
  return input.contracts.get(contractId)?.name ?? contractId;
}

const REASON_TEXT: Record<ExclusionReason, keyof ExportTexts> = {
  noCustomer: 'reasonNoCustomer',
  noContract: 'reasonNoContract',
  nonBillableLabel: 'reasonNonBillableLabel',
  nonBillableType: 'reasonNonBillableType',
  noRateCard: 'reasonNoRateCard',
};

/** Empty for a billable line; else the reason in the viewer's language, with the detail (e.g. the label). */
export function excludedReasonOf(texts: ExportTexts, line: BillingLine): string {
  if (!line.excluded) return '';
  const reason = texts[REASON_TEXT[line.excluded.reason]];
  const detail = line.excluded.detail.trim();
  return detail ? `${reason}: ${detail}` : reason;
}

/** The currency's minor digits as Intl knows them (CHF 2, JPY 0, KWD 3); 2 for a code Intl does not know. */
export function minorDigits(currency: string): number {
  try {
    return domainMinorDigits(currency);
  } catch {
    return 2;
  }
}

/** Minor units as a machine-readable decimal in major units: 14050 CHF -> `140.50`, 1500 JPY -> `1500`. */
export function formatMajorUnits(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(Math.round(minor)));
  if (digits <= 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Minor units as a number of major units (for the XLSX). */
export function majorUnits(minor: number, digits: number): number {
  return minor / 10 ** digits;
}

/** Seconds as hours with a dot and at most 4 decimals, without trailing zeros: 4500 -> `1.25`, 3600 -> `1`. */
export function formatHours(seconds: number): string {
  // In ten-thousandths of an hour, in integers, so that no binary fraction shows up in the text.
  const units = Math.round((seconds * 25) / 9);
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const whole = Math.floor(abs / 10_000);
  const fraction = String(abs % 10_000).padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

export function hours(seconds: number): number {
  return seconds / 3600;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC at that instant in that zone (CET +60, EDT -240). */
  offsetMinutes: number;
}

/** The wall-clock time of an instant in a time zone, and that zone's UTC offset then (never the machine's zone). */
export function wallTime(epochMs: number, timeZone: string): WallTime {
  const instant = Math.floor(epochMs / 1000) * 1000;
  const offset = zoneOffsets(timeZone)?.offsetAt(instant) ?? 0;
  const wall = new Date(instant + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    offsetMinutes: Math.round(offset / 60_000),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 local time with the zone's offset: `2026-11-03T09:15:00+01:00`. */
export function isoLocal(epochMs: number, timeZone: string): string {
  const w = wallTime(epochMs, timeZone);
  const sign = w.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(w.offsetMinutes);
  return (
    `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}` +
    `${sign}${two(Math.floor(offset / 60))}:${two(offset % 60)}`
  );
}
