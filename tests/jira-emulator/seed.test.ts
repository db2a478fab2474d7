// importSeed: history replay, validation that names the bad record and writes nothing, no silent replacement.
import { fixtureSeed, HOUR, iso, makeHarness, T0, USERS } from './fixture';
import type { ChangelogJson, IssueJson, PageJson } from './wire';

describe('importSeed', () => {
  it('derives the resolution when a history enters or leaves done without one', async () => {
    const seed = fixtureSeed();
    seed.issues.push({
      key: 'GLX-2',
      projectKey: 'GLX',
      issueTypeId: '10001',
      summary: 'Reopened request',
      reporterAccountId: USERS.globex,
      initial: { statusId: '1', priorityId: '3', assigneeAccountId: null },
      labels: [],
      components: [],
      created: iso(T0),
      history: [
        { at: iso(T0 + HOUR), authorAccountId: USERS.agent, items: [{ field: 'status', from: '1', to: '6' }] },
        { at: iso(T0 + 2 * HOUR), authorAccountId: USERS.globex, items: [{ field: 'status', from: '6', to: '1' }, { field: 'labels', from: null, to: 'reopened vip' }] },
      ],
      comments: [],
      worklogs: [],
    });
    const h = makeHarness({ seed });
    const log = await h.call<PageJson<ChangelogJson>>('GET', '/rest/api/3/issue/GLX-2/changelog', 'agent');
    expect(log.json.values.map((v) => v.items.map((i) => `${i.field}:${i.fromString ?? '-'}>${i.toString ?? '-'}`))).toEqual([
      ['status:Open>Closed', 'resolution:->Done'],
      ['status:Closed>Open', 'labels:->reopened vip', 'resolution:Done>-'],
    ]);
    const issue = await h.call<IssueJson>('GET', '/rest/api/3/issue/GLX-2', 'agent');
    expect([issue.json.fields.resolution, issue.json.fields.labels, issue.json.fields.updated]).toEqual([null, ['reopened', 'vip'], '2026-03-02T11:00:00.000+0100']);
  });

  it.each([
    ['an unknown project', (s: ReturnType<typeof fixtureSeed>) => void ((s.issues[0] as { projectKey: string }).projectKey = 'NOPE'), /issue ACME-1: unknown project NOPE/],
    ['a key of another project', (s: ReturnType<typeof fixtureSeed>) => void ((s.issues[1] as { key: string }).key = 'GLX-9'), /key must be ACME-<number>/],
    ['an unknown user in history', (s: ReturnType<typeof fixtureSeed>) => void ((s.issues[0]?.history[0] as { authorAccountId: string }).authorAccountId = 'ghost'), /issue ACME-1: unknown history\[0\] author ghost/],
    ['an instant without offset', (s: ReturnType<typeof fixtureSeed>) => void ((s.issues[2] as { created: string }).created = '2026-03-02 08:00'), /issue ACME-3 created: '2026-03-02 08:00' is not an ISO 8601 instant/],
    ['a component not in the project', (s: ReturnType<typeof fixtureSeed>) => void (s.issues[3]?.components.push('Network')), /component Network is not in project GLX/],
    ['a duplicate key', (s: ReturnType<typeof fixtureSeed>) => void ((s.issues[1] as { key: string }).key = 'ACME-1'), /already exists/],
    ['a transition to an unknown status', (s: ReturnType<typeof fixtureSeed>) => void s.transitions.push({ id: '99', name: 'Nowhere', toStatusId: '77' }), /transition 99: unknown status 77/],
  ])('rejects %s, naming it, and writes nothing', (_what, spoil, message) => {
    const h = makeHarness({ seed: null });
    const seed = fixtureSeed();
    spoil(seed);
    expect(() => h.jira.importSeed(seed)).toThrow(message);
    expect(h.jira.isEmpty()).toBe(true);
  });

  it('replaces nothing: the same seed twice is refused, a changed catalog entry too', () => {
    const h = makeHarness();
    expect(() => h.jira.importSeed(fixtureSeed())).toThrow(/already exists/);
    const changed = fixtureSeed();
    changed.issues = [];
    (changed.users[0] as { displayName: string }).displayName = 'Someone Else';
    expect(() => h.jira.importSeed(changed)).toThrow(/user acc-admin already exists with different data/);
  });

  it('adds issues to an existing site when the catalog matches', async () => {
    const h = makeHarness();
    const more = fixtureSeed();
    more.issues = [{ ...(more.issues[1] as (typeof more.issues)[number]), key: 'ACME-10', summary: 'Added later' }];
    h.jira.importSeed(more);
    const created = await h.call<{ key: string }>('POST', '/rest/api/3/issue', 'agent', { fields: { project: { key: 'ACME' }, issuetype: { id: '10001' }, summary: 'Next' } });
    expect(created.json.key).toBe('ACME-11');
  });
});
