// Billing exports: the CSV (BOM, CRLF, RFC 4180 quoting that reads back, the formula guard, translated headers,
// local start times with their zone's offset across DST, machine-readable numbers with each currency's minor
// digits) and the XLSX (sheets, real dates and numbers with their formats, frozen header, autofilter, totals as
// formulas whose results are the sums of the lines), and a 100,000-line build of each within modest memory.
//
// The machine's zone is set to one that no line uses, so that a start time computed in it would show.
process.env.TZ = 'Asia/Kolkata';

import { Readable } from 'node:stream';
import { Workbook, stream, type Cell, type CellFormulaValue, type Row, type Worksheet } from 'exceljs';
import type { BillingLine, CustomerMonthSummary } from '../../../src/contract/billing';
import { buildCsv, csvField } from '../../../src/services/billing/export-csv';
import {
  ENGLISH_EXPORT_TEXTS,
  EXPORT_TEXT_KEYS,
  GERMAN_EXPORT_TEXTS,
  exportFileName,
  formatHours,
  formatMajorUnits,
  isoLocal,
  type ExportInput,
  type ExportTexts,
} from '../../../src/services/billing/export-texts';
import { buildXlsx, columnLetter, currencyFormat, dateFormat } from '../../../src/services/billing/export-xlsx';
import enUS from '../../../locales/en-US.json';
import deDE from '../../../locales/de-DE.json';

// ---------------------------------------------------------------------------------------------------------
// Fixture

const TRICKY_SUMMARY = 'Printer "Finance-2", floor 3\nstill jams';

function line(over: Partial<BillingLine> & Pick<BillingLine, 'worklogId' | 'started' | 'timeZone' | 'date'>): BillingLine {
  return {
    issueId: `1${over.worklogId}`,
    issueKey: 'ALP-1',
    issueSummary: 'Mail server down',
    issueType: 'Task',
    parentKey: null,
    customerKey: 'alpenbank',
    contractId: 'c-alpen',
    authorAccountId: 'acc-1',
    authorName: 'Anna Meier',
    rawSeconds: 3600,
    roundedSeconds: 3600,
    billableSeconds: 3600,
    rate: 18500,
    amount: 18500,
    currency: 'CHF',
    excluded: null,
    ...over,
  };
}

const LINES: BillingLine[] = [
  line({
    worklogId: '101',
    issueSummary: TRICKY_SUMMARY,
    started: Date.parse('2026-11-03T08:15:00Z'),
    timeZone: 'Europe/Zurich',
    date: '2026-11-03',
    rawSeconds: 4440,
    roundedSeconds: 4500,
    billableSeconds: 4500,
    amount: 23125,
  }),
  // Zurich's ambiguous hour on the night summer time ends (02:30 twice): first in CEST, then in CET.
  line({
    worklogId: '102',
    issueKey: 'ALP-2',
    issueSummary: '=HYPERLINK("http://evil.example","click")',
    issueType: 'Incident',
    authorName: '@ops-bot',
    started: Date.parse('2026-10-25T00:30:00Z'),
    timeZone: 'Europe/Zurich',
    date: '2026-10-25',
    rawSeconds: 1800,
    roundedSeconds: 1800,
    billableSeconds: 1800,
    rate: 22000,
    amount: 11000,
  }),
  line({
    worklogId: '103',
    issueKey: 'ALP-3',
    started: Date.parse('2026-10-25T01:30:00Z'),
    timeZone: 'Europe/Zurich',
    date: '2026-10-25',
    rawSeconds: 1800,
    roundedSeconds: 1800,
    billableSeconds: 0,
    amount: 0,
    excluded: { reason: 'nonBillableLabel', detail: 'internal' },
  }),
  // New York's ambiguous hour on 1 November 2026: 01:30 EDT, then 01:30 EST. A yen contract (no minor digits).
  line({
    worklogId: '201',
    issueKey: 'NIH-7',
    customerKey: 'nihon',
    contractId: 'c-nihon',
    authorName: 'Ken Sato',
    started: Date.parse('2026-11-01T05:30:00Z'),
    timeZone: 'America/New_York',
    date: '2026-11-01',
    rawSeconds: 5400,
    roundedSeconds: 5400,
    billableSeconds: 5400,
    rate: 15000,
    amount: 22500,
    currency: 'JPY',
  }),
  line({
    worklogId: '202',
    issueKey: 'NIH-8',
    customerKey: 'nihon',
    contractId: 'c-nihon',
    authorName: 'Ken Sato',
    started: Date.parse('2026-11-01T06:30:00Z'),
    timeZone: 'America/New_York',
    date: '2026-11-01',
    rawSeconds: 900,
    roundedSeconds: 900,
    billableSeconds: 900,
    rate: 15000,
    amount: 3750,
    currency: 'JPY',
  }),
  line({
    worklogId: '301',
    issueKey: 'OPS-1',
    customerKey: null,
    contractId: null,
    started: Date.parse('2026-11-10T12:00:00Z'),
    timeZone: 'UTC',
    date: '2026-11-10',
    rawSeconds: 3600,
    roundedSeconds: 3600,
    billableSeconds: 0,
    rate: null,
    amount: 0,
    currency: null,
    excluded: { reason: 'noCustomer', detail: '' },
  }),
];

