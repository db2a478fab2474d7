// The configuration records through the real admin resolvers on the local runtime, over the demo company.
import type { LocalHost } from '../../local/host';
import type { Backup, CalendarRecord, Contract, Customer, PolicyDraft } from '../../src/contract/config';
import { ADMIN, caller, ok, startDemoHost, storageSnapshot } from './helpers/admin-host';

const customer = (overrides: Partial<Customer> = {}): Customer => ({
  key: 'nordlicht',
  name: 'Nordlicht Energie GmbH',
  tier: 'silver',
  timeZone: 'Europe/Berlin',
  serviceManagerAccountId: '712020:sofia.brandt',
  contacts: [{ name: 'Jana Vogel', email: 'jana.vogel@nordlicht.example', role: 'IT lead', lastReviewedOn: '2026-05-04' }],
  ...overrides,
});

const contract = (overrides: Partial<Contract> = {}): Contract => ({
  id: 'nordlicht-2026',
  customerKey: 'nordlicht',
  name: 'Support 2026',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  calendarId: 'matterhorn-support',
  policyId: 'silver-sla',
  includedHoursPerMonth: 20,
  currency: 'EUR',
  rateCards: [{ validFrom: '2026-01-01', defaultRate: 14_000, workTypeRates: [] }],
  rounding: { mode: 'up', minutes: 15 },
  nonBillable: { labels: ['warranty'], issueTypes: [] },
  ...overrides,
});

const calendar = (overrides: Partial<CalendarRecord> = {}): CalendarRecord => ({
  id: 'berlin-office',
  name: 'Berlin office hours',
  timeZone: 'Europe/Berlin',
  weekly: { mon: [['08:00', '12:00'], ['13:00', '17:00']], tue: [['08:00', '17:00']] },
  holidays: [{ date: '2026-10-03', name: 'Tag der Deutschen Einheit' }],
  yearlyHolidays: [{ date: '12-24', hours: [['08:00', '12:00']], name: 'Heiligabend' }],
  ...overrides,
});

