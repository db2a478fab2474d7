// Queue consumer of `billing-jobs`: exports, with their headers in the requester's language, worklog syncs, and
// counts of months too large for a resolver.
import { i18n } from '@forge/api';
import { z } from 'zod';
import { EXPORT_FORMATS } from '../contract/billing';
import { forgeLocale } from '../contract/locale';
import { exportTexts, runExport } from '../services/billing/export';
import { countMonth } from '../services/billing/month-count';
import { billingDeps } from '../services/billing/runtime';
import { billingSync } from './billing-sync';

const syncSchema = z.object({ kind: z.literal('sync') });
const countSchema = z.object({ kind: z.literal('count'), month: z.string().regex(/^\d{4}-\d{2}$/) });
const exportSchema = z.object({
  kind: z.literal('export'),
  exportId: z.string(),
  month: z.string(),
  customerKey: z.string().nullable(),
  format: z.enum(EXPORT_FORMATS),
  locale: z.string(),
});

export async function onBillingJob(event: { body?: unknown }): Promise<void> {
  if (syncSchema.safeParse(event.body).success) {
    await billingSync();
    return;
  }
  const count = countSchema.safeParse(event.body);
  if (count.success) {
    await countMonth(billingDeps(), count.data.month);
    return;
  }
  const parsed = exportSchema.safeParse(event.body);
  if (!parsed.success) {
    console.warn('billing-jobs: skipped a job of unexpected shape');
    return;
  }
  const job = parsed.data;
  let t: ((key: string) => string) | null = null;
  try {
    t = await i18n.createTranslationFunction(forgeLocale(job.locale));
  } catch (failure) {
    console.warn(`billing-jobs: translations unavailable, headers in English (${String(failure)})`);
  }
  await runExport(billingDeps(), job, exportTexts(t));
}
