// POST /issue/{issueIdOrKey}/notify: recipients resolved as Jira does (reporter, assignee, users, groups; `restrict`;
// only people who may see the issue; never the caller), recorded for tests instead of mailed, and Jira's errors.
import { makeHarness, USERS, type Harness } from './fixture';
import type { ErrorJson } from './wire';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});

const notify = (key: string, body: unknown, who: Parameters<Harness['call']>[2] = 'app') => h.call<ErrorJson | undefined>('POST', `/rest/api/3/issue/${key}/notify`, who, body);

describe('recipients', () => {
  it('reporter and assignee, with the issue key and summary as the default subject; 204 and a record', async () => {
    // GLX-1: reported by the Globex contact, assigned to the engineer.
    const res = await notify('GLX-1', { textBody: 'SLA breached', to: { reporter: true, assignee: true } });
    expect(res.status).toBe(204);
    expect(res.json).toBeUndefined();
    expect(h.jira.notifications()).toEqual([
      {
        id: expect.any(Number),
        issueId: expect.any(String),
        issueKey: 'GLX-1',
        recipients: [USERS.globex, USERS.engineer],
        subject: 'GLX-1: Server room too warm',
        textBody: 'SLA breached',
        htmlBody: null,
        requestedBy: null,
        fromApp: true,
        at: h.clock.now,
      },
    ]);
  });

  it('users and groups (by name or id), without repeats; clearNotifications forgets them', async () => {
    const groups = await h.call<{ groupId: string; name: string }[]>('GET', `/rest/api/3/user/groups?accountId=${USERS.admin}`, 'app');
    const admins = groups.json.find((g) => g.name === 'jira-admins');
    await notify('ACME-1', {
      subject: 'Escalation',
      htmlBody: '<p>Escalation</p>',
      to: { users: [{ accountId: USERS.agent }, { accountId: USERS.acme }], groups: [{ name: 'msp-staff' }], groupIds: [admins?.groupId] },
    });
    const [n] = h.jira.notifications();
    expect(n?.recipients).toEqual([USERS.agent, USERS.acme, USERS.admin, USERS.engineer]);
    expect([n?.subject, n?.htmlBody, n?.textBody]).toEqual(['Escalation', '<p>Escalation</p>', null]);
    h.jira.clearNotifications();
    expect(h.jira.notifications()).toEqual([]);
  });

  it('leaves out people who may not see the issue, and applies restrict (groups, permissions)', async () => {
    // The Acme contact cannot browse GLX: named or not, they get nothing.
    await notify('GLX-1', { to: { users: [{ accountId: USERS.acme }, { accountId: USERS.globex }, { accountId: USERS.agent }] } });
    expect(h.jira.notifications()[0]?.recipients).toEqual([USERS.globex, USERS.agent]);
    // Only staff: customers lack EDIT_ISSUES.
    await notify('GLX-1', { to: { reporter: true, assignee: true }, restrict: { permissions: [{ key: 'EDIT_ISSUES' }] } });
    expect(h.jira.notifications()[1]?.recipients).toEqual([USERS.engineer]);
    await notify('ACME-1', { to: { groups: [{ name: 'msp-staff' }] }, restrict: { groups: [{ name: 'jira-admins' }] } });
    expect(h.jira.notifications()[2]?.recipients).toEqual([USERS.admin]);
    // "BROWSE" is the old key of Browse Projects.
    await notify('ACME-1', { to: { users: [{ accountId: USERS.acme }] }, restrict: { permissions: [{ key: 'BROWSE' }] } });
    expect(h.jira.notifications()[3]?.recipients).toEqual([USERS.acme]);
  });

  it('never mails the calling user; naming only the caller is a 400', async () => {
    await notify('ACME-1', { to: { users: [{ accountId: USERS.agent }, { accountId: USERS.engineer }] } }, 'agent');
    expect(h.jira.notifications()[0]).toMatchObject({ recipients: [USERS.engineer], requestedBy: USERS.agent, fromApp: false });
    const self = await notify('ACME-1', { to: { users: [{ accountId: USERS.agent }] } }, 'agent');
    expect(self.status).toBe(400);
    expect(self.json?.errorMessages).toEqual(['The recipient is the same as the calling user.']);
  });

  it('watchers and voters are not emulated: asking for them alone is accepted and reaches nobody', async () => {
    expect((await notify('ACME-1', { to: { watchers: true, voters: true } })).status).toBe(204);
    expect(h.jira.notifications()[0]?.recipients).toEqual([]);
  });
});

describe('errors', () => {
  it.each([
    ['no recipients', { subject: 'x' }, 'No recipients were defined for notification.'],
    ['an empty to', { to: {} }, 'No recipients were defined for notification.'],
    ['all flags false', { to: { reporter: false, assignee: false, watchers: false } }, 'No recipients were defined for notification.'],
    ['the assignee of an unassigned issue', { to: { assignee: true } }, 'The issue ACME-3 is unassigned: it has no assignee to notify.'],
    ['an unknown user', { to: { users: [{ accountId: 'nobody' }] } }, "User with accountId 'nobody' does not exist."],
    ['an unknown group', { to: { groups: [{ name: 'nobody' }] } }, "Group 'nobody' does not exist."],
    ['an unknown permission', { to: { reporter: true }, restrict: { permissions: [{ key: 'FLY' }] } }, "Permission 'FLY' does not exist."],
  ])('%s is a 400', async (_, body, message) => {
    const res = await notify('ACME-3', body); // reported by the Acme contact, unassigned
    expect(res.status).toBe(400);
    expect(res.json?.errorMessages).toEqual([message]);
    expect(h.jira.notifications()).toEqual([]);
  });

  it('bad types name the field; a missing body is the generic 400', async () => {
    expect((await notify('ACME-1', { subject: 1, to: { reporter: true } })).json?.errors).toEqual({ subject: 'subject must be a string.' });
    expect((await notify('ACME-1', { to: { reporter: 'yes' } })).json?.errors).toEqual({ 'to.reporter': 'to.reporter must be true or false.' });
    expect((await notify('ACME-1', { to: [] })).json?.errors).toEqual({ to: 'to must be an object.' });
    expect((await notify('ACME-1', { to: { users: [USERS.agent] } })).json?.errors).toHaveProperty(['to.users']);
    expect((await notify('ACME-1', undefined)).status).toBe(400);
  });

  it('a hidden or missing issue is 404 (indistinguishable); anonymous is 401', async () => {
    expect((await notify('GLX-1', { to: { reporter: true } }, 'acme')).status).toBe(404);
    expect((await notify('NOPE-1', { to: { reporter: true } })).status).toBe(404);
    expect((await notify('ACME-1', { to: { reporter: true } }, 'anonymous')).status).toBe(401);
    expect(h.jira.notifications()).toEqual([]);
  });

  it('customers may send one on issues they see (Browse Projects is all it needs)', async () => {
    expect((await notify('ACME-2', { to: { assignee: true } }, 'acme')).status).toBe(204);
    expect(h.jira.notifications()[0]?.recipients).toEqual([USERS.agent]);
  });
});

it('notifications survive a restart on the same database and are dropped by reset()', async () => {
  await notify('ACME-1', { to: { reporter: true } });
  const again = makeHarness({ db: h.db, seed: null });
  expect(again.jira.notifications().map((n) => n.issueKey)).toEqual(['ACME-1']);
  again.jira.reset();
  expect(again.jira.notifications()).toEqual([]);
});