function summary(over: Partial<CustomerMonthSummary> & Pick<CustomerMonthSummary, 'customerKey' | 'customerName'>): CustomerMonthSummary {
  return {
    contractId: null,
    contractName: null,
    currency: null,
    timeZone: 'Europe/Zurich',
    rawSeconds: 0,
    billableSeconds: 0,
    amount: 0,
    includedSeconds: 0,
    includedUsedSeconds: 0,
    includedRemainingSeconds: 0,
    overageSeconds: 0,
    excludedSeconds: 0,
    lineCount: 0,
    notVisibleSeconds: 0,
    changedAfterClose: 0,
    closure: null,
    ...over,
  };
}

const SUMMARIES: CustomerMonthSummary[] = [
  summary({
    customerKey: 'alpenbank',
    customerName: 'Alpenbank AG, "Zürich"',
    contractId: 'c-alpen',
    contractName: 'Managed Services 2026',
    currency: 'CHF',
    rawSeconds: 8040,
    billableSeconds: 6300,
    amount: 34125,
    includedSeconds: 3600,
    includedUsedSeconds: 3600,
    includedRemainingSeconds: 0,
    overageSeconds: 2700,
    excludedSeconds: 1800,
    lineCount: 3,
  }),
  summary({
    customerKey: 'nihon',
    customerName: 'Nihon Trading',
    contractId: 'c-nihon',
    contractName: 'Support JP',
    currency: 'JPY',
    timeZone: 'America/New_York',
    rawSeconds: 6300,
    billableSeconds: 6300,
    amount: 26250,
    includedSeconds: 36000,
    includedUsedSeconds: 6300,
    includedRemainingSeconds: 29700,
    lineCount: 2,
  }),
  summary({ customerKey: '_none', customerName: 'No customer', rawSeconds: 3600, excludedSeconds: 3600, lineCount: 1 }),
];

function input(over: Partial<ExportInput> = {}): ExportInput {
  return {
    month: '2026-11',
    locale: 'en-US',
    texts: ENGLISH_EXPORT_TEXTS,
    customers: new Map([
      ['alpenbank', { name: 'Alpenbank AG, "Zürich"' }],
      ['nihon', { name: 'Nihon Trading' }],
      ['_none', { name: 'No customer' }],
    ]),
    contracts: new Map([
      [
        'c-alpen',
        {
          name: 'Managed Services 2026',
          currency: 'CHF',
          rateCards: [
            { validFrom: '2026-07-01', defaultRate: 18500, workTypeRates: [{ workType: 'Incident', rate: 22000 }] },
            { validFrom: '2026-01-01', defaultRate: 17050, workTypeRates: [] },
          ],
        },
      ],
      ['c-nihon', { name: 'Support JP', currency: 'JPY', rateCards: [{ validFrom: '2026-01-01', defaultRate: 15000, workTypeRates: [] }] }],
    ]),
    summaries: SUMMARIES,
    lines: LINES,
    ...over,
  };
}

// ---------------------------------------------------------------------------------------------------------
// A strict RFC 4180 reader: records end in CRLF, quoted fields may hold anything, quotes are doubled.

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i += 1;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (i < text.length) throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
  }
  if (record.length) throw new Error('the last record does not end in CRLF');
  return records;
}

const CSV_HEADERS: (keyof ExportTexts)[] = [
  'customer',
  'contract',
  'issueKey',
  'issueSummary',
  'workType',
  'worklogId',
  'author',
  'started',
  'date',
  'timeZone',
  'rawHours',
  'roundedHours',
  'billableHours',
  'rate',
  'amount',
  'currency',
  'excludedReason',
];

