// Billing export as an Excel workbook: Summary (one row per customer, with totals), Details (one row per
// worklog, the CSV's columns with real dates and numbers, totals at the bottom) and Rates (every rate card of the
// contracts involved). Totals are SUM formulas that also carry their result, so that readers without a
// calculation engine show them too.
//
// Written with exceljs's streaming writer: each row is committed as soon as it is written, and the zipped
// bytes go into an in-memory sink, so that memory grows with the compressed file, not with the rows. The sheets are
// written one after the other (the zip stores one entry at a time), and every few hundred rows the builder
// waits for the compressor to catch up, so that the XML does not pile up in memory.
//
// Text is written as string cells, which a spreadsheet never evaluates (only `{ formula }` cells are), so the
// XLSX needs no formula guard; the CSV has one.
import { Writable } from 'node:stream';
import { stream, type Cell, type CellValue, type Column, type Row, type Worksheet } from 'exceljs';
import type { BillingLine } from '../../contract/billing';
import {
  PROGRESS_EVERY,
  contractNameOf,
  customerNameOf,
  excludedReasonOf,
  hours,
  majorUnits,
  minorDigits,
  wallTime,
  type ExportInput,
  type ExportTexts,
} from './export-texts';

const HOURS_FORMAT = '0.00';
/** Rows between looks at the compressor's backlog, and the backlog the builder lets build up. */
const YIELD_EVERY = 250;
const MAX_BACKLOG = 2 ** 20;

/** A Writable that keeps what it is given. */
class BufferSink extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    callback();
  }
}

/** `#,##0.00 "CHF"`, with the currency's minor digits (`#,##0 "JPY"`). */
export function currencyFormat(currency: string | null): string {
  const digits = currency ? minorDigits(currency) : 2;
  const number = digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
  return currency ? `${number} "${currency.replace(/"/g, '')}"` : number;
}

/** The locale's numeric date order as an Excel format: `dd.mm.yyyy` (de-DE), `mm/dd/yyyy` (en-US). */
export function dateFormat(locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
      Date.UTC(2026, 10, 23),
    );
    const format = parts
      .map((p) => {
        if (p.type === 'year') return 'yyyy';
        if (p.type === 'month') return 'mm';
        if (p.type === 'day') return 'dd';
        if (p.type === 'literal') return /^[./\- ]*$/.test(p.value) ? p.value : `"${p.value.replace(/"/g, '')}"`;
        return '';
      })
      .join('');
    return /yyyy/.test(format) && /mm/.test(format) && /dd/.test(format) ? format : 'yyyy-mm-dd';
  } catch {
    return 'yyyy-mm-dd';
  }
}

/** A JS Date whose UTC fields are the given wall time: Excel has no time zones and exceljs writes UTC fields. */
function excelDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

function excelDateOf(isoDate: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? excelDate(Number(m[1]), Number(m[2]), Number(m[3])) : isoDate;
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], not empty, unique. */
function sheetName(wanted: string, taken: Set<string>, fallback: string): string {
  let name = wanted.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || fallback;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${name.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A stream's buffered bytes (readable-stream 2, which archiver uses, has no `writableLength`). */
type Buffered = { once: Writable['once']; off: Writable['off']; writableLength?: number; _writableState?: { length?: number } };
const bufferedBytes = (s: Buffered): number => s.writableLength ?? s._writableState?.length ?? 0;

/**
 * The stream where a sheet's XML waits for the compressor. exceljs's streaming writer (4.4) ignores
 * back-pressure: each sheet is a StreamBuf that archiver pipes into a PassThrough (`pipes[0]`), which keeps
 * whatever deflate has not taken yet, so a fast loop would hold most of the sheet's XML in memory. Null if
 * exceljs is built otherwise (then the builder only yields to the event loop).
 */
function zipBacklog(sheet: Worksheet): Buffered | null {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const first = (Array.isArray(pipes) ? pipes[0] : undefined) as Partial<Buffered> | undefined;
  const measurable = typeof first?.writableLength === 'number' || typeof first?._writableState?.length === 'number';
  return first && measurable && typeof first.once === 'function' && typeof first.off === 'function' ? (first as Buffered) : null;
}

/** Waits while more than MAX_BACKLOG bytes of XML wait for the compressor (at most a few seconds, never hangs). */
async function letZipCatchUp(sheet: Worksheet): Promise<void> {
  const backlog = zipBacklog(sheet);
  if (!backlog) return nextTurn();
  const giveUpAt = Date.now() + 5_000;
  while (bufferedBytes(backlog) > MAX_BACKLOG && Date.now() < giveUpAt) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 100);
      function done() {
        clearTimeout(timer);
        backlog!.off('drain', done);
        resolve();
      }
      backlog!.once('drain', done);
    });
  }
}

