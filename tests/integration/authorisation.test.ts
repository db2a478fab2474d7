// Any resolver can be invoked from any module: the admin page is not a boundary. An engineer and a customer's
// contact call every configuration resolver from every module of the manifest, with an empty and a valid
// payload: each answers FORBIDDEN, says nothing about the data, and storage is unchanged.
import type { LocalHost } from '../../local/host';
import { RESOLVER_ACCESS, type RequestOf, type ResolverName } from '../../src/contract/resolvers';
import { ADMIN, CONTACT, ENGINEER, caller, ok, startDemoHost, storageSnapshot } from './helpers/admin-host';

/** The configuration resolvers (billing's have a test of their own: billing-authorisation.test.ts). */
type AdminResolver = Exclude<{ [N in ResolverName]: (typeof RESOLVER_ACCESS)[N] extends 'admin' ? N : never }[ResolverName], `billing${string}`>;

describe('configuration resolvers are for Jira administrators only, whichever module calls them', () => {
  let host: LocalHost;
  let valid: { [N in AdminResolver]: RequestOf<N> };

  beforeAll(async () => {
    host = await startDemoHost();
    const admin = caller(host, ADMIN);
    const config = ok(await admin('getAdminConfig', {}));
    const [customer] = config.customers;
    const [contract] = config.contracts;
    const [calendar] = config.calendars;
    const [policy] = config.policies;
    if (!customer || !contract || !calendar || !policy) throw new Error('the demo configuration is missing');
    const { meta: _c, ...customerRecord } = customer;
    const { meta: _k, ...contractRecord } = contract;
    const { meta: _l, ...calendarRecord } = calendar;
    const { version: _v, savedAt: _a, savedBy: _b, ...draft } = policy.latest;
    const { meta: _s, ...settings } = config.settings;
    // Payloads an admin's call would succeed with (checked below), so a refusal is about the caller alone.
    valid = {
      getAdminConfig: {},
      getJiraCatalog: {},
      saveCustomer: { customer: { ...customerRecord, name: 'Renamed by an intruder' }, expectedRevision: customer.meta.revision },
      deleteCustomer: { key: customer.key, expectedRevision: customer.meta.revision },
      saveContract: { contract: { ...contractRecord, includedHoursPerMonth: 999 }, expectedRevision: contract.meta.revision },
      deleteContract: { id: contract.id, expectedRevision: contract.meta.revision },
      saveCalendar: { calendar: { ...calendarRecord, weekly: {} }, expectedRevision: calendar.meta.revision },
      deleteCalendar: { id: calendar.id, expectedRevision: calendar.meta.revision },
      saveSlaPolicy: { policy: { ...draft, name: 'Intruder' }, expectedRevision: policy.meta.revision },
      deleteSlaPolicy: { id: policy.id, expectedRevision: policy.meta.revision },
      getSlaPolicyVersions: { id: policy.id },
      simulateSlaPolicy: { issueKey: 'ALP-12', policy: draft },
      saveSettings: { settings: { ...settings, billingGroups: ['customer-alpenbank'] }, expectedRevision: config.settings.meta.revision },
      saveMatchingRules: { matching: { rules: [] }, expectedRevision: config.matching.meta.revision },
      exportConfig: {},
      importConfig: { backup: ok(await admin('exportConfig', {})) },
    };
  });
  afterAll(async () => {
    await host.close();
  });

  const adminResolvers = (Object.keys(RESOLVER_ACCESS) as ResolverName[]).filter((n): n is AdminResolver => RESOLVER_ACCESS[n] === 'admin' && !n.startsWith('billing'));

  it('covers every configuration resolver of the contract', () => {
    expect(adminResolvers).toHaveLength(16);
    expect(Object.keys(valid).sort()).toEqual([...adminResolvers].sort());
  });

  it('accepts the valid payloads from the Jira admin (so the refusals below are about the caller)', async () => {
    const admin = caller(host, ADMIN);
    for (const name of ['getAdminConfig', 'getJiraCatalog', 'getSlaPolicyVersions', 'simulateSlaPolicy', 'exportConfig'] as const) {
      expect((await admin(name, valid[name])).ok).toBe(true);
    }
  });

  for (const [who, accountId] of [
    ['an engineer', ENGINEER],
    ["a customer's contact", CONTACT],
  ] as const) {
    it(`answers FORBIDDEN to ${who} for every resolver on every module, and changes nothing`, async () => {
      const modules = host.forge.manifest.uiModules.filter((m) => m.resolverFunction);
      expect(modules.map((m) => m.type).sort()).toEqual(['jira:adminPage', 'jira:globalPage', 'jira:issueContext', 'jira:issuePanel']);
      const before = storageSnapshot(host);
      let calls = 0;
      for (const module of modules) {
        const call = caller(host, accountId, module.key);
        for (const name of adminResolvers) {
          for (const payload of [{}, valid[name]]) {
            const answer = await call(name, payload);
            expect({ module: module.key, name, answer }).toEqual({
              module: module.key,
              name,
              answer: { ok: false, error: { code: 'FORBIDDEN', message: 'You do not have permission to do this. Only Jira administrators can manage Service Manager.' } },
            });
            calls++;
          }
        }
      }
      expect(calls).toBe(modules.length * adminResolvers.length * 2);
      expect(storageSnapshot(host)).toBe(before);
    });
  }

  it("refuses in the caller's language", async () => {
    const answer = await caller(host, ENGINEER, undefined, 'de-CH')('getAdminConfig', {});
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Dazu fehlt Ihnen die Berechtigung. Nur Jira-Administratoren können Service Manager verwalten.' } });
  });

  it('asks Jira about the caller before reading the payload, and caches the answer briefly', async () => {
    host.jira.resetCalls();
    const call = caller(host, '712020:anna.schmid');
    await call('saveCustomer', { customer: 'not even an object' });
    await call('getAdminConfig', {});
    const calls = host.jira.calls();
    expect(calls).toEqual({ 'GET /rest/api/3/mypermissions': 1 });
  });

  it('lets the Jira admin through with the same payloads: they are valid, so the refusals were about the caller', async () => {
    const admin = caller(host, ADMIN);
    for (const name of adminResolvers) {
      const answer = await admin(name, valid[name]);
      // A write may still be refused for what it would do (a stale revision, contracts left behind), never for its shape.
      expect({ name, code: answer.ok ? 'OK' : answer.error.code }).toEqual({ name, code: expect.stringMatching(/^(OK|CONFLICT)$/) });
    }
  });
});
