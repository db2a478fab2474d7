// The contract editor's form: amounts and hours as typed (major units), converted to the record on save.
import type { Contract, WithMeta } from '@contract/config';
import { path, type FieldMessage } from './field-errors';
import { amountText, parseAmount } from './money';

const ROOT = 'contract';

export interface RateCardDraft {
  validFrom: string;
  defaultRate: string;
  workTypeRates: { workType: string; rate: string }[];
}

export interface ContractDraft {
  customerKey: string;
  name: string;
  validFrom: string;
  /** Empty = open-ended. */
  validTo: string;
  calendarId: string;
  policyId: string;
  includedHoursPerMonth: string;
  currency: string;
  rateCards: RateCardDraft[];
  rounding: Contract['rounding'];
  nonBillable: Contract['nonBillable'];
}

export function emptyRateCard(validFrom = ''): RateCardDraft {
  return { validFrom, defaultRate: '', workTypeRates: [] };
}

export function emptyContract(today: string, customerKey = ''): ContractDraft {
  return {
    customerKey,
    name: '',
    validFrom: today,
    validTo: '',
    calendarId: '',
    policyId: '',
    includedHoursPerMonth: '0',
    currency: 'CHF',
    rateCards: [emptyRateCard(today)],
    rounding: { mode: 'none', minutes: 15 },
    nonBillable: { labels: [], issueTypes: [] },
  };
}

export function contractToDraft(record: WithMeta<Contract>): ContractDraft {
  const money = (minor: number) => amountText(minor, record.currency);
  return {
    customerKey: record.customerKey,
    name: record.name,
    validFrom: record.validFrom,
    validTo: record.validTo ?? '',
    calendarId: record.calendarId,
    policyId: record.policyId,
    includedHoursPerMonth: String(record.includedHoursPerMonth),
    currency: record.currency,
    rateCards: record.rateCards.map((card) => ({
      validFrom: card.validFrom,
      defaultRate: money(card.defaultRate),
      workTypeRates: card.workTypeRates.map((w) => ({ workType: w.workType, rate: money(w.rate) })),
    })),
    rounding: { ...record.rounding },
    nonBillable: { labels: [...record.nonBillable.labels], issueTypes: [...record.nonBillable.issueTypes] },
  };
}

export const contractField = (...segments: (string | number)[]) => path(ROOT, ...segments);

export function contractPaths(draft: ContractDraft): string[] {
  const known = [
    'id',
    'customerKey',
    'name',
    'validFrom',
    'validTo',
    'calendarId',
    'policyId',
    'includedHoursPerMonth',
    'currency',
    'rateCards',
    'rounding',
    'rounding.mode',
    'rounding.minutes',
    'nonBillable.labels',
    'nonBillable.issueTypes',
  ].map((f) => `${ROOT}.${f}`);
  draft.rateCards.forEach((card, c) => {
    known.push(contractField('rateCards', c), contractField('rateCards', c, 'validFrom'), contractField('rateCards', c, 'defaultRate'));
    known.push(contractField('rateCards', c, 'workTypeRates'));
    card.workTypeRates.forEach((_, w) => {
      known.push(contractField('rateCards', c, 'workTypeRates', w, 'workType'), contractField('rateCards', c, 'workTypeRates', w, 'rate'));
    });
  });
  return known;
}

export interface ContractMessages {
  amount: string;
  number: string;
  /** For a choice left empty (customer, calendar, SLA policy). */
  choose: string;
}

/** Decimal numbers as people type them ("7,5" or "7.5"); NaN when it is not one. */
export function parseDecimal(text: string): number {
  const s = text.trim().replace(',', '.');
  return s === '' || !/^-?\d*\.?\d+$/.test(s) ? Number.NaN : Number(s);
}

/** The record to send, or the inputs that are not numbers (checked here: the server only sees numbers). */
export function draftToContract(draft: ContractDraft, id: string, messages: ContractMessages): { contract: Contract; errors: FieldMessage[] } {
  const errors: FieldMessage[] = [];
  const amount = (text: string, at: string): number => {
    const minor = parseAmount(text, draft.currency);
    if (minor === null) errors.push({ field: at, message: messages.amount });
    return minor ?? 0;
  };
  for (const key of ['customerKey', 'calendarId', 'policyId'] as const) {
    if (draft[key] === '') errors.push({ field: contractField(key), message: messages.choose });
  }
  const hours = parseDecimal(draft.includedHoursPerMonth);
  if (Number.isNaN(hours)) errors.push({ field: contractField('includedHoursPerMonth'), message: messages.number });
  const contract: Contract = {
    id,
    customerKey: draft.customerKey,
    name: draft.name,
    validFrom: draft.validFrom,
    validTo: draft.validTo.trim() === '' ? null : draft.validTo,
    calendarId: draft.calendarId,
    policyId: draft.policyId,
    includedHoursPerMonth: Number.isNaN(hours) ? 0 : hours,
    currency: draft.currency.trim().toUpperCase(),
    rateCards: draft.rateCards.map((card, c) => ({
      validFrom: card.validFrom,
      defaultRate: amount(card.defaultRate, contractField('rateCards', c, 'defaultRate')),
      workTypeRates: card.workTypeRates.map((w, i) => ({
        workType: w.workType,
        rate: amount(w.rate, contractField('rateCards', c, 'workTypeRates', i, 'rate')),
      })),
    })),
    rounding: draft.rounding,
    nonBillable: draft.nonBillable,
  };
  return { contract, errors };
}

/** The rate card in force on `day` (the latest that started on or before it), else the earliest. */
export function rateCardOn<T extends { validFrom: string }>(cards: T[], day: string): T | undefined {
  const sorted = [...cards].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  let current: T | undefined;
  for (const card of sorted) if (card.validFrom <= day) current = card;
  return current ?? sorted[0];
}
