// Billing records in KVS: each customer's month (open or closed, its closing history and the id of its
// snapshot), the snapshot's invoice lines in pages, and exports with their files in expiring chunks.
import { randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { BillingExportStatus, BillingLine, ClosureEvent, CustomerMonthSummary } from '../contract/billing';
import { keys, MAX_VALUE_BYTES } from './keys';

const person = z.object({ accountId: z.string(), displayName: z.string() });
const periodSchema = z.object({
  /** The snapshot that is the invoice while closed; null while open. */
  snapshotId: z.string().nullable(),
  snapshotPages: z.number().int(),
  lineCount: z.number().int(),
  history: z.array(z.object({ action: z.enum(['closed', 'reopened']), at: z.string(), by: person, reason: z.string().nullable() })),
});
export type BillingPeriod = z.infer<typeof periodSchema>;

const exportSchema = z.object({
  exportId: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  fileName: z.string(),
  chunks: z.number().int(),
  bytes: z.number().int(),
  message: z.string().nullable(),
});

const summarySchema = z.custom<CustomerMonthSummary>((v) => typeof v === 'object' && v !== null && typeof (v as { customerKey?: unknown }).customerKey === 'string');
const notVisibleSchema = z.object({ issueKey: z.string(), summary: z.string(), seconds: z.number() });
const countSchema = z.object({
  countId: z.string(),
  /** ISO 8601. */
  computedAt: z.string(),
  lineCount: z.number().int(),
  customers: z.array(z.object({ key: z.string(), summary: summarySchema.nullable(), pages: z.number().int(), notVisible: z.array(notVisibleSchema) })),
});
/** A month counted in the background: each customer's figures then, and its live lines in pages. */
export type MonthCount = z.infer<typeof countSchema>;

/** Lines per snapshot page: a line is well under 600 bytes of JSON, so a page stays far below 240 KiB. */
export const SNAPSHOT_PAGE_LINES = 250;
/** Raw bytes per export chunk: base64 of it stays below the 240 KiB value limit. */
export const EXPORT_CHUNK_BYTES = 150 * 1024;
/** Exports are kept a day: long enough to download, short enough not to pile up. */
const EXPORT_TTL = { value: 1, unit: 'DAYS' } as const;

export interface BillingStore {
  period(customerKey: string, month: string): Promise<BillingPeriod | null>;
  /**
   * Closes a month: the snapshot's pages first, then the period that points to them, so a failure in between
   * leaves the month open (the orphan pages are never read). Throws when the month was closed meanwhile.
   */
  close(customerKey: string, month: string, snapshotId: string, lines: readonly BillingLine[], event: ClosureEvent): Promise<void>;
  reopen(customerKey: string, month: string, event: ClosureEvent): Promise<void>;
  snapshotLines(period: BillingPeriod): Promise<BillingLine[]>;
  exportStatus(exportId: string): Promise<BillingExportStatus | null>;
  saveExportStatus(status: BillingExportStatus): Promise<void>;
  saveExportFile(exportId: string, file: Buffer): Promise<number>;
  exportChunk(exportId: string, index: number): Promise<string | null>;
  monthCount(month: string): Promise<MonthCount | null>;
  /** Stores a month's count: the pages first, then the record that points to them, then the older pages go. */
  saveMonthCount(month: string, count: Omit<MonthCount, 'countId' | 'customers'> & { customers: (Omit<MonthCount['customers'][number], 'pages'> & { lines: readonly BillingLine[] })[] }): Promise<void>;
  countedLines(count: MonthCount, customerKey: string): Promise<BillingLine[]>;
}

function pagesOf<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SNAPSHOT_PAGE_LINES) out.push(items.slice(i, i + SNAPSHOT_PAGE_LINES));
  return out;
}

export class PeriodStateChanged extends Error {}