async function csvRecords(over: Partial<ExportInput> = {}) {
  const buffer = await buildCsv(input(over));
  const text = buffer.subarray(3).toString('utf8');
  const [header, ...rows] = parseCsv(text);
  const byHeader = (texts: ExportTexts) =>
    rows.map((r) => Object.fromEntries(CSV_HEADERS.map((key) => [key, r[header!.indexOf(texts[key])]])) as Record<keyof ExportTexts, string>);
  return { buffer, text, header: header!, rows, byHeader };
}

// ---------------------------------------------------------------------------------------------------------
// A small evaluator of the formulas the workbook uses (SUM, SUMIF, and a difference of two), to check that each
// formula means what its stored result says.

function cellsOf(sheet: Worksheet, ref: string): Cell[] {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const cells: Cell[] = [];
  for (let r = Number(m[2]); r <= Number(m[4]); r++) cells.push(sheet.getCell(`${m[1]}${r}`));
  if (m[1] !== m[3]) throw new Error('one column at a time');
  return cells;
}
const numberOf = (cell: Cell): number => {
  const v = cell.value;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'formula' in v) return Number((cell.model as Partial<CellFormulaValue>).result ?? 0);
  return 0;
};
function evaluate(sheet: Worksheet, formula: string): number {
  const diff = /^(SUM\([^)]*\))-(SUM\([^)]*\))$/.exec(formula);
  if (diff) return evaluate(sheet, diff[1]!) - evaluate(sheet, diff[2]!);
  const sum = /^SUM\(([^)]*)\)$/.exec(formula);
  if (sum) return cellsOf(sheet, sum[1]!).reduce((s, c) => s + numberOf(c), 0);
  const sumIf = /^SUMIF\(([^,]+),"([^"]*)",([^)]+)\)$/.exec(formula);
  if (sumIf) {
    const keys = cellsOf(sheet, sumIf[1]!);
    const values = cellsOf(sheet, sumIf[3]!);
    return keys.reduce((s, k, i) => (String(k.value ?? '') === sumIf[2] ? s + numberOf(values[i]!) : s), 0);
  }
  throw new Error(`unexpected formula ${formula}`);
}

async function readXlsx(buffer: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return workbook;
}

/** A formula cell's formula and stored result (read from the model: exceljs's `value` drops a result of 0). */
function formulaCell(sheet: Worksheet, ref: string): { formula: string; result: unknown } {
  const model = sheet.getCell(ref).model as Partial<CellFormulaValue>;
  if (typeof model.formula !== 'string') throw new Error(`${ref} holds no formula: ${JSON.stringify(model)}`);
  return { formula: model.formula, result: model.result };
}

const sum = (f: (l: BillingLine) => number, lines = LINES) => lines.reduce((s, l) => s + f(l), 0);

// ---------------------------------------------------------------------------------------------------------

describe('texts', () => {
  it('has an i18n key, an English and a German text for every text, and the keys are distinct', () => {
    const keys = Object.keys(EXPORT_TEXT_KEYS).sort();
    expect(Object.keys(ENGLISH_EXPORT_TEXTS).sort()).toEqual(keys);
    expect(Object.keys(GERMAN_EXPORT_TEXTS).sort()).toEqual(keys);
    expect(new Set(Object.values(EXPORT_TEXT_KEYS)).size).toBe(keys.length);
    for (const k of keys as (keyof ExportTexts)[]) {
      expect(EXPORT_TEXT_KEYS[k]).toMatch(/^billing\.export\.[a-z]+(\.[A-Za-z]+)?$/i);
      expect(ENGLISH_EXPORT_TEXTS[k].trim()).not.toBe('');
      expect(GERMAN_EXPORT_TEXTS[k].trim()).not.toBe('');
    }
  });

  it('names the files by month and customer', () => {
    expect(exportFileName('2026-11', 'alpenbank', 'csv')).toBe('billable-hours-2026-11-alpenbank.csv');
    expect(exportFileName('2026-11', null, 'xlsx')).toBe('billable-hours-2026-11-all.xlsx');
    expect(exportFileName('2026-11', '../x', 'csv')).toBe('billable-hours-2026-11--x.csv');
  });

  it('reports which texts the locale files still lack (another engineer adds them)', () => {
    const lookup = (json: unknown, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), json);
    const missing = Object.values(EXPORT_TEXT_KEYS).filter((key) => lookup(enUS, key) === undefined || lookup(deDE, key) === undefined);
    if (missing.length) console.log(`export texts not yet in locales/: ${missing.length} of ${Object.keys(EXPORT_TEXT_KEYS).length}`);
    // Those that are there match the texts here.
    for (const [name, key] of Object.entries(EXPORT_TEXT_KEYS) as [keyof ExportTexts, string][]) {
      const en = lookup(enUS, key);
      const de = lookup(deDE, key);
      if (en !== undefined) expect(en).toBe(ENGLISH_EXPORT_TEXTS[name]);
      if (de !== undefined) expect(de).toBe(GERMAN_EXPORT_TEXTS[name]);
    }
  });
});