describe('configuration through the admin resolvers', () => {
  let host: LocalHost;
  let admin: ReturnType<typeof caller>;

  beforeEach(async () => {
    host = await startDemoHost();
    admin = caller(host, ADMIN);
  });
  afterEach(async () => {
    await host.close();
  });

  it('holds the demo company, created through importConfig on start', async () => {
    const config = ok(await admin('getAdminConfig', {}));
    expect(config.customers.map((c) => c.key).sort()).toEqual(['alpenbank', 'hudson', 'liberty', 'lotus', 'matterhorn', 'saffron']);
    expect(config.contracts).toHaveLength(6);
    expect(new Set(config.contracts.map((c) => c.customerKey)).size).toBe(6);
    expect(config.policies.map((p) => p.id).sort()).toEqual(['bronze-sla', 'gold-sla', 'platinum-sla', 'silver-sla']);
    const platinum = config.policies.find((p) => p.id === 'platinum-sla');
    expect(platinum?.latest.metrics.map((m) => m.key)).toEqual(['firstResponse', 'resolution']);
    expect(config.matching.rules.find((r) => r.customerKey === 'alpenbank')?.conditions).toEqual([{ field: 'project', values: ['ALP', 'ALPOPS'] }]);
    expect(config.matching.findings).toEqual([]);
    expect(config.customers[0]?.meta).toMatchObject({ revision: 1, updatedBy: { accountId: ADMIN, displayName: 'Morgan Keller' } });
  });

  it('creates and edits a customer, and refuses a save based on a stale revision', async () => {
    const created = ok(await admin('saveCustomer', { customer: customer(), expectedRevision: null }));
    expect(created.meta.revision).toBe(1);
    const again = await admin('saveCustomer', { customer: customer(), expectedRevision: null });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Changed by Morgan Keller'), conflict: { revision: 1 } } });

    const edited = ok(await admin('saveCustomer', { customer: customer({ name: 'Nordlicht Energie AG' }), expectedRevision: 1 }));
    expect(edited.meta.revision).toBe(2);

    // Sofia's page still holds revision 1: her save is refused and says who changed it and when.
    const stale = await caller(host, '712020:sofia.brandt')('saveCustomer', { customer: customer({ tier: 'gold' }), expectedRevision: 1 });
    expect(stale).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    const staleAdmin = await admin('saveCustomer', { customer: customer({ tier: 'gold' }), expectedRevision: 1 });
    const at = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(edited.meta.updatedAt));
    expect(staleAdmin).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: `Changed by Morgan Keller at ${at}; reload to see it.`,
        conflict: { updatedBy: 'Morgan Keller', updatedAt: edited.meta.updatedAt, revision: 2 },
      },
    });
    // In the caller's language and time zone (Forge's i18n in functions, de-CH reads de-DE).
    const german = await caller(host, ADMIN, undefined, 'de-CH', 'Europe/Zurich')('saveCustomer', { customer: customer(), expectedRevision: 1 });
    const zurich = new Intl.DateTimeFormat('de-CH', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Zurich' }).format(new Date(edited.meta.updatedAt));
    expect(german).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `Von Morgan Keller geändert (${zurich}); laden Sie neu, um die Änderung zu sehen.` } });
    const stored = ok(await admin('getAdminConfig', {})).customers.find((c) => c.key === 'nordlicht');
    expect(stored).toMatchObject({ name: 'Nordlicht Energie AG', tier: 'silver', meta: { revision: 2 } });
  });

  it('keeps one contract in force per customer and day, and refuses to orphan contracts', async () => {
    ok(await admin('saveCustomer', { customer: customer(), expectedRevision: null }));
    ok(await admin('saveContract', { contract: contract(), expectedRevision: null }));

    const overlapping = await admin('saveContract', { contract: contract({ id: 'nordlicht-extra', validFrom: '2026-12-31', validTo: null }), expectedRevision: null });
    expect(overlapping).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'contract.validFrom', message: expect.stringContaining("overlaps contract 'Support 2026'") } });
    ok(await admin('saveContract', { contract: contract({ id: 'nordlicht-2027', name: 'Support 2027', validFrom: '2027-01-01', validTo: null }), expectedRevision: null }));

    const badRefs = await admin('saveContract', { contract: contract({ id: 'x-1', calendarId: 'nowhere', policyId: 'none', validFrom: '2030-01-01', validTo: '2029-01-01' }), expectedRevision: null });
    expect(badRefs).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'contract.calendarId' } });
    if (!badRefs.ok) expect(badRefs.error.fields?.map((f) => f.field)).toEqual(['contract.calendarId', 'contract.policyId', 'contract.validTo']);

    const config = ok(await admin('getAdminConfig', {}));
    const stored = config.customers.find((c) => c.key === 'nordlicht');
    const refused = await admin('deleteCustomer', { key: 'nordlicht', expectedRevision: stored?.meta.revision ?? 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('still has 2 contract(s)') } });

    for (const c of config.contracts.filter((c) => c.customerKey === 'nordlicht')) ok(await admin('deleteContract', { id: c.id, expectedRevision: c.meta.revision }));
    ok(await admin('deleteCustomer', { key: 'nordlicht', expectedRevision: stored?.meta.revision ?? 0 }));
    expect(ok(await admin('getAdminConfig', {})).customers.map((c) => c.key)).not.toContain('nordlicht');
  });

  it('never stores two overlapping contracts when two admins save at the same moment', async () => {
    ok(await admin('saveCustomer', { customer: customer(), expectedRevision: null }));
    const results = await Promise.all(
      ['a', 'b', 'c'].map((suffix) => admin('saveContract', { contract: contract({ id: `nordlicht-${suffix}` }), expectedRevision: null })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const contracts = ok(await admin('getAdminConfig', {})).contracts.filter((c) => c.customerKey === 'nordlicht');
    expect(contracts).toHaveLength(1);
  });

  it("keeps both an edit of a customer and a new contract saved at the same moment, and the customer's list of contracts", async () => {
    const turns = (n: number) => Array.from({ length: n }).reduce<Promise<void>>((p) => p.then(() => new Promise((r) => setImmediate(r))), Promise.resolve());
    // The contract's save starts first; the edit starts a few turns later, so its read and write straddle the contract's.
    for (const delay of [0, 1, 2, 3, 4, 6, 8]) {
      const key = `nordlicht-${delay}`;
      ok(await admin('saveCustomer', { customer: customer({ key }), expectedRevision: null }));
      const [added, edited] = await Promise.all([
        admin('saveContract', { contract: contract({ id: `${key}-2026`, customerKey: key }), expectedRevision: null }),
        turns(delay).then(() => admin('saveCustomer', { customer: customer({ key, name: 'Nordlicht Energie AG' }), expectedRevision: 1 })),
      ]);
      expect({ delay, added: added.ok, edited: edited.ok }).toEqual({ delay, added: true, edited: true });
      const row = host.db.prepare("SELECT value FROM kvs_items WHERE entity = 'customer' AND key = ?").get(key) as { value: string };
      const stored = JSON.parse(row.value) as { name: string; data: { contractIds: string[] } };
      expect({ delay, name: stored.name, contracts: stored.data.contractIds }).toEqual({ delay, name: 'Nordlicht Energie AG', contracts: [`${key}-2026`] });
    }
  });

  it('deletes a customer together with its matching rules, in one transaction', async () => {
    ok(await admin('saveCustomer', { customer: customer(), expectedRevision: null }));
    const matching = ok(await admin('getAdminConfig', {})).matching;
    const rules = [...matching.rules, { id: 'nordlicht-label', customerKey: 'nordlicht', conditions: [{ field: 'label' as const, values: ['nordlicht'] }] }];
    const saved = ok(await admin('saveMatchingRules', { matching: { rules }, expectedRevision: matching.meta.revision }));
    expect(saved.rules).toHaveLength(7);
    ok(await admin('deleteCustomer', { key: 'nordlicht', expectedRevision: 1 }));
    const after = ok(await admin('getAdminConfig', {})).matching;
    expect(after.rules.map((r) => r.customerKey)).not.toContain('nordlicht');
    expect(after.meta.revision).toBe(saved.meta.revision + 1);
  });

  it('reports matching rules that shadow or overlap each other', async () => {
    const matching = ok(await admin('getAdminConfig', {})).matching;
    const rules = [
      ...matching.rules,
      { id: 'alp-outage', customerKey: 'alpenbank', conditions: [{ field: 'project' as const, values: ['ALP'] }, { field: 'label' as const, values: ['outage'] }] },
      { id: 'hudson-alp', customerKey: 'hudson', conditions: [{ field: 'project' as const, values: ['ALP', 'HUD'] }] },
    ];
    const saved = ok(await admin('saveMatchingRules', { matching: { rules }, expectedRevision: matching.meta.revision }));
    expect(saved.findings).toEqual(
      expect.arrayContaining([
        { kind: 'shadowed', ruleId: 'alp-outage', otherRuleId: 'alpenbank-projects' },
        { kind: 'overlaps', ruleId: 'hudson-alp', otherRuleId: 'alpenbank-projects' },
      ]),
    );
    const unknown = await admin('saveMatchingRules', { matching: { rules: [{ id: 'r1', customerKey: 'nobody', conditions: [{ field: 'label', values: ['x'] }] }] }, expectedRevision: saved.meta.revision });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'matching.rules[0].customerKey' } });
  });

  it('versions SLA policies: each save adds a version and keeps the old ones', async () => {
    const before = ok(await admin('getAdminConfig', {})).policies.find((p) => p.id === 'gold-sla');
    if (!before) throw new Error('the demo has a gold policy');
    const { version: _v, savedAt: _a, savedBy: _b, ...draft } = before.latest;
    const faster: PolicyDraft = { ...draft, metrics: draft.metrics.map((m) => (m.key === 'firstResponse' ? { ...m, targets: [{ minutes: 20 }] } : m)) };
    const v2 = ok(await admin('saveSlaPolicy', { policy: faster, expectedRevision: before.meta.revision }));
    expect(v2).toMatchObject({ id: 'gold-sla', versions: 2, latest: { version: 2 } });
    const v3 = ok(await admin('saveSlaPolicy', { policy: { ...faster, description: 'Faster first response' }, expectedRevision: v2.meta.revision }));
    expect(v3.latest.version).toBe(3);

    const versions = ok(await admin('getSlaPolicyVersions', { id: 'gold-sla' }));
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions[2]?.metrics.find((m) => m.key === 'firstResponse')?.targets).toEqual(before.latest.metrics[0]?.targets);
    expect(versions[1]?.metrics.find((m) => m.key === 'firstResponse')?.targets).toEqual([{ minutes: 20 }]);

    const stale = await admin('saveSlaPolicy', { policy: faster, expectedRevision: v2.meta.revision });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const invalid = await admin('saveSlaPolicy', {
      policy: { ...faster, metrics: [{ ...faster.metrics[0], targets: [{ minutes: 10 }, { priorities: ['High'], minutes: 5 }] }] },
      expectedRevision: v3.meta.revision,
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'policy.metrics[0].targets[1]' } });
    const inUse = await admin('deleteSlaPolicy', { id: 'gold-sla', expectedRevision: v3.meta.revision });
    expect(inUse).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('is used by contract') } });
  });

  it('checks calendars with the SLA engine and refuses to delete one in use', async () => {
    const saved = ok(await admin('saveCalendar', { calendar: calendar(), expectedRevision: null }));
    expect(saved.meta.revision).toBe(1);
    const overlapping = await admin('saveCalendar', { calendar: calendar({ weekly: { mon: [['08:00', '12:00'], ['11:00', '13:00']] } }), expectedRevision: 1 });
    expect(overlapping).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'calendar.weekly.mon[1]', message: expect.stringContaining('overlap') } });
    ok(await admin('deleteCalendar', { id: 'berlin-office', expectedRevision: 1 }));

    const demoCalendar = ok(await admin('getAdminConfig', {})).calendars.find((c) => c.id === 'alpenbank-support');
    const inUse = await admin('deleteCalendar', { id: 'alpenbank-support', expectedRevision: demoCalendar?.meta.revision ?? 1 });
    expect(inUse).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining("contract 'Managed services agreement'") } });
  });

  it('gives a clear error for a calendar with thousands of holidays and for a record over 240 KiB', async () => {
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const thousands = calendar({ holidays: Array.from({ length: 3000 }, (_, i) => ({ date: day(i), name: `Holiday ${i}` })) });
    const tooMany = await admin('saveCalendar', { calendar: thousands, expectedRevision: null });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'calendar.holidays', message: 'calendar.holidays: at most 1000 holidays per calendar' } });

    // 1000 half days of 40 short shifts each: valid, but far over Forge's 240 KiB per value.
    const shifts = Array.from({ length: 40 }, (_, i) => [`${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '45' : '15'}`] as [string, string]);
    const huge = calendar({ holidays: Array.from({ length: 1000 }, (_, i) => ({ date: day(i), name: `Half day number ${i} with a long descriptive name`, hours: shifts })) });
    const tooLarge = await admin('saveCalendar', { calendar: huge, expectedRevision: null });
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'calendar', message: expect.stringMatching(/^calendar 'berlin-office' is too large to store: \d+ KiB, and Forge storage holds at most 240 KiB per record$/) } });
    expect(ok(await admin('getAdminConfig', {})).calendars.map((c) => c.id)).not.toContain('berlin-office');
  });

  it('answers a malformed payload with INVALID_INPUT naming the field', async () => {
    const bad = await admin('saveCustomer', { customer: customer({ contacts: [{ name: 'X', email: 'not an email', role: '', lastReviewedOn: null }] }), expectedRevision: null });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'customer.contacts[0].email', message: 'customer.contacts[0].email: must be an email address' } });
    const missing = await admin('saveContract', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'contract' } });
    const extra = await admin('getAdminConfig', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify([bad, missing, extra])).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exports all configuration and imports it again unchanged', async () => {
    const backup = ok(await admin('exportConfig', {}));
    const before = ok(await admin('getAdminConfig', {}));
    ok(await admin('saveCustomer', { customer: customer(), expectedRevision: null }));
    const alp = before.contracts.find((c) => c.id === 'alpenbank-msa');
    ok(await admin('saveContract', { contract: { ...contract({ id: 'alpenbank-msa', customerKey: 'alpenbank', name: 'Renamed' }), validTo: null }, expectedRevision: alp?.meta.revision ?? 1 }));

    const summary = ok(await admin('importConfig', { backup }));
    expect(summary).toEqual({ customers: 6, contracts: 6, calendars: 6, policies: 4, removed: 1 });
    const after = ok(await admin('getAdminConfig', {}));
    const strip = (config: typeof before) => ({
      customers: config.customers.map(({ meta: _m, ...c }) => c),
      contracts: config.contracts.map(({ meta: _m, ...c }) => c),
      calendars: config.calendars.map(({ meta: _m, ...c }) => c),
      policies: config.policies.map((p) => ({ id: p.id, metrics: p.latest.metrics, name: p.latest.name })),
      settings: { ...config.settings, meta: null },
      rules: config.matching.rules,
    });
    expect(strip(after)).toEqual(strip(before));
    expect(ok(await admin('exportConfig', {})).customers).toEqual(backup.customers);
  });

  it('checks an import whole: a bad file changes nothing and says what is wrong where', async () => {
    const backup: Backup = ok(await admin('exportConfig', {}));
    const broken: Backup = {
      ...backup,
      contracts: backup.contracts.map((c, i) => (i === 2 ? { ...c, calendarId: 'missing-calendar' } : c)),
      calendars: backup.calendars.map((c, i) => (i === 0 ? { ...c, weekly: { mon: [['09:00', '08:00']] } } : c)),
    };
    const snapshot = storageSnapshot(host);
    const refused = await admin('importConfig', { backup: broken });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('INVALID_INPUT');
    expect(refused.error.fields?.map((f) => f.field)).toEqual(expect.arrayContaining(['backup.calendars[0].weekly.mon[0]', 'backup.contracts[2].calendarId']));
    expect(storageSnapshot(host)).toBe(snapshot);

    const notOurs = await admin('importConfig', { backup: { format: 'something-else' } });
    expect(notOurs).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'backup.format' } });
    expect(storageSnapshot(host)).toBe(snapshot);
  });

  it('simulates an unsaved policy on a demo issue next to the saved one', async () => {
    const gold = ok(await admin('getAdminConfig', {})).policies.find((p) => p.id === 'platinum-sla');
    if (!gold) throw new Error('the demo has a platinum policy');
    const { version: _v, savedAt: _a, savedBy: _b, ...draft } = gold.latest;
    const stricter: PolicyDraft = { ...draft, metrics: draft.metrics.map((m) => ({ ...m, targets: [{ minutes: 1 }] })) };
    const simulation = ok(await admin('simulateSlaPolicy', { issueKey: 'ALP-12', policy: stricter }));
    expect(simulation.customer).toEqual({ key: 'alpenbank', name: 'Alpenbank AG' });
    expect(simulation.calendar).toEqual({ id: 'alpenbank-support', name: 'Alpenbank AG support hours' });
    expect(simulation.saved?.version).toBe(1);
    expect(simulation.draft.map((c) => c.key)).toEqual(['firstResponse', 'resolution']);
    for (const [i, clock] of simulation.draft.entries()) {
      const saved = simulation.saved?.clocks[i];
      expect(clock.elapsedMinutes).toBe(saved?.elapsedMinutes);
      expect(clock.targetMinutes).toBe(1);
      expect(clock.breached).toBe(clock.elapsedMinutes >= 1);
    }
    const hidden = await admin('simulateSlaPolicy', { issueKey: 'NOPE-1', policy: stricter });
    expect(hidden).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
