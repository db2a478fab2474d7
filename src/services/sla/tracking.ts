// Which customer, contract, calendar and policy version govern an issue's clocks, from the stored configuration.
import type { CalendarRecord, Contract, Customer, PolicyVersion, Settings } from '../../contract/config';
import type { SlaUntracked } from '../../contract/sla';
import { contractInForce, localDate } from '../../domain/contracts';
import { createMatcher, type CustomerMatcher, type IssueFacts } from '../../domain/customers';
import type { Policy } from '../../domain/sla';
import type { ConfigStore } from '../../store/config-store';
import { toEnginePolicy } from '../config/policies';
import { settingsOrDefault } from '../config/settings';

export type Tracking =
  | { tracked: false; untracked: SlaUntracked; customer: Customer | null; contract: Contract | null }
  | {
      tracked: true;
      customer: Customer;
      contract: Contract;
      calendar: CalendarRecord;
      version: PolicyVersion;
      policy: Policy;
    };

/**
 * The configuration one invocation works with, read lazily and kept for its length (a sweep or a backfill page
 * tracks many issues with the same records).
 */
export class TrackingConfig {
  private matcher?: Promise<CustomerMatcher>;
  private settings?: Promise<Settings>;
  private readonly customers = new Map<string, Promise<Customer | null>>();
  private readonly contracts = new Map<string, Promise<Contract[]>>();
  private readonly calendars = new Map<string, Promise<CalendarRecord | null>>();
  private readonly versions = new Map<string, Promise<PolicyVersion | null>>();

  constructor(private readonly store: ConfigStore) {}

  agentGroups(): Promise<string[]> {
    this.settings ??= this.store.getSettings().then((s) => settingsOrDefault(s));
    return this.settings.then((s) => s.agentGroups);
  }

  /** What governs the issue's clocks at `now` (the contract in force today, in the customer's zone). */
  async resolve(issue: IssueFacts, now: number): Promise<Tracking> {
    this.matcher ??= this.store.getMatching().then((m) => createMatcher(m?.record.rules ?? []));
    const match = (await this.matcher)(issue);
    const customer = match ? await this.memo(this.customers, match.customerKey, () => this.store.getCustomer(match.customerKey).then((c) => c?.record ?? null)) : null;
    if (!customer) return { tracked: false, untracked: 'noCustomer', customer: null, contract: null };
    const contracts = await this.memo(this.contracts, customer.key, () => this.store.listContractsOf(customer.key).then((list) => list.map((c) => c.record)));
    const contract = contractInForce(contracts, customer.key, localDate(now, customer.timeZone));
    if (!contract) return { tracked: false, untracked: 'noContract', customer, contract: null };
    const version = await this.memo(this.versions, contract.policyId, async () => {
      const head = await this.store.getPolicy(contract.policyId);
      return head ? this.store.getPolicyVersion(head.record.id, head.record.latestVersion) : null;
    });
    if (!version) return { tracked: false, untracked: 'noPolicy', customer, contract };
    const calendar = await this.calendar(contract.calendarId);
    if (!calendar) return { tracked: false, untracked: 'noCalendar', customer, contract };
    const metricCalendars = new Map<string, CalendarRecord>();
    for (const metric of version.metrics) {
      if (!metric.calendarId) continue;
      const own = await this.calendar(metric.calendarId);
      if (own) metricCalendars.set(own.id, own);
    }
    return { tracked: true, customer, contract, calendar, version, policy: toEnginePolicy(version, metricCalendars) };
  }

  private calendar(id: string): Promise<CalendarRecord | null> {
    return this.memo(this.calendars, id, () => this.store.getCalendar(id).then((c) => c?.record ?? null));
  }

  private memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let found = cache.get(key);
    if (!found) {
      found = load();
      cache.set(key, found);
    }
    return found;
  }
}
