// Use case: everything the admin page shows, in one read.
import type { AdminConfig } from '../../contract/config';
import type { BackfillStore } from '../../store/backfill-store';
import type { ConfigStore } from '../../store/config-store';
import { StoredRecordError } from '../../store/errors';
import { summarise } from './policies';
import { readAllConfig } from './read-all';
import { matchingOrDefault, settingsOrDefault } from './settings';

export async function loadAdminConfig(store: ConfigStore, backfills: BackfillStore): Promise<AdminConfig> {
  const [{ customers, contracts, calendars, policies: heads, settings, matching }, backfill] = await Promise.all([readAllConfig(store), backfills.state()]);
  const policies = await Promise.all(
    heads.map(async (head) => {
      const latest = await store.getPolicyVersion(head.record.id, head.record.latestVersion);
      if (!latest) throw new StoredRecordError(`SLA policy '${head.record.id}' has no stored version ${head.record.latestVersion}`);
      return summarise(head, latest);
    }),
  );
  return {
    customers: customers.map((c) => ({ ...c.record, meta: c.meta })),
    contracts: contracts.map((c) => ({ ...c.record, meta: c.meta })),
    calendars: calendars.map((c) => ({ ...c.record, meta: c.meta })),
    policies,
    settings: settingsOrDefault(settings),
    matching: matchingOrDefault(matching),
    backfill: backfill && {
      reason: backfill.reason,
      startedAt: backfill.startedAt,
      finishedAt: backfill.finishedAt,
      total: backfill.total,
      done: backfill.done,
      failed: backfill.failed,
    },
  };
}