describe('value presentation', () => {
  it('writes hours with a dot and at most four decimals, and money with the currency’s minor digits', () => {
    expect(formatHours(4500)).toBe('1.25');
    expect(formatHours(3600)).toBe('1');
    expect(formatHours(4440)).toBe('1.2333');
    expect(formatHours(0)).toBe('0');
    expect(formatHours(1)).toBe('0.0003');
    expect(formatMajorUnits(14050, 2)).toBe('140.50');
    expect(formatMajorUnits(5, 2)).toBe('0.05');
    expect(formatMajorUnits(1500, 0)).toBe('1500');
    expect(formatMajorUnits(12345, 3)).toBe('12.345');
  });

  it('gives the local time with the offset of that zone at that instant', () => {
    expect(isoLocal(Date.parse('2026-11-03T08:15:00Z'), 'Europe/Zurich')).toBe('2026-11-03T09:15:00+01:00');
    expect(isoLocal(Date.parse('2026-07-03T08:15:00Z'), 'Europe/Zurich')).toBe('2026-07-03T10:15:00+02:00');
    expect(isoLocal(Date.parse('2026-11-10T12:00:00Z'), 'UTC')).toBe('2026-11-10T12:00:00+00:00');
    expect(isoLocal(Date.parse('2026-11-10T12:00:00Z'), 'Asia/Kathmandu')).toBe('2026-11-10T17:45:00+05:45');
    expect(isoLocal(Date.parse('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
  });

  it('guards text fields against formula injection and quotes per RFC 4180', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvField(`${start}1`).startsWith(start === '\r' ? `"'` : `'`)).toBe(true);
    expect(csvField('-1.25', 'number')).toBe('-1.25');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });
});

describe('buildCsv', () => {
  it('is UTF-8 with a BOM and CRLF line ends, and every field reads back', async () => {
    const { buffer, text, header, rows } = await csvRecords();
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    // The only LF not in a CRLF is the one inside the quoted summary.
    expect(text.replace(/\r\n/g, '').split('\n')).toHaveLength(2);
    expect(header).toEqual(CSV_HEADERS.map((k) => ENGLISH_EXPORT_TEXTS[k]));
    expect(rows).toHaveLength(LINES.length);
    for (const r of rows) expect(r).toHaveLength(header.length);
    expect(rows[0]![header.indexOf('Summary')]).toBe(TRICKY_SUMMARY);
    expect(rows[0]![0]).toBe('Alpenbank AG, "Zürich"');
    expect(text).toContain('"Alpenbank AG, ""Zürich"""');
  });

  it('puts an apostrophe before text that a spreadsheet would run as a formula', async () => {
    const rows = (await csvRecords()).byHeader(ENGLISH_EXPORT_TEXTS);
    expect(rows[1]!.issueSummary).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(rows[1]!.author).toBe(`'@ops-bot`);
    expect(rows[0]!.author).toBe('Anna Meier');
  });

  it('writes German headers and still machine-readable numbers; times in each line’s zone across DST', async () => {
    const { header, byHeader } = await csvRecords({ texts: GERMAN_EXPORT_TEXTS, locale: 'de-DE' });
    expect(header).toEqual(CSV_HEADERS.map((k) => GERMAN_EXPORT_TEXTS[k]));
    expect(header).toContain('Vorgangsschlüssel');
    const rows = byHeader(GERMAN_EXPORT_TEXTS);
    expect(rows.map((r) => r.started)).toEqual([
      '2026-11-03T09:15:00+01:00',
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:30:00+01:00',
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:30:00-05:00',
      '2026-11-10T12:00:00+00:00',
    ]);
    expect(rows.map((r) => r.timeZone)).toEqual(['Europe/Zurich', 'Europe/Zurich', 'Europe/Zurich', 'America/New_York', 'America/New_York', 'UTC']);
    expect(rows.map((r) => r.date)).toEqual(LINES.map((l) => l.date));
    expect(rows.map((r) => [r.rawHours, r.roundedHours, r.billableHours])).toEqual([
      ['1.2333', '1.25', '1.25'],
      ['0.5', '0.5', '0.5'],
      ['0.5', '0.5', '0'],
      ['1.5', '1.5', '1.5'],
      ['0.25', '0.25', '0.25'],
      ['1', '1', '0'],
    ]);
    expect(rows.map((r) => [r.rate, r.amount, r.currency])).toEqual([
      ['185.00', '231.25', 'CHF'],
      ['220.00', '110.00', 'CHF'],
      ['185.00', '0.00', 'CHF'],
      ['15000', '22500', 'JPY'],
      ['15000', '3750', 'JPY'],
      ['', '0.00', ''],
    ]);
    expect(rows.map((r) => r.excludedReason)).toEqual(['', '', 'Nicht abrechenbares Stichwort: internal', '', '', 'Keinem Kunden zugeordnet']);
    const alpenbank = 'Alpenbank AG, "Zürich"';
    expect(rows.map((r) => r.customer)).toEqual([alpenbank, alpenbank, alpenbank, 'Nihon Trading', 'Nihon Trading', 'No customer']);
    expect(rows[3]!.contract).toBe('Support JP');
    expect(rows[5]!.contract).toBe('');
  });

  it('reads lines from an async iterable and reports progress', async () => {
    async function* lines() {
      for (const l of LINES) yield l;
    }
    const progress: number[] = [];
    const { rows } = await csvRecords({ lines: lines(), onProgress: (n) => progress.push(n) });
    expect(rows).toHaveLength(LINES.length);
    expect(progress.at(-1)).toBe(LINES.length);
  });
});

describe('buildXlsx', () => {
  let workbook: Workbook;
  beforeAll(async () => {
    workbook = await readXlsx(await buildXlsx(input()));
  });
  const sheet = (name: string) => {
    const s = workbook.getWorksheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };

  it('has the three sheets in the viewer’s language', async () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Details', 'Rates']);
    const german = await readXlsx(await buildXlsx(input({ texts: GERMAN_EXPORT_TEXTS, locale: 'de-DE' })));
    expect(german.worksheets.map((w) => w.name)).toEqual(['Übersicht', 'Einzelposten', 'Stundensätze']);
    expect(german.getWorksheet('Einzelposten')!.getRow(1).getCell(3).value).toBe('Vorgangsschlüssel');
    expect(german.getWorksheet('Einzelposten')!.getCell('H2').numFmt).toBe('dd.mm.yyyy hh:mm');
  });

  it('details: one row per worklog with real dates in the line’s wall time, numbers and their formats', () => {
    const details = sheet('Details');
    expect(details.getRow(1).values).toEqual([undefined, ...CSV_HEADERS.map((k) => ENGLISH_EXPORT_TEXTS[k])]);
    expect(details.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(details.autoFilter).toBe(`A1:Q${LINES.length + 1}`);
    expect(details.getCell('D2').value).toBe(TRICKY_SUMMARY);
    expect(details.getCell('D3').value).toBe('=HYPERLINK("http://evil.example","click")'); // text, never a formula
    // Local wall time, written as Excel (zone-less) date-times; the zone in its own column.
    const started = LINES.map((_, i) => details.getCell(`H${i + 2}`).value);
    const wall = ['2026-11-03T09:15', '2026-10-25T02:30', '2026-10-25T02:30', '2026-11-01T01:30', '2026-11-01T01:30', '2026-11-10T12:00'];
    expect(started).toEqual(wall.map((s) => new Date(`${s}:00Z`)));
    expect(details.getCell('H2').numFmt).toBe('mm/dd/yyyy hh:mm');
    expect(details.getCell('I2').value).toEqual(new Date('2026-11-03T00:00:00Z'));
    expect(details.getCell('I2').numFmt).toBe('mm/dd/yyyy');
    expect(details.getCell('J5').value).toBe('America/New_York');
    expect(details.getCell('K2').value).toBeCloseTo(4440 / 3600, 10);
    for (const col of ['K', 'L', 'M']) expect(details.getCell(`${col}2`).numFmt).toBe('0.00');
    expect(details.getCell('N2').value).toBe(185);
    expect(details.getCell('O2').value).toBe(231.25);
    expect(details.getCell('O2').numFmt).toBe('#,##0.00 "CHF"');
    expect(details.getCell('N5').value).toBe(15000);
    expect(details.getCell('O5').numFmt).toBe('#,##0 "JPY"');
    expect(details.getCell('N7').value).toBeNull();
    expect(details.getCell('Q4').value).toBe('Non-billable label: internal');
  });

  it('details: totals per currency whose formulas and results are the sums of the lines', () => {
    const details = sheet('Details');
    const first = LINES.length + 3; // after the data and one empty row
    expect(details.getCell(`A${first - 1}`).value).toBeNull();
    const expected = [
      { currency: 'CHF', lines: LINES.filter((l) => l.currency === 'CHF'), digits: 2 },
      { currency: 'JPY', lines: LINES.filter((l) => l.currency === 'JPY'), digits: 0 },
      { currency: null, lines: LINES.filter((l) => l.currency === null), digits: 2 },
    ];
    expected.forEach(({ currency, lines, digits }, i) => {
      const r = first + i;
      expect(details.getCell(`A${r}`).value).toBe('Total');
      expect(details.getCell(`P${r}`).value ?? null).toBe(currency);
      const checks: [string, number][] = [
        ['K', sum((l) => l.rawSeconds, lines) / 3600],
        ['L', sum((l) => l.roundedSeconds, lines) / 3600],
        ['M', sum((l) => l.billableSeconds, lines) / 3600],
        ['O', sum((l) => l.amount, lines) / 10 ** digits],
      ];
      for (const [col, value] of checks) {
        const f = formulaCell(details, `${col}${r}`);
        expect(f.result as number).toBeCloseTo(value, 9);
        expect(evaluate(details, f.formula)).toBeCloseTo(value, 9);
      }
      expect(details.getCell(`O${r}`).numFmt).toBe(currencyFormat(currency));
    });
    expect(formulaCell(details, `K${first}`).formula).toBe(`SUMIF($P$2:$P$${LINES.length + 1},"CHF",K2:K${LINES.length + 1})`);
    // All totals rows together hold every hour.
    const allRaw = expected.reduce((s, _, i) => s + Number(formulaCell(details, `K${first + i}`).result), 0);
    expect(allRaw).toBeCloseTo(sum((l) => l.rawSeconds) / 3600, 9);
    expect(details.rowCount).toBe(first + 2);
  });

  it('details: one totals row of SUMs when the lines have one currency', async () => {
    const chf = LINES.filter((l) => l.currency !== 'JPY');
    const book = await readXlsx(await buildXlsx(input({ lines: chf })));
    const details = book.getWorksheet('Details')!;
    const r = chf.length + 3;
    expect(formulaCell(details, `K${r}`).formula).toBe(`SUM(K2:K${chf.length + 1})`);
    expect(formulaCell(details, `O${r}`)).toEqual({ formula: `SUM(O2:O${chf.length + 1})`, result: sum((l) => l.amount, chf) / 100 });
    expect(evaluate(details, formulaCell(details, `M${r}`).formula)).toBeCloseTo(sum((l) => l.billableSeconds, chf) / 3600, 9);
    expect(details.getCell(`P${r}`).value).toBe('CHF');
    expect(details.getCell(`O${r}`).numFmt).toBe('#,##0.00 "CHF"');
    expect(details.rowCount).toBe(r);
  });

  it('summary: one row per customer and totals that are the sums of the rows', () => {
    const s = sheet('Summary');
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(s.getRow(1).getCell(1).value).toBe('Customer');
    expect(s.getRow(1).getCell(11).value).toBe('Hours not billed');
    expect(s.getCell('A2').value).toBe('Alpenbank AG, "Zürich"');
    expect(s.getCell('D2').value).toBeCloseTo(8040 / 3600, 10);
    expect(s.getCell('D2').numFmt).toBe('0.00');
    expect(s.getCell('F2').value).toBe(341.25);
    expect(s.getCell('F2').numFmt).toBe('#,##0.00 "CHF"');
    expect(s.getCell('F3').value).toBe(26250);
    expect(s.getCell('F3').numFmt).toBe('#,##0 "JPY"');
    expect(s.getCell('I3').value).toBeCloseTo(29700 / 3600, 10);
    // Two currencies and a customer without one: a totals row per currency, then the rest.
    const rows: [number, string | null, CustomerMonthSummary[]][] = [
      [5, 'CHF', [SUMMARIES[0]!]],
      [6, 'JPY', [SUMMARIES[1]!]],
      [7, null, [SUMMARIES[2]!]],
    ];
    for (const [r, currency, of] of rows) {
      expect(s.getCell(`A${r}`).value).toBe('Total');
      expect(s.getCell(`C${r}`).value ?? null).toBe(currency);
      const fields: [string, keyof CustomerMonthSummary][] = [
        ['D', 'rawSeconds'],
        ['E', 'billableSeconds'],
        ['G', 'includedSeconds'],
        ['H', 'includedUsedSeconds'],
        ['I', 'includedRemainingSeconds'],
        ['J', 'overageSeconds'],
        ['K', 'excludedSeconds'],
      ];
      for (const [col, field] of fields) {
        const value = of.reduce((t, x) => t + (x[field] as number), 0) / 3600;
        const f = formulaCell(s, `${col}${r}`);
        expect(f.result as number).toBeCloseTo(value, 9);
        expect(evaluate(s, f.formula)).toBeCloseTo(value, 9);
      }
      const f = formulaCell(s, `F${r}`);
      const amount = of.reduce((t, x) => t + x.amount, 0) / (currency === 'JPY' ? 1 : 100);
      expect(f.result).toBe(amount);
      expect(evaluate(s, f.formula)).toBeCloseTo(amount, 9);
    }
    expect(formulaCell(s, 'D7').formula).toBe('SUM(D2:D4)-SUM(D5:D6)');
  });

  it('rates: every rate card of every contract, oldest first, the default rate first', () => {
    const r = sheet('Rates');
    const rows = [2, 3, 4, 5].map((n) => r.getRow(n).values);
    expect(rows).toEqual([
      [undefined, 'Managed Services 2026', new Date('2026-01-01T00:00:00Z'), ENGLISH_EXPORT_TEXTS.defaultWorkType, 170.5, 'CHF'],
      [undefined, 'Managed Services 2026', new Date('2026-07-01T00:00:00Z'), ENGLISH_EXPORT_TEXTS.defaultWorkType, 185, 'CHF'],
      [undefined, 'Managed Services 2026', new Date('2026-07-01T00:00:00Z'), 'Incident', 220, 'CHF'],
      [undefined, 'Support JP', new Date('2026-01-01T00:00:00Z'), ENGLISH_EXPORT_TEXTS.defaultWorkType, 15000, 'JPY'],
    ]);
    expect(r.getCell('B2').numFmt).toBe('mm/dd/yyyy');
    expect(r.getCell('D2').numFmt).toBe('#,##0.00 "CHF"');
    expect(r.getCell('D5').numFmt).toBe('#,##0 "JPY"');
    expect(r.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('formats: the locale’s date order, the currency’s digits, column letters', () => {
    expect(dateFormat('de-DE')).toBe('dd.mm.yyyy');
    expect(dateFormat('en-US')).toBe('mm/dd/yyyy');
    expect(dateFormat('en-GB')).toBe('dd/mm/yyyy');
    expect(dateFormat('not a locale')).toBe('yyyy-mm-dd');
    expect(currencyFormat('KWD')).toBe('#,##0.000 "KWD"');
    expect(currencyFormat(null)).toBe('#,##0.00');
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('100,000 lines', () => {
  const COUNT = 100_000;
  const fact = (i: number) => {
    const jpy = i % 4 === 0;
    return { jpy, rawSeconds: 900 + (i % 7) * 60, amount: jpy ? 3750 : 4625 };
  };
  function* manyLines(): Generator<BillingLine> {
    const start = Date.parse('2026-11-01T07:00:00Z');
    for (let i = 0; i < COUNT; i++) {
      const { jpy, rawSeconds, amount } = fact(i);
      yield line({
        worklogId: String(1_000_000 + i),
        issueKey: `ALP-${1 + (i % 5000)}`,
        issueSummary: `Issue number ${i % 5000}, with "quotes" and a comma`,
        customerKey: jpy ? 'nihon' : 'alpenbank',
        contractId: jpy ? 'c-nihon' : 'c-alpen',
        started: start + (i % 29) * 86_400_000 + (i % 600) * 60_000,
        timeZone: jpy ? 'America/New_York' : 'Europe/Zurich',
        date: `2026-11-${String(1 + (i % 29)).padStart(2, '0')}`,
        rawSeconds,
        roundedSeconds: 900,
        billableSeconds: 900,
        rate: jpy ? 15000 : 18500,
        amount,
        currency: jpy ? 'JPY' : 'CHF',
      });
    }
  }
  const expected = (jpy: boolean) => {
    let rawSeconds = 0;
    let amount = 0;
    for (let i = 0; i < COUNT; i++) {
      const f = fact(i);
      if (f.jpy !== jpy) continue;
      rawSeconds += f.rawSeconds;
      amount += f.amount;
    }
    return { rawHours: rawSeconds / 3600, amount: jpy ? amount : amount / 100 };
  };

  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  async function measure(build: (i: ExportInput) => Promise<Buffer>) {
    const before = process.memoryUsage();
    let peak = before.rss;
    let peakBuffers = before.arrayBuffers;
    const sample = () => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.rss);
      peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
    };
    const timer = setInterval(sample, 20);
    const progress: number[] = [];
    try {
      const buffer = await build(input({ summaries: [], lines: manyLines(), onProgress: (n) => (progress.push(n), sample()) }));
      sample();
      const report =
        `RSS ${mb(before.rss)} before, peak ${mb(peak)} (+${mb(peak - before.rss)}); ` +
        `Buffers peak +${mb(peakBuffers - before.arrayBuffers)}`;
      return { buffer, growth: peak - before.rss, progress, report };
    } finally {
      clearInterval(timer);
    }
  }

  it('builds the XLSX in modest memory, with the totals of all lines', async () => {
    const { buffer, growth, progress, report } = await measure(buildXlsx);
    console.log(`XLSX, ${COUNT} lines, ${(buffer.length / 2 ** 20).toFixed(1)} MB: ${report}`);
    expect(progress.at(-1)).toBe(COUNT);
    // An in-memory workbook of these rows would take several hundred MB; V8's garbage makes the figure vary.
    expect(growth).toBeLessThan(200 * 2 ** 20);

    // Read the Details sheet back as a stream: every line is there, and the totals are those of all lines.
    const reader = new stream.xlsx.WorkbookReader(Readable.from([buffer]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' });
    let sheetIndex = 0;
    let dataRows = 0;
    const tail: Row[] = [];
    for await (const sheet of reader) {
      sheetIndex += 1;
      for await (const row of sheet) {
        if (sheetIndex !== 2) continue;
        if (row.number === 1) expect(row.getCell(8).value).toBe('Started');
        else if (typeof row.getCell(11).value === 'number') dataRows += 1;
        else tail.push(row);
      }
    }
    expect(sheetIndex).toBe(3);
    expect(dataRows).toBe(COUNT);
    const totals = tail.filter((r) => r.getCell(1).value === 'Total');
    expect(totals.map((r) => r.getCell(16).value)).toEqual(['JPY', 'CHF']);
    for (const r of totals) {
      const jpy = r.getCell(16).value === 'JPY';
      const raw = r.getCell(11).value as CellFormulaValue;
      const amount = r.getCell(15).value as CellFormulaValue;
      expect(raw.formula).toBe(`SUMIF($P$2:$P$${COUNT + 1},"${jpy ? 'JPY' : 'CHF'}",K2:K${COUNT + 1})`);
      expect(raw.result as number).toBeCloseTo(expected(jpy).rawHours, 6);
      expect(amount.result as number).toBeCloseTo(expected(jpy).amount, 6);
    }
  }, 180_000);

  it('builds the CSV in modest memory', async () => {
    const { buffer, growth, progress, report } = await measure(buildCsv);
    console.log(`CSV, ${COUNT} lines, ${(buffer.length / 2 ** 20).toFixed(1)} MB: ${report}`);
    expect(progress.at(-1)).toBe(COUNT);
    expect(progress.length).toBeGreaterThan(10);
    expect(growth).toBeLessThan(150 * 2 ** 20);
    const [header, ...rows] = parseCsv(buffer.subarray(3).toString('utf8'));
    expect(rows).toHaveLength(COUNT);
    const amountAt = header!.indexOf('Amount');
    const chf = rows.filter((r) => r[amountAt + 1] === 'CHF').reduce((s, r) => s + Math.round(Number(r[amountAt]) * 100), 0);
    expect(chf / 100).toBeCloseTo(expected(false).amount, 6);
  }, 120_000);
});
