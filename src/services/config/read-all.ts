// Every stored configuration record, read at once (the admin page's load, export and import start here).
import type { ConfigStore } from '../../store/config-store';

export async function readAllConfig(store: ConfigStore) {
  const [customers, contracts, calendars, policies, settings, matching] = await Promise.all([
    store.listCustomers(),
    store.listContracts(),
    store.listCalendars(),
    store.listPolicies(),
    store.getSettings(),
    store.getMatching(),
  ]);
  return { customers, contracts, calendars, policies, settings, matching };
}
