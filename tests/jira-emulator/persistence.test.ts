// The database is the source of truth: a new emulator on the same file sees every write; reset() drops it all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalDb } from '../../local/db';
import { adf, makeHarness } from './fixture';
import type { IssueJson, SearchJson } from './wire';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jira-emulator-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('writes survive closing and reopening the database file', async () => {
  const file = join(dir, 'local.db');
  const first = makeHarness({ db: openLocalDb(file) });
  const created = await first.call<{ key: string }>('POST', '/rest/api/3/issue', 'agent', { fields: { project: { key: 'GLX' }, issuetype: { id: '10002' }, summary: 'UPS alarm' } });
  await first.call('POST', `/rest/api/3/issue/${created.json.key}/transitions`, 'agent', { transition: { id: '11' } });
  await first.call('POST', `/rest/api/3/issue/${created.json.key}/comment`, 'agent', { body: adf('Checking') });
  await first.call('POST', `/rest/api/3/issue/${created.json.key}/worklog`, 'engineer', { timeSpentSeconds: 900, started: '2026-03-04T10:00:00.000+0000' });
  await first.call('PUT', `/rest/api/3/issue/${created.json.key}/properties/serviceSla`, 'app', { breached: 'true' });
  first.db.close();

  const second = makeHarness({ db: openLocalDb(file), seed: null });
  expect(second.jira.isEmpty()).toBe(false);
  const issue = await second.call<IssueJson>('GET', `/rest/api/3/issue/${created.json.key}?expand=changelog&properties=serviceSla`, 'agent');
  expect(issue.status).toBe(200);
  expect(issue.json.fields.status.name).toBe('In Progress');
  expect(issue.json.fields.comment.total).toBe(1);
  expect(issue.json.fields.worklog.total).toBe(1);
  expect(issue.json.fields.timespent).toBe(900);
  expect(issue.json.properties).toEqual({ serviceSla: { breached: 'true' } });
  expect(issue.json.changelog?.total).toBe(1);
  const found = await second.call<SearchJson>('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('issue.property[serviceSla].breached = "true" AND project = GLX')}&fields=key`, 'agent');
  expect(found.json.issues.map((i) => i.key).sort()).toEqual([created.json.key, 'GLX-1'].sort());
  // Ids and keys continue where the first emulator stopped.
  const next = await second.call<{ key: string; id: string }>('POST', '/rest/api/3/issue', 'agent', { fields: { project: { key: 'GLX' }, issuetype: { id: '10002' }, summary: 'Second' } });
  expect(Number(next.json.key.split('-')[1])).toBe(Number(created.json.key.split('-')[1]) + 1);
  expect(Number(next.json.id)).toBe(Number(issue.json.id) + 1);
  second.db.close();
});

it('reset() drops all Jira data and a seed can be imported again', async () => {
  const h = makeHarness();
  expect(h.jira.isEmpty()).toBe(false);
  h.jira.reset();
  expect(h.jira.isEmpty()).toBe(true);
  expect((await h.call('GET', '/rest/api/3/issue/ACME-1', 'app')).status).toBe(404);
  expect(h.jira.users()).toEqual([]);
  const again = makeHarness({ db: h.db });
  expect((await again.call('GET', '/rest/api/3/issue/ACME-1', 'agent')).status).toBe(200);
});
