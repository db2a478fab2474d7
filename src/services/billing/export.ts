// Exports: a request is queued at once (the page polls its status); the job builds the month's report, writes
// the CSV or XLSX and stores it in chunks the page downloads.
import { randomUUID } from 'node:crypto';
import type { BillingExportStatus, BillingLine, BillingStartExportRequest } from '../../contract/billing';
import { NO_CUSTOMER } from '../../contract/billing';
import type { ExportJob } from '../../jobs/billing-queue';
import type { BillingStore } from '../../store/billing-store';
import { NotFoundError } from '../errors';
import { buildCsv } from './export-csv';
import { ENGLISH_EXPORT_TEXTS, EXPORT_TEXT_KEYS, type ExportTexts, exportFileName } from './export-texts';
import { buildXlsx } from './export-xlsx';
import { buildMonthReport, type ReportDeps } from './month-report';
import { summariesOf } from './summaries';

export interface StartExportDeps {
  billing: BillingStore;
  queue: (job: ExportJob) => Promise<void>;
}

export async function startExport(deps: StartExportDeps, request: BillingStartExportRequest, locale: string): Promise<BillingExportStatus> {
  const exportId = randomUUID();
  const status: BillingExportStatus = {
    exportId,
    state: 'queued',
    progress: 0,
    fileName: exportFileName(request.month, request.customerKey ?? null, request.format),
    chunks: 0,
    bytes: 0,
    message: null,
  };
  await deps.billing.saveExportStatus(status);
  await deps.queue({ kind: 'export', exportId, month: request.month, customerKey: request.customerKey ?? null, format: request.format, locale });
  return status;
}

export async function exportStatus(billing: BillingStore, exportId: string): Promise<BillingExportStatus> {
  const status = await billing.exportStatus(exportId);
  if (!status) throw new NotFoundError(`There is no export ${exportId}; exports are kept for a day.`);
  return status;
}

export async function exportChunk(billing: BillingStore, exportId: string, index: number): Promise<{ data: string }> {
  const data = await billing.exportChunk(exportId, index);
  if (data === null) throw new NotFoundError(`Part ${index} of export ${exportId} does not exist; exports are kept for a day.`);
  return { data };
}

/** Header texts in the requester's language; English where a translation is missing. */
export function exportTexts(t: ((key: string) => string) | null): ExportTexts {
  const texts = { ...ENGLISH_EXPORT_TEXTS };
  if (!t) return texts;
  for (const name of Object.keys(EXPORT_TEXT_KEYS) as (keyof ExportTexts)[]) {
    const text = t(EXPORT_TEXT_KEYS[name]);
    if (text !== EXPORT_TEXT_KEYS[name]) texts[name] = text;
  }
  return texts;
}

export async function runExport(deps: ReportDeps, job: ExportJob, texts: ExportTexts): Promise<BillingExportStatus> {
  const status = await exportStatus(deps.billing, job.exportId);
  const save = (change: Partial<BillingExportStatus>) => deps.billing.saveExportStatus(Object.assign(status, change));
  try {
    await save({ state: 'running', progress: 0.05 });
    const report = await buildMonthReport(deps, job.month);
    const keys = job.customerKey ? [job.customerKey] : [...report.lines.keys()];
    if (job.customerKey && job.customerKey !== NO_CUSTOMER && !report.terms.customers.has(job.customerKey)) throw new NotFoundError(`There is no customer ${job.customerKey}.`);
    const summaries = summariesOf(report).filter((s) => keys.includes(s.customerKey));
    const total = keys.reduce((n, k) => n + (report.lines.get(k)?.length ?? 0), 0);
    await save({ progress: 0.3 });
    let last = 0;
    // Progress writes go one after another, and all before the final status, which they must never overwrite.
    let progressWrites = Promise.resolve();
    const input = {
      month: job.month,
      locale: job.locale,
      texts,
      customers: new Map<string, { name: string }>([...[...report.terms.customers].map(([k, c]): [string, { name: string }] => [k, { name: c.name }]), [NO_CUSTOMER, { name: texts.noCustomer }]]),
      contracts: report.contracts,
      summaries,
      lines: linesOf(report.lines, keys),
      onProgress: (done: number) => {
        // Progress is written now and then, not per line: each write is a KVS request.
        if (total > 0 && done - last >= total / 10) {
          last = done;
          const progress = 0.3 + 0.6 * (done / total);
          progressWrites = progressWrites.then(() => save({ progress })).catch(() => undefined);
        }
      },
    };
    const file = job.format === 'csv' ? await buildCsv(input) : await buildXlsx(input);
    const chunks = await deps.billing.saveExportFile(job.exportId, file);
    await progressWrites;
    await save({ state: 'done', progress: 1, chunks, bytes: file.length });
    return status;
  } catch (error) {
    console.error(`billing export ${job.exportId} failed`, error);
    const message = error instanceof NotFoundError ? error.message : 'The export failed; try again. If it keeps failing, the app logs say why.';
    await save({ state: 'failed', message });
    return status;
  }
}

function* linesOf(lines: ReadonlyMap<string, BillingLine[]>, keys: readonly string[]): Generator<BillingLine> {
  for (const key of keys) yield* lines.get(key) ?? [];
}
