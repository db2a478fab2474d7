// The gateway's operations against a scripted Jira: request shapes, paging, typed errors, counts.
import {
  JiraBadRequest,
  JiraForbidden,
  JiraNotFound,
  JiraRateLimited,
  JiraRequestRefused,
  JiraUnauthorized,
  JiraUnexpectedReply,
} from '../../../src/jira/errors';
import { createJiraGateway, type JiraGateway } from '../../../src/jira/gateway';
import { UpstreamError } from '../../../src/services/errors';
import { FakeClock, FakeJira, jiraError, reply, type Handler } from './fakes';

const T = (minutes: number) => new Date(Date.parse('2026-03-02T08:00:00.000Z') + minutes * 60_000).toISOString().replace('Z', '+0000');

function history(id: number, minutes: number, field = 'status') {
  return { id: String(id), created: T(minutes), items: [{ field, from: '1', fromString: 'Open', to: '3', toString: 'In Progress' }] };
}
function comment(minutes: number, accountId = 'acc-agent', extra: Record<string, unknown> = {}) {
  return { created: T(minutes), author: { accountId, accountType: 'atlassian' }, jsdPublic: true, ...extra };
}

function issueJson(options: { histories?: unknown[]; changelogTotal?: number; comments?: unknown[]; commentTotal?: number } = {}) {
  const histories = options.histories ?? [];
  const comments = options.comments ?? [];
  return {
    id: '10001',
    key: 'SUP-1',
    fields: {
      summary: 'Printer on fire',
      created: T(0),
      updated: T(90),
      status: { id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate' } },
      priority: { name: 'High' },
      assignee: { accountId: 'acc-engineer' },
      project: { key: 'SUP' },
      labels: ['vip'],
      components: [{ name: 'Hardware' }],
      issuetype: { name: 'Incident' },
      parent: null,
      resolutiondate: null,
      comment: { comments, total: options.commentTotal ?? comments.length, startAt: 0, maxResults: comments.length },
    },
    changelog: { startAt: 0, maxResults: histories.length, total: options.changelogTotal ?? histories.length, histories },
  };
}

let clock: FakeClock;
const gatewayOn = (handler: Handler, actor: 'user' | 'app' = 'user'): [JiraGateway, FakeJira] => {
  const jira = new FakeJira(handler);
  return [createJiraGateway(actor, { transport: jira.transport, policy: clock.policy() }), jira];
};
const notFound = () => jiraError(404, ['Issue does not exist or you do not have permission to see it.']);

beforeEach(() => {
  clock = new FakeClock();
});

describe('typed errors', () => {
  it('403 says who was refused what, in plain words', async () => {
    const [gateway] = gatewayOn(() => jiraError(403, ['You do not have permission.']));
    const error = (await gateway.getIssue('SUP-1').catch((e: unknown) => e)) as JiraForbidden;
    expect(error).toBeInstanceOf(JiraForbidden);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.message).toBe('Jira refused to show issue SUP-1 to this user (403).');
    expect(error).toMatchObject({ status: 403, operation: 'getIssue', code: 'JIRA_FORBIDDEN', retryable: false, name: 'JiraForbidden' });
    expect(error.detail.errorMessages).toEqual(['You do not have permission.']);
    // What a log or a queue record holds: no stack.
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'JiraForbidden', code: 'JIRA_FORBIDDEN', status: 403, operation: 'getIssue', message: error.message });
  });

  it('403 on a write names the action and the app', async () => {
    const [gateway] = gatewayOn(() => jiraError(403, ['You do not have permission to edit issues in this project.']), 'app');
    await expect(gateway.setIssueProperty('SUP-1', 'serviceSla', { a: 1 })).rejects.toThrow('Jira refused to let the app set property serviceSla on issue SUP-1 (403).');
  });

  it("400 carries Jira's explanation", async () => {
    const [gateway] = gatewayOn(() => jiraError(400, ["Error in the JQL Query: Expecting ')' before the end of the query."], { jql: 'bad' }));
    const error = (await gateway.searchIssueIds('project = SUP AND (').catch((e: unknown) => e)) as JiraBadRequest;
    expect(error).toBeInstanceOf(JiraBadRequest);
    expect(error.message).toBe("Jira rejected the request for the issue search (400): Error in the JQL Query: Expecting ')' before the end of the query.; jql: bad");
  });

  it('401 (a missing scope, no consent) is JiraUnauthorized', async () => {
    const [gateway] = gatewayOn(() => reply(401, { code: 401, message: 'Unauthorized; scope does not match' }));
    const error = (await gateway.getMyself().catch((e: unknown) => e)) as JiraUnauthorized;
    expect(error).toBeInstanceOf(JiraUnauthorized);
    expect(error.message).toBe('Jira did not accept the credentials of this user for the current user (401).');
    expect(error.detail.errorMessages).toEqual(['Unauthorized; scope does not match']);
  });

  it('404 is null where the method says so, JiraNotFound elsewhere', async () => {
    const [gateway] = gatewayOn(notFound);
    await expect(gateway.getIssue('SUP-9')).resolves.toBeNull();
    await expect(gateway.getIssueWithHistory('SUP-9')).resolves.toBeNull();
    await expect(gateway.getIssueHistory('SUP-9')).resolves.toBeNull();
    await expect(gateway.getIssueProperty('SUP-9', 'serviceSla')).resolves.toBeNull();
    const error = (await gateway.notifyIssue('SUP-9', { subject: 's', textBody: 't', to: { assignee: true } }).catch((e: unknown) => e)) as JiraNotFound;
    expect(error).toBeInstanceOf(JiraNotFound);
    expect(error.message).toBe('Jira found no issue SUP-9, or hides it from this user (404).');
  });

  it('an answer of the wrong shape, or an unexpected status, is JiraUnexpectedReply', async () => {
    const [gateway] = gatewayOn((req) => (req.path.startsWith('/rest/api/3/myself') ? reply(200, { accountId: 7 }) : jiraError(500, ['Internal server error.'])));
    await expect(gateway.getMyself()).rejects.toThrow(
      new JiraUnexpectedReply({ operation: 'getMyself', what: 'the current user', actor: 'user' }, 200, undefined, 'accountId: Invalid input: expected string, received number (and 1 more)'),
    );
    const error = (await gateway.listPriorities().catch((e: unknown) => e)) as JiraUnexpectedReply;
    expect(error.message).toBe('Jira answered 500 for priorities, which the app does not expect: Internal server error.');
  });

  it('counts calls and retries per operation', async () => {
    const [gateway, jira] = gatewayOn(() => reply(200, [{ name: 'High' }]));
    jira.script(jiraError(429, [], {}, { 'retry-after': '1' }), jiraError(503, []));
    await gateway.listPriorities();
    await gateway.listPriorities();
    expect(gateway.calls).toEqual({ listPriorities: 2 });
    expect(gateway.retries).toEqual({ listPriorities: 2 });
    expect(jira.sent).toHaveLength(4);
  });

  it('exhausted retries surface as JiraRateLimited from any operation', async () => {
    const [gateway] = gatewayOn(() => jiraError(429, ['Rate limit exceeded.'], {}, { 'retry-after': '0' }));
    const error = (await gateway.getIssue('SUP-1').catch((e: unknown) => e)) as JiraRateLimited;
    expect(error).toBeInstanceOf(JiraRateLimited);
    expect(error.message).toBe('Jira kept limiting the rate of requests for issue SUP-1 (429): gave up after 4 attempts; Jira asked to wait 0 s.');
    expect(gateway.retries).toEqual({ getIssue: 3 });
  });
});