export function createBillingStore(): BillingStore {
  const readCount = async (month: string) => {
    const parsed = countSchema.safeParse(await kvs.get(keys.billingMonthCount(month)));
    return parsed.success ? parsed.data : null;
  };
  const read = async (customerKey: string, month: string) => {
    const parsed = periodSchema.safeParse(await kvs.get(keys.billingPeriod(customerKey, month)));
    return parsed.success ? parsed.data : null;
  };
  return {
    period: read,
    async close(customerKey, month, snapshotId, lines, event) {
      const pages = Math.ceil(lines.length / SNAPSHOT_PAGE_LINES);
      for (let p = 0; p < pages; p++) {
        const page = lines.slice(p * SNAPSHOT_PAGE_LINES, (p + 1) * SNAPSHOT_PAGE_LINES);
        if (Buffer.byteLength(JSON.stringify(page)) > MAX_VALUE_BYTES) throw new Error(`snapshot page ${p} of ${customerKey} ${month} exceeds the KVS value limit`);
        await kvs.set(keys.billingSnapshotPage(snapshotId, p), page);
      }
      const before = await read(customerKey, month);
      if (before?.snapshotId) throw new PeriodStateChanged(`${month} of ${customerKey} is already closed`);
      const period: BillingPeriod = { snapshotId, snapshotPages: pages, lineCount: lines.length, history: [...(before?.history ?? []), event] };
      await kvs.set(keys.billingPeriod(customerKey, month), period);
    },
    async reopen(customerKey, month, event) {
      const before = await read(customerKey, month);
      if (!before?.snapshotId) throw new PeriodStateChanged(`${month} of ${customerKey} is not closed`);
      await kvs.set(keys.billingPeriod(customerKey, month), { snapshotId: null, snapshotPages: 0, lineCount: 0, history: [...before.history, event] });
      for (let p = 0; p < before.snapshotPages; p++) await kvs.delete(keys.billingSnapshotPage(before.snapshotId, p));
    },
    async snapshotLines(period) {
      if (!period.snapshotId) return [];
      const out: BillingLine[] = [];
      for (let p = 0; p < period.snapshotPages; p++) {
        const page = await kvs.get<BillingLine[]>(keys.billingSnapshotPage(period.snapshotId, p));
        if (!page) throw new Error(`snapshot page ${p} of ${period.snapshotId} is missing`);
        out.push(...page);
      }
      return out;
    },
    async exportStatus(exportId) {
      const parsed = exportSchema.safeParse(await kvs.get(keys.billingExport(exportId)));
      return parsed.success ? parsed.data : null;
    },
    async saveExportStatus(status) {
      await kvs.set(keys.billingExport(status.exportId), exportSchema.parse(status), { ttl: EXPORT_TTL });
    },
    async saveExportFile(exportId, file) {
      const chunks = Math.max(1, Math.ceil(file.length / EXPORT_CHUNK_BYTES));
      for (let i = 0; i < chunks; i++) {
        const part = file.subarray(i * EXPORT_CHUNK_BYTES, (i + 1) * EXPORT_CHUNK_BYTES).toString('base64');
        await kvs.set(keys.billingExportChunk(exportId, i), part, { ttl: EXPORT_TTL });
      }
      return chunks;
    },
    monthCount: readCount,
    async saveMonthCount(month, count) {
      const countId = randomUUID();
      const customers: MonthCount['customers'] = [];
      for (const c of count.customers) {
        const pages = pagesOf(c.lines);
        for (const [n, page] of pages.entries()) await kvs.set(keys.billingMonthCountPage(countId, c.key, n), page);
        customers.push({ key: c.key, summary: c.summary, pages: pages.length, notVisible: c.notVisible });
      }
      const before = await readCount(month);
      await kvs.set(keys.billingMonthCount(month), countSchema.parse({ countId, computedAt: count.computedAt, lineCount: count.lineCount, customers }));
      for (const c of before?.customers ?? []) {
        for (let n = 0; n < c.pages; n++) await kvs.delete(keys.billingMonthCountPage(before?.countId ?? '', c.key, n));
      }
    },
    async countedLines(count, customerKey) {
      const entry = count.customers.find((c) => c.key === customerKey);
      const out: BillingLine[] = [];
      for (let n = 0; n < (entry?.pages ?? 0); n++) {
        const page = await kvs.get<BillingLine[]>(keys.billingMonthCountPage(count.countId, customerKey, n));
        if (!page) throw new Error(`page ${n} of the count of ${customerKey} is missing`);
        out.push(...page);
      }
      return out;
    },
    async exportChunk(exportId, index) {
      const value = await kvs.get<string>(keys.billingExportChunk(exportId, index));
      return typeof value === 'string' ? value : null;
    },
  };
}
