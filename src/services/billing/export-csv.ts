// Billing export as CSV: one row per worklog, for accounting software and spreadsheets. UTF-8 with a byte
// order mark (so that Excel reads it as UTF-8), RFC 4180 (CRLF line ends; a field with a comma, a quote, CR or
// LF is quoted and its quotes doubled). Numbers are machine-readable in every locale (a dot, no grouping);
// only the header row is in the viewer's language.
//
// The file is built as a list of Buffer chunks of about 64 KB, so that 100,000 lines never become one giant
// string, and the lines are read once, as they come.
import type { BillingLine } from '../../contract/billing';
import {
  PROGRESS_EVERY,
  contractNameOf,
  customerNameOf,
  excludedReasonOf,
  formatHours,
  formatMajorUnits,
  isoLocal,
  minorDigits,
  type ExportInput,
  type ExportTexts,
} from './export-texts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CRLF = '\r\n';
const CHUNK_CHARS = 64 * 1024;

/** The columns, in order: the header's text, and the field of a line (`text` fields get the formula guard). */
type Column = { header: keyof ExportTexts; kind: 'text' | 'number'; value: (line: BillingLine, input: ExportInput) => string };

const money = (minor: number | null, currency: string | null) =>
  minor === null ? '' : formatMajorUnits(minor, currency ? minorDigits(currency) : 2);

export const CSV_COLUMNS: readonly Column[] = [
  { header: 'customer', kind: 'text', value: (l, i) => customerNameOf(i, l.customerKey) },
  { header: 'contract', kind: 'text', value: (l, i) => contractNameOf(i, l.contractId) },
  { header: 'issueKey', kind: 'text', value: (l) => l.issueKey },
  { header: 'issueSummary', kind: 'text', value: (l) => l.issueSummary },
  { header: 'workType', kind: 'text', value: (l) => l.issueType },
  { header: 'worklogId', kind: 'text', value: (l) => l.worklogId },
  { header: 'author', kind: 'text', value: (l) => l.authorName },
  { header: 'started', kind: 'number', value: (l) => isoLocal(l.started, l.timeZone) },
  { header: 'date', kind: 'number', value: (l) => l.date },
  { header: 'timeZone', kind: 'text', value: (l) => l.timeZone },
  { header: 'rawHours', kind: 'number', value: (l) => formatHours(l.rawSeconds) },
  { header: 'roundedHours', kind: 'number', value: (l) => formatHours(l.roundedSeconds) },
  { header: 'billableHours', kind: 'number', value: (l) => formatHours(l.billableSeconds) },
  { header: 'rate', kind: 'number', value: (l) => money(l.rate, l.currency) },
  { header: 'amount', kind: 'number', value: (l) => money(l.amount, l.currency) },
  { header: 'currency', kind: 'text', value: (l) => l.currency ?? '' },
  { header: 'excludedReason', kind: 'text', value: (l, i) => excludedReasonOf(i.texts, l) },
];

// Formula injection guard (OWASP "CSV injection"): a spreadsheet that opens the file evaluates a cell that
// starts with = + - or @ as a formula (and a leading tab or CR can hide such a start), so a worklog author or
// an issue summary could run a formula on the accountant's machine. A text field starting with one of these
// characters gets a leading apostrophe, which spreadsheets show as text. Numbers and dates are never guarded:
// they are ours, never start with such a character, and must stay machine-readable.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 writes it. */
export function csvField(value: string, kind: 'text' | 'number' = 'text'): string {
  const guarded = kind === 'text' && FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export async function buildCsv(input: ExportInput): Promise<Buffer> {
  const chunks: Buffer[] = [BOM];
  let pending: string[] = [];
  let pendingChars = 0;
  const push = (row: string) => {
    pending.push(row);
    pendingChars += row.length;
    if (pendingChars >= CHUNK_CHARS) flush();
  };
  const flush = () => {
    if (pending.length === 0) return;
    chunks.push(Buffer.from(pending.join(''), 'utf8'));
    pending = [];
    pendingChars = 0;
  };

  push(CSV_COLUMNS.map((c) => csvField(input.texts[c.header])).join(',') + CRLF);
  let done = 0;
  for await (const line of input.lines) {
    push(CSV_COLUMNS.map((c) => csvField(c.value(line, input), c.kind)).join(',') + CRLF);
    done += 1;
    if (done % PROGRESS_EVERY === 0) input.onProgress?.(done);
  }
  flush();
  input.onProgress?.(done);
  return Buffer.concat(chunks);
}