describe('issue with history', () => {
  it('reads the issue, its embedded changelog (oldest first) and comments in ONE call', async () => {
    const [gateway, jira] = gatewayOn(() =>
      reply(200, issueJson({ histories: [history(12, 60), history(11, 30, 'priority')], comments: [comment(10), comment(20, 'acc-customer', { jsdPublic: false })] })),
    );
    const issue = await gateway.getIssueWithHistory('SUP-1');
    expect(jira.sent.map((r) => r.path)).toEqual([
      '/rest/api/3/issue/SUP-1?fields=summary,created,updated,status,priority,assignee,project,labels,components,issuetype,parent,resolutiondate,comment&expand=changelog',
    ]);
    expect(issue).toMatchObject({
      id: '10001',
      key: 'SUP-1',
      created: Date.parse(T(0)),
      updated: Date.parse(T(90)),
      status: { id: '3', name: 'In Progress', category: 'indeterminate' },
      priority: 'High',
      assigneeAccountId: 'acc-engineer',
      projectKey: 'SUP',
      labels: ['vip'],
      components: ['Hardware'],
      issueType: 'Incident',
      parentKey: null,
      resolutionDate: null,
      changelogComplete: true,
      changelogTotal: 2,
      commentsComplete: true,
      commentTotal: 2,
    });
    expect(issue?.changes.map((c) => c.id)).toEqual(['11', '12']);
    expect(issue?.changes[0]).toEqual({ at: Date.parse(T(30)), id: '11', items: [{ field: 'priority', from: '1', fromString: 'Open', to: '3', toString: 'In Progress' }] });
    expect(issue?.comments).toEqual([
      { at: Date.parse(T(10)), authorAccountId: 'acc-agent', authorAccountType: 'atlassian', public: true },
      { at: Date.parse(T(20)), authorAccountId: 'acc-customer', authorAccountType: 'atlassian', public: false },
    ]);
    expect(gateway.calls).toEqual({ getIssueWithHistory: 1 });
  });

  it('says when Jira truncated the embedded changelog or comments', async () => {
    const histories = Array.from({ length: 100 }, (_, i) => history(300 - i, 300 - i));
    const [gateway] = gatewayOn(() => reply(200, issueJson({ histories, changelogTotal: 250, comments: [comment(5)], commentTotal: 3 })));
    const issue = await gateway.getIssueWithHistory('SUP-1');
    expect(issue).toMatchObject({ changelogComplete: false, changelogTotal: 250, commentsComplete: false, commentTotal: 3 });
    expect(issue?.changes).toHaveLength(100);
  });

  it('getIssueHistory stays at one call when nothing was truncated', async () => {
    const [gateway] = gatewayOn(() => reply(200, issueJson({ histories: [history(1, 5)] })));
    const issue = await gateway.getIssueHistory('SUP-1');
    expect(issue?.changes).toHaveLength(1);
    expect(gateway.calls).toEqual({ getIssueHistory: 1 });
  });

  it('getIssueHistory reads every page of what was truncated, from where each page ended', async () => {
    const all = Array.from({ length: 250 }, (_, i) => history(i + 1, i + 1));
    const [gateway, jira] = gatewayOn((req) => {
      const url = new URL(req.path, 'http://jira');
      const startAt = Number(url.searchParams.get('startAt'));
      if (url.pathname === '/rest/api/3/issue/SUP-1') {
        return reply(200, issueJson({ histories: all.slice(150).reverse(), changelogTotal: 250, comments: [comment(1)], commentTotal: 2 }));
      }
      if (url.pathname === '/rest/api/3/issue/10001/changelog') {
        // Jira may answer fewer than asked: 80 a page here.
        const values = all.slice(startAt, startAt + 80);
        return reply(200, { startAt, maxResults: 80, total: 250, isLast: startAt + values.length >= 250, values });
      }
      if (url.pathname === '/rest/api/3/issue/10001/comment') return reply(200, { startAt, maxResults: 1, total: 2, comments: [comment(startAt + 1)].slice(0, startAt < 2 ? 1 : 0) });
      return notFound();
    });
    const issue = await gateway.getIssueHistory('SUP-1');
    expect(issue?.changes.map((c) => c.id)).toEqual(all.map((h) => h.id));
    expect(issue).toMatchObject({ changelogComplete: true, commentsComplete: true, commentTotal: 2 });
    expect(issue?.comments).toHaveLength(2);
    expect(jira.sent.map((r) => new URL(r.path, 'http://jira').searchParams.get('startAt'))).toEqual([null, '0', '80', '160', '240', '0', '1']);
    expect(gateway.calls).toEqual({ getIssueHistory: 1, getChangelog: 4, getComments: 2 });
  });

  it('is null when the issue goes away between pages', async () => {
    const [gateway] = gatewayOn((req) => (req.path.includes('/changelog') ? notFound() : reply(200, issueJson({ histories: [history(2, 2)], changelogTotal: 500 }))));
    await expect(gateway.getIssueHistory('SUP-1')).resolves.toBeNull();
  });
});

