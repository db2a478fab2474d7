// The `billing-jobs` queue (@forge/events): exports, which may take longer than a resolver may run, and the
// first worklog sync after install (the scheduled one starts within minutes; the page needs data now).
import { Queue } from '@forge/events';
import type { ExportFormat } from '../contract/billing';

export interface ExportJob {
  kind: 'export';
  exportId: string;
  month: string;
  customerKey: string | null;
  format: ExportFormat;
  /** The requester's Jira locale, for the file's headers. */
  locale: string;
}

export type BillingJob = ExportJob | { kind: 'sync' } | { kind: 'count'; month: string };

export async function queueBillingJob(job: BillingJob): Promise<void> {
  await new Queue({ key: 'billing-jobs' }).push([{ body: { ...job } }]);
}
