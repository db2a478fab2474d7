// The HTTP handler: answers /rest/api/3/** only, Basic auth by email (or accountId), a host-page override of the
// caller, Jira's 401 challenge, and bodies passed through unchanged.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJiraHttpHandler } from '../../local/jira/http';
import { makeHarness, USERS, type Harness } from './fixture';
import type { ErrorJson, UserJson } from './wire';

let h: Harness;
let server: Server;
let base: string;

beforeAll(async () => {
  h = makeHarness();
  const handler = createJiraHttpHandler(h.jira, {
    principalFor: (req: IncomingMessage) => (req.headers['x-signed-in'] === 'eve' ? { kind: 'user', accountId: USERS.engineer } : undefined),
    maxBodyBytes: 64 * 1024,
  });
  server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(418, { 'content-type': 'text/plain' });
        res.end('not jira');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const basic = (user: string) => `Basic ${Buffer.from(`${user}:token`).toString('base64')}`;

it('leaves other paths to the host', async () => {
  const res = await fetch(`${base}/index.html`);
  expect(res.status).toBe(418);
});

it('authenticates with Basic email or accountId, any password', async () => {
  const byEmail = await fetch(`${base}/rest/api/3/myself`, { headers: { authorization: basic('SAM@msp.example') } });
  expect(((await byEmail.json()) as UserJson).accountId).toBe(USERS.agent);
  const byId = await fetch(`${base}/rest/api/3/myself`, { headers: { authorization: basic(USERS.acme) } });
  expect(((await byId.json()) as UserJson).accountId).toBe(USERS.acme);
});

it('answers 401 with a Basic challenge for unknown or missing credentials', async () => {
  const attempts: Record<string, string>[] = [{}, { authorization: basic('nobody@example.com') }, { authorization: 'Bearer abc' }];
  for (const headers of attempts) {
    const res = await fetch(`${base}/rest/api/3/myself`, { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(((await res.json()) as ErrorJson).errorMessages[0]).toMatch(/not authenticated/);
  }
});

it('lets the host page answer as its signed-in user', async () => {
  const res = await fetch(`${base}/rest/api/3/myself`, { headers: { 'x-signed-in': 'eve', authorization: basic('sam@msp.example') } });
  expect(((await res.json()) as UserJson).accountId).toBe(USERS.engineer);
});

it('passes bodies and status codes through, and refuses oversized bodies', async () => {
  const put = await fetch(`${base}/rest/api/3/issue/ACME-2/properties/note`, {
    method: 'PUT',
    headers: { authorization: basic('sam@msp.example'), 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Grüezi' }),
  });
  expect(put.status).toBe(201);
  expect(await put.text()).toBe('');
  const got = await fetch(`${base}/rest/api/3/issue/ACME-2/properties/note`, { headers: { authorization: basic('sam@msp.example') } });
  expect(await got.json()).toEqual({ key: 'note', value: { text: 'Grüezi' } });
  const big = await fetch(`${base}/rest/api/3/issue/ACME-2/properties/big`, {
    method: 'PUT',
    headers: { authorization: basic('sam@msp.example'), 'content-type': 'application/json' },
    body: JSON.stringify({ blob: 'x'.repeat(70 * 1024) }),
  });
  expect(big.status).toBe(413);
});

it('refuses a body that is not declared as JSON (415), as Jira does', async () => {
  const res = await fetch(`${base}/rest/api/3/issue/ACME-2/comment`, {
    method: 'POST',
    headers: { authorization: basic('sam@msp.example'), 'content-type': 'text/plain' },
    body: JSON.stringify({ body: { type: 'doc', version: 1, content: [] } }),
  });
  expect(res.status).toBe(415);
  expect(((await res.json()) as ErrorJson).errorMessages[0]).toMatch(/Content-Type: application\/json/);
});

it('enforces the 32 KiB property value and 255-character key limits', async () => {
  const put = (key: string, value: unknown) =>
    fetch(`${base}/rest/api/3/issue/ACME-2/properties/${encodeURIComponent(key)}`, {
      method: 'PUT',
      headers: { authorization: basic('sam@msp.example'), 'content-type': 'application/json' },
      body: JSON.stringify(value),
    });
  expect((await put('fits', { blob: 'x'.repeat(32_768 - 12) })).status).toBe(201);
  expect((await put('too-big', { blob: 'x'.repeat(32_768) })).status).toBe(400);
  expect((await put('k'.repeat(256), { a: 1 })).status).toBe(400);
  expect((await put('k'.repeat(255), { a: 1 })).status).toBe(201);
});