describe('paging', () => {
  it('lists projects page by page until isLast', async () => {
    const [gateway, jira] = gatewayOn((req) => {
      const startAt = Number(new URL(req.path, 'http://jira').searchParams.get('startAt'));
      const values = Array.from({ length: startAt === 0 ? 50 : 3 }, (_, i) => ({ key: `P${startAt + i}`, name: `Project ${startAt + i}` }));
      return reply(200, { values, isLast: startAt > 0 });
    });
    expect(await gateway.listProjects()).toHaveLength(53);
    expect(jira.sent.map((r) => r.path)).toEqual(['/rest/api/3/project/search?startAt=0&maxResults=50', '/rest/api/3/project/search?startAt=50&maxResults=50']);
  });

  it('searches ids with POST /search/jql, following nextPageToken', async () => {
    const [gateway, jira] = gatewayOn((req) => {
      const body = req.body as { nextPageToken?: string };
      if (!body.nextPageToken) return reply(200, { issues: [{ id: '1', key: 'SUP-1' }, { id: '2', key: 'SUP-2' }], nextPageToken: 'p2', isLast: false });
      return reply(200, { issues: [{ id: '3', key: 'SUP-3' }], isLast: true });
    });
    const result = await gateway.searchIssueIds('project = SUP ORDER BY created', { reconcileIssues: ['10001', 10002] });
    expect(result).toEqual({ issues: [{ id: '1', key: 'SUP-1' }, { id: '2', key: 'SUP-2' }, { id: '3', key: 'SUP-3' }], complete: true });
    expect(jira.sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/rest/api/3/search/jql', { jql: 'project = SUP ORDER BY created', fields: ['id', 'key'], maxResults: 5000, reconcileIssues: [10001, 10002] }],
      ['POST', '/rest/api/3/search/jql', { jql: 'project = SUP ORDER BY created', fields: ['id', 'key'], maxResults: 5000, nextPageToken: 'p2', reconcileIssues: [10001, 10002] }],
    ]);
    expect(gateway.calls).toEqual({ searchIssueIds: 2 });
  });

  it('stops at maxResults and says the result is not complete', async () => {
    const [gateway, jira] = gatewayOn(() => reply(200, { issues: [{ id: '1' }, { id: '2' }], nextPageToken: 'more' }));
    expect(await gateway.searchIssueIds('project = SUP', { maxResults: 2 })).toEqual({ issues: [{ id: '1', key: null }, { id: '2', key: null }], complete: false });
    expect((jira.sent[0]?.body as { maxResults: number }).maxResults).toBe(2);
  });

  it('searches issues with fields and properties in pages of 100', async () => {
    const [gateway, jira] = gatewayOn(() =>
      reply(200, { issues: [{ id: '1', key: 'SUP-1', fields: { summary: 'A' }, properties: { serviceSla: { breached: 'true' } } }], isLast: true }),
    );
    const result = await gateway.searchIssues('issue.property[serviceSla].breached = "true"', ['summary', 'updated'], ['serviceSla']);
    expect(result).toEqual({ issues: [{ id: '1', key: 'SUP-1', fields: { summary: 'A' }, properties: { serviceSla: { breached: 'true' } } }], complete: true });
    expect(jira.sent[0]?.body).toEqual({ jql: 'issue.property[serviceSla].breached = "true"', fields: ['summary', 'updated'], properties: ['serviceSla'], maxResults: 100 });
  });

  it('refuses more than 5 properties or 50 reconcile ids before sending', async () => {
    const [gateway, jira] = gatewayOn(() => reply(200, { issues: [] }));
    await expect(gateway.searchIssues('project = SUP', ['summary'], ['a', 'b', 'c', 'd', 'e', 'f'])).rejects.toThrow(JiraRequestRefused);
    const ids = Array.from({ length: 51 }, (_, i) => String(10000 + i));
    await expect(gateway.searchIssueIds('project = SUP', { reconcileIssues: ids })).rejects.toThrow(
      'Not sent to Jira: the request for the issue search would be rejected. reconcileIssues takes at most 50 issue ids, got 51.',
    );
    await expect(gateway.searchIssueIds('project = SUP', { reconcileIssues: ['SUP-1'] })).rejects.toThrow(JiraBadRequest);
    expect(jira.sent).toEqual([]);
  });

  it('bulk-fetches changelogs: chunks of 1000 issues, token pages, an issue split over pages joined', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => String(20000 + i));
    const [gateway, jira] = gatewayOn((req) => {
      const body = req.body as { issueIdsOrKeys: string[]; nextPageToken?: string };
      if (body.issueIdsOrKeys[0] === '20000' && !body.nextPageToken) {
        return reply(200, { issueChangeLogs: [{ issueId: '20000', changeHistories: [history(1, 1)] }], nextPageToken: 't2' });
      }
      if (body.nextPageToken === 't2') {
        return reply(200, { issueChangeLogs: [{ issueId: '20000', changeHistories: [history(2, 2)] }, { issueId: '20001', changeHistories: [history(3, 3)] }] });
      }
      return reply(200, { issueChangeLogs: [{ issueId: '21400', changeHistories: [{ ...history(4, 4), created: 1772438400 }] }], nextPageToken: null });
    });
    const result = await gateway.bulkFetchChangelogs([...ids, '20000'], ['status', 'priority']);
    expect(Object.keys(result.changelogs).sort()).toEqual(['20000', '20001', '21400']);
    expect(result.changelogs['20000']?.map((c) => c.id)).toEqual(['1', '2']);
    // The OpenAPI example writes `created` as epoch seconds.
    expect(result.changelogs['21400']?.[0]?.at).toBe(1772438400_000);
    expect(result.complete).toBe(true);
    expect(jira.sent.map((r) => [(r.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length, (r.body as { nextPageToken?: string }).nextPageToken])).toEqual([
      [1000, undefined],
      [1000, 't2'],
      [500, undefined],
    ]);
    expect(jira.sent[0]?.body).toMatchObject({ fieldIds: ['status', 'priority'], maxResults: 1000 });
  });

  it('refuses more than 10 field ids, and sends nothing for no issues', async () => {
    const [gateway, jira] = gatewayOn(() => reply(200, { issueChangeLogs: [] }));
    await expect(gateway.bulkFetchChangelogs(['1'], Array.from({ length: 11 }, (_, i) => `f${i}`))).rejects.toThrow(JiraRequestRefused);
    expect(await gateway.bulkFetchChangelogs([])).toEqual({ changelogs: {}, complete: true });
    expect(jira.sent).toEqual([]);
  });
});