type ColumnSpec = { header: keyof ExportTexts; width: number; numFmt?: string };

function addSheet(workbook: stream.xlsx.WorkbookWriter, name: string, texts: ExportTexts, columns: ColumnSpec[]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} })) as Column[];
  const header = sheet.addRow(columns.map((c) => texts[c.header]));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.numFmt = 'General';
  });
  header.commit();
  return sheet;
}

/** Sums kept exactly (seconds, minor units) for the totals' results. */
interface Sums {
  seconds: number[];
  minor: number;
}

interface TotalsLayout {
  /** First and last data row. */
  first: number;
  last: number;
  currencyColumn: number;
  labelColumn: number;
  /** The hour columns, in the order of `Sums.seconds`. */
  hourColumns: number[];
  amountColumn: number;
}

/**
 * The totals rows under the data: one row of SUMs when the rows have at most one currency; else one row per
 * currency (SUMIF over the currency column) and, for rows without a currency (no contract), one row with the
 * rest, so that the hours of all totals rows still add up.
 */
function writeTotals(sheet: Worksheet, layout: TotalsLayout, texts: ExportTexts, byCurrency: Map<string | null, Sums>): void {
  if (layout.last < layout.first) return;
  const range = (col: number) => `${columnLetter(col)}${layout.first}:${columnLetter(col)}${layout.last}`;
  const currencies = [...byCurrency.keys()].filter((c): c is string => c !== null);
  const totalOf = (entries: Sums[]): Sums => ({
    seconds: layout.hourColumns.map((_, i) => entries.reduce((sum, s) => sum + (s.seconds[i] ?? 0), 0)),
    minor: entries.reduce((sum, s) => sum + s.minor, 0),
  });
  const write = (currency: string | null, sums: Sums, formulaOf: (col: number) => string): number => {
    const row = sheet.addRow([]);
    row.getCell(layout.labelColumn).value = texts.total;
    if (currency) row.getCell(layout.currencyColumn).value = currency;
    layout.hourColumns.forEach((col, i) => {
      const cell = row.getCell(col);
      cell.value = { formula: formulaOf(col), result: hours(sums.seconds[i] ?? 0) };
      cell.numFmt = HOURS_FORMAT;
    });
    const amount = row.getCell(layout.amountColumn);
    amount.value = { formula: formulaOf(layout.amountColumn), result: majorUnits(sums.minor, currency ? minorDigits(currency) : 2) };
    amount.numFmt = currencyFormat(currency);
    row.eachCell((cell) => (cell.font = { bold: true }));
    row.commit();
    return row.number;
  };

  if (currencies.length <= 1) {
    write(currencies[0] ?? null, totalOf([...byCurrency.values()]), (col) => `SUM(${range(col)})`);
    return;
  }
  const currencyRange = range(layout.currencyColumn).replace(/([A-Z]+)(\d+):([A-Z]+)(\d+)/, '$$$1$$$2:$$$3$$$4');
  const totalRows = currencies.map((currency) =>
    write(currency, totalOf([byCurrency.get(currency)!]), (col) => `SUMIF(${currencyRange},"${currency.replace(/"/g, '""')}",${range(col)})`),
  );
  const rest = byCurrency.get(null);
  if (rest) {
    const letter = columnLetter;
    const [firstTotal, lastTotal] = [totalRows[0], totalRows[totalRows.length - 1]];
    write(null, rest, (col) => `SUM(${range(col)})-SUM(${letter(col)}${firstTotal}:${letter(col)}${lastTotal})`);
  }
}

