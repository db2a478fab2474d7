// Billing data is for Jira administrators and the billing groups set on the admin page. An engineer and a
// customer's contact call every `billing*` resolver from every module, with an empty and a valid payload: each
// answers FORBIDDEN before the payload is read, and storage is unchanged. A billing group's member gets in,
// but may not reopen a closed month (an administrator's decision).
import type { LocalHost } from '../../local/host';
import { RESOLVER_ACCESS, type RequestOf, type ResolverName } from '../../src/contract/resolvers';
import { ADMIN, CONTACT, ENGINEER, caller, ok, startDemoHost, storageSnapshot } from './helpers/admin-host';

type BillingResolver = Extract<ResolverName, `billing${string}`>;

const FORBIDDEN = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'You do not have permission to see billing. Only Jira administrators and the billing groups set on the admin page may see or export billable hours.' },
};
const FORBIDDEN_ADMIN = { ok: false, error: { code: 'FORBIDDEN', message: 'You do not have permission to do this. Only Jira administrators can manage Service Manager.' } };

describe('billing resolvers are for Jira administrators and the billing groups, whichever module calls them', () => {
  let host: LocalHost;
  let valid: { [N in BillingResolver]: RequestOf<N> };
  const names = (Object.keys(RESOLVER_ACCESS) as ResolverName[]).filter((n): n is BillingResolver => n.startsWith('billing'));

  beforeAll(async () => {
    host = await startDemoHost();
    const admin = caller(host, ADMIN);
    const started = ok(await admin('billingStartExport', { month: '2026-05', format: 'csv' }));
    await host.forge.idle();
    valid = {
      billingOverview: { month: '2026-05' },
      billingCustomerMonth: { month: '2026-05', customerKey: 'alpenbank' },
      billingStartExport: { month: '2026-05', customerKey: 'alpenbank', format: 'xlsx' },
      billingExportStatus: { exportId: started.exportId },
      billingExportChunk: { exportId: started.exportId, index: 0 },
      billingCloseMonth: { month: '2026-04', customerKey: 'alpenbank' },
      billingReopenMonth: { month: '2026-04', customerKey: 'alpenbank', reason: 'An intruder wants it open' },
    };
  }, 120_000);
  afterAll(async () => {
    await host.close();
  });

  it('covers every billing resolver of the contract', () => {
    expect(names.sort()).toEqual(Object.keys(valid).sort());
    expect(names.map((n) => RESOLVER_ACCESS[n]).filter((a: string) => a !== 'billing' && a !== 'admin')).toEqual([]);
  });

  for (const [who, accountId] of [
    ['an engineer', ENGINEER],
    ["a customer's contact", CONTACT],
  ] as const) {
    it(`answers FORBIDDEN to ${who} for every billing resolver on every module, and changes nothing`, async () => {
      const modules = host.forge.manifest.uiModules.filter((m) => m.resolverFunction);
      expect(modules.map((m) => m.key).sort()).toEqual(['service-admin-page', 'service-board', 'service-issue-context', 'service-issue-panel']);
      const before = storageSnapshot(host);
      let calls = 0;
      for (const module of modules) {
        const call = caller(host, accountId, module.key);
        for (const name of names) {
          for (const payload of [{}, valid[name]]) {
            const answer = await call(name, payload);
            expect({ module: module.key, name, answer }).toEqual({ module: module.key, name, answer: RESOLVER_ACCESS[name] === 'admin' ? FORBIDDEN_ADMIN : FORBIDDEN });
            calls++;
          }
        }
      }
      expect(calls).toBe(modules.length * names.length * 2);
      expect(storageSnapshot(host)).toBe(before);
    });
  }

  it('lets a member of a billing group see billing, but only an administrator reopen a month', async () => {
    const admin = caller(host, ADMIN);
    const config = ok(await admin('getAdminConfig', {}));
    const { meta, ...settings } = config.settings;
    // The engineer is in the service team's group.
    ok(await admin('saveSettings', { settings: { ...settings, billingGroups: ['service-team'] }, expectedRevision: meta.revision }));
    // Another engineer than the one refused above: rights are cached for 30 s.
    const member = caller(host, '712020:anna.schmid', 'service-board');
    const overview = ok(await member('billingOverview', { month: '2026-05' }));
    expect(overview.customers.length).toBeGreaterThan(0);
    ok(await member('billingCloseMonth', { month: '2026-04', customerKey: 'alpenbank' }));
    expect(await member('billingReopenMonth', { month: '2026-04', customerKey: 'alpenbank', reason: 'typo' })).toEqual(FORBIDDEN_ADMIN);
    const detail = ok(await member('billingCustomerMonth', { month: '2026-04', customerKey: 'alpenbank' }));
    expect(detail.mayReopen).toBe(false);
    expect(ok(await admin('billingCustomerMonth', { month: '2026-04', customerKey: 'alpenbank' })).mayReopen).toBe(true);
  });
});