describe('issue properties', () => {
  it('reads a property, null when it is absent', async () => {
    const [gateway, jira] = gatewayOn((req) =>
      req.path.endsWith('/serviceSla') ? reply(200, { key: 'serviceSla', value: { breached: 'false' } }) : jiraError(404, ["The property with key 'other' does not exist."]),
    );
    expect(await gateway.getIssueProperty('10001', 'serviceSla')).toEqual({ key: 'serviceSla', value: { breached: 'false' } });
    expect(await gateway.getIssueProperty('10001', 'other')).toBeNull();
    expect(jira.sent.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/rest/api/3/issue/10001/properties/serviceSla'],
      ['GET', '/rest/api/3/issue/10001/properties/other'],
    ]);
  });

  it('sets a property with PUT and says whether it was created or updated', async () => {
    const [gateway, jira] = gatewayOn(() => reply(200));
    jira.script(reply(201));
    expect(await gateway.setIssueProperty('10001', 'serviceSla', { breached: 'true' })).toBe('created');
    expect(await gateway.setIssueProperty('10001', 'serviceSla', { breached: 'false' })).toBe('updated');
    expect(jira.sent[0]).toEqual({ actor: 'user', method: 'PUT', path: '/rest/api/3/issue/10001/properties/serviceSla', body: { breached: 'true' } });
  });

  it('refuses a value over 32 KB before sending, saying how large it is', async () => {
    const [gateway, jira] = gatewayOn(() => reply(200), 'app');
    const big = { text: 'é'.repeat(16_400) };
    const error = (await gateway.setIssueProperty('10001', 'serviceSla', big).catch((e: unknown) => e)) as JiraRequestRefused;
    expect(error).toBeInstanceOf(JiraRequestRefused);
    expect(error).toBeInstanceOf(JiraBadRequest);
    expect(error.message).toBe(
      'Not sent to Jira: set property serviceSla on issue 10001 would be rejected. The value is 32811 bytes of JSON; Jira keeps at most 32768 bytes in an issue property.',
    );
    await expect(gateway.setIssueProperty('10001', 'serviceSla', null)).rejects.toThrow('A property value must be a non-empty JSON value.');
    await expect(gateway.setIssueProperty('10001', 'k'.repeat(256), 1)).rejects.toThrow('A property key has 1 to 255 characters, this one 256.');
    expect(jira.sent).toEqual([]);
    // Exactly at the limit is sent.
    await gateway.setIssueProperty('10001', 'serviceSla', 'x'.repeat(32_766));
    expect(jira.sent).toHaveLength(1);
  });
});