function addSums(map: Map<string | null, Sums>, currency: string | null, seconds: number[], minor: number): void {
  let sums = map.get(currency);
  if (!sums) {
    sums = { seconds: seconds.map(() => 0), minor: 0 };
    map.set(currency, sums);
  }
  seconds.forEach((s, i) => (sums.seconds[i] = (sums.seconds[i] ?? 0) + s));
  sums.minor += minor;
}

function setNumber(cell: Cell, value: number | null, numFmt: string): void {
  cell.value = value;
  cell.numFmt = numFmt;
}

// ---------------------------------------------------------------------------------------------------------

const SUMMARY_COLUMNS: ColumnSpec[] = [
  { header: 'customer', width: 28 },
  { header: 'contract', width: 28 },
  { header: 'currency', width: 10 },
  { header: 'rawHours', width: 14, numFmt: HOURS_FORMAT },
  { header: 'billableHours', width: 14, numFmt: HOURS_FORMAT },
  { header: 'amount', width: 16 },
  { header: 'includedHours', width: 14, numFmt: HOURS_FORMAT },
  { header: 'includedUsedHours', width: 14, numFmt: HOURS_FORMAT },
  { header: 'includedRemainingHours', width: 14, numFmt: HOURS_FORMAT },
  { header: 'overageHours', width: 14, numFmt: HOURS_FORMAT },
  { header: 'excludedHours', width: 14, numFmt: HOURS_FORMAT },
];

function writeSummary(workbook: stream.xlsx.WorkbookWriter, name: string, input: ExportInput): void {
  const sheet = addSheet(workbook, name, input.texts, SUMMARY_COLUMNS);
  const byCurrency = new Map<string | null, Sums>();
  for (const s of input.summaries) {
    const seconds = [
      s.rawSeconds,
      s.billableSeconds,
      s.includedSeconds,
      s.includedUsedSeconds,
      s.includedRemainingSeconds,
      s.overageSeconds,
      s.excludedSeconds,
    ];
    const row = sheet.addRow([s.customerName, s.contractName ?? '', s.currency, ...seconds.slice(0, 2).map(hours)]);
    setNumber(row.getCell(6), majorUnits(s.amount, s.currency ? minorDigits(s.currency) : 2), currencyFormat(s.currency));
    seconds.slice(2).forEach((sec, i) => (row.getCell(7 + i).value = hours(sec)));
    row.commit();
    addSums(byCurrency, s.currency, seconds, s.amount);
  }
  writeTotals(
    sheet,
    { first: 2, last: input.summaries.length + 1, labelColumn: 1, currencyColumn: 3, hourColumns: [4, 5, 7, 8, 9, 10, 11], amountColumn: 6 },
    input.texts,
    byCurrency,
  );
  sheet.commit();
}

const DETAIL_COLUMNS: ColumnSpec[] = [
  { header: 'customer', width: 24 },
  { header: 'contract', width: 24 },
  { header: 'issueKey', width: 12 },
  { header: 'issueSummary', width: 48 },
  { header: 'workType', width: 14 },
  { header: 'worklogId', width: 12 },
  { header: 'author', width: 22 },
  { header: 'started', width: 18 }, // 8: numFmt set per locale
  { header: 'date', width: 12 }, // 9
  { header: 'timeZone', width: 18 },
  { header: 'rawHours', width: 12, numFmt: HOURS_FORMAT }, // 11
  { header: 'roundedHours', width: 12, numFmt: HOURS_FORMAT }, // 12
  { header: 'billableHours', width: 12, numFmt: HOURS_FORMAT }, // 13
  { header: 'rate', width: 14 }, // 14
  { header: 'amount', width: 14 }, // 15
  { header: 'currency', width: 10 }, // 16
  { header: 'excludedReason', width: 32 },
];

