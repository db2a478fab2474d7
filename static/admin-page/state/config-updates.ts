// The loaded configuration after a save or delete: the record the server answered replaces the old one, so the
// page shows what is stored without loading everything again.
import type { AdminConfig, Matching, PolicySummary, RuleFinding, Settings, WithMeta } from '@contract/config';
import type { CalendarRecord, Contract, Customer } from '@contract/config';

function upsert<T>(list: T[], item: T, same: (a: T) => boolean): T[] {
  const at = list.findIndex(same);
  if (at < 0) return [...list, item];
  return list.map((x, i) => (i === at ? item : x));
}

export const withCustomer = (c: AdminConfig, saved: WithMeta<Customer>): AdminConfig => ({
  ...c,
  customers: upsert(c.customers, saved, (x) => x.key === saved.key),
});
export const withoutCustomer = (c: AdminConfig, key: string): AdminConfig => ({ ...c, customers: c.customers.filter((x) => x.key !== key) });

export const withContract = (c: AdminConfig, saved: WithMeta<Contract>): AdminConfig => ({
  ...c,
  contracts: upsert(c.contracts, saved, (x) => x.id === saved.id),
});
export const withoutContract = (c: AdminConfig, id: string): AdminConfig => ({ ...c, contracts: c.contracts.filter((x) => x.id !== id) });

export const withCalendar = (c: AdminConfig, saved: WithMeta<CalendarRecord>): AdminConfig => ({
  ...c,
  calendars: upsert(c.calendars, saved, (x) => x.id === saved.id),
});
export const withoutCalendar = (c: AdminConfig, id: string): AdminConfig => ({ ...c, calendars: c.calendars.filter((x) => x.id !== id) });

export const withPolicy = (c: AdminConfig, saved: PolicySummary): AdminConfig => ({
  ...c,
  policies: upsert(c.policies, saved, (x) => x.id === saved.id),
});
export const withoutPolicy = (c: AdminConfig, id: string): AdminConfig => ({ ...c, policies: c.policies.filter((x) => x.id !== id) });

export const withSettings = (c: AdminConfig, saved: WithMeta<Settings>): AdminConfig => ({ ...c, settings: saved });

export const withMatching = (c: AdminConfig, saved: WithMeta<Matching> & { findings: RuleFinding[] }): AdminConfig => ({
  ...c,
  matching: saved,
});