describe('notify', () => {
  it("posts Atlassian's notification shape and accepts 204", async () => {
    const [gateway, jira] = gatewayOn(() => reply(204), 'app');
    await gateway.notifyIssue('SUP-1', {
      subject: 'SLA breached: SUP-1',
      textBody: 'Time to first response is over its target.',
      htmlBody: '<p>Time to first response is over its target.</p>',
      to: { assignee: true, users: [{ accountId: 'acc-manager' }] },
    });
    expect(jira.sent).toEqual([
      {
        actor: 'app',
        method: 'POST',
        path: '/rest/api/3/issue/SUP-1/notify',
        body: {
          subject: 'SLA breached: SUP-1',
          textBody: 'Time to first response is over its target.',
          htmlBody: '<p>Time to first response is over its target.</p>',
          to: { assignee: true, users: [{ accountId: 'acc-manager' }] },
        },
      },
    ]);
    expect(gateway.calls).toEqual({ notifyIssue: 1 });
  });

  it('refuses a notification to nobody, and names the action on a 403', async () => {
    const [gateway, jira] = gatewayOn(() => jiraError(403, ['Outgoing emails are disabled.']), 'app');
    await expect(gateway.notifyIssue('SUP-1', { subject: 's', textBody: 't', to: { users: [] } })).rejects.toThrow('The notification names no recipient.');
    expect(jira.sent).toEqual([]);
    await expect(gateway.notifyIssue('SUP-1', { subject: 's', textBody: 't', to: { assignee: true } })).rejects.toThrow(
      'Jira refused to let the app send a notification about issue SUP-1 (403).',
    );
  });
});