async function writeDetails(workbook: stream.xlsx.WorkbookWriter, name: string, input: ExportInput): Promise<void> {
  const day = dateFormat(input.locale);
  const columns = DETAIL_COLUMNS.map((c) =>
    c.header === 'started' ? { ...c, numFmt: `${day} hh:mm` } : c.header === 'date' ? { ...c, numFmt: day } : c,
  );
  const sheet = addSheet(workbook, name, input.texts, columns);
  const byCurrency = new Map<string | null, Sums>();
  let done = 0;
  const detailRow = (line: BillingLine): CellValue[] => {
    const w = wallTime(line.started, line.timeZone);
    return [
      customerNameOf(input, line.customerKey),
      contractNameOf(input, line.contractId),
      line.issueKey,
      line.issueSummary,
      line.issueType,
      line.worklogId,
      line.authorName,
      excelDate(w.year, w.month, w.day, w.hour, w.minute, w.second),
      excelDateOf(line.date),
      line.timeZone,
      hours(line.rawSeconds),
      hours(line.roundedSeconds),
      hours(line.billableSeconds),
    ];
  };
  for await (const line of input.lines) {
    const row: Row = sheet.addRow(detailRow(line));
    const digits = line.currency ? minorDigits(line.currency) : 2;
    const money = currencyFormat(line.currency);
    setNumber(row.getCell(14), line.rate === null ? null : majorUnits(line.rate, digits), money);
    setNumber(row.getCell(15), majorUnits(line.amount, digits), money);
    row.getCell(16).value = line.currency;
    row.getCell(17).value = excludedReasonOf(input.texts, line);
    row.commit();
    addSums(byCurrency, line.currency, [line.rawSeconds, line.roundedSeconds, line.billableSeconds], line.amount);
    done += 1;
    if (done % PROGRESS_EVERY === 0) input.onProgress?.(done);
    if (done % YIELD_EVERY === 0) await letZipCatchUp(sheet);
  }
  const last = done + 1;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(last, 1), column: columns.length } };
  sheet.addRow([]).commit();
  writeTotals(
    sheet,
    { first: 2, last, labelColumn: 1, currencyColumn: 16, hourColumns: [11, 12, 13], amountColumn: 15 },
    input.texts,
    byCurrency,
  );
  sheet.commit();
  input.onProgress?.(done);
}

const RATE_COLUMNS: ColumnSpec[] = [
  { header: 'contract', width: 28 },
  { header: 'validFrom', width: 12 },
  { header: 'workType', width: 36 },
  { header: 'rate', width: 16 },
  { header: 'currency', width: 10 },
];

function writeRates(workbook: stream.xlsx.WorkbookWriter, name: string, input: ExportInput): void {
  const day = dateFormat(input.locale);
  const sheet = addSheet(workbook, name, input.texts, RATE_COLUMNS.map((c) => (c.header === 'validFrom' ? { ...c, numFmt: day } : c)));
  for (const contract of input.contracts.values()) {
    const digits = minorDigits(contract.currency);
    const money = currencyFormat(contract.currency);
    const cards = [...contract.rateCards].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (const card of cards) {
      const rates = [{ workType: input.texts.defaultWorkType, rate: card.defaultRate }, ...card.workTypeRates];
      for (const { workType, rate } of rates) {
        const row = sheet.addRow([contract.name, excelDateOf(card.validFrom), workType]);
        setNumber(row.getCell(4), majorUnits(rate, digits), money);
        row.getCell(5).value = contract.currency;
        row.commit();
      }
    }
  }
  sheet.commit();
}

export async function buildXlsx(input: ExportInput): Promise<Buffer> {
  const sink = new BufferSink();
  const workbook = new stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Service Manager for Jira';
  const taken = new Set<string>();
  const { texts } = input;
  // Created and committed one after the other: the zip takes one sheet at a time.
  writeSummary(workbook, sheetName(texts.sheetSummary, taken, 'Summary'), input);
  await writeDetails(workbook, sheetName(texts.sheetDetails, taken, 'Details'), input);
  writeRates(workbook, sheetName(texts.sheetRates, taken, 'Rates'), input);
  await workbook.commit();
  return Buffer.concat(sink.chunks);
}
