// Serves the emulator over HTTP at `/rest/api/3/**` (for Jira clients, curl and the host page). Basic auth with a
// demo user's email (any password); `principalFor` lets the host page answer as its signed-in user instead.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JiraPrincipal } from './backend';
import type { JiraEmulator } from './emulator';

export interface JiraHttpOptions {
  /** Overrides Basic auth, e.g. with the host page's signed-in user; undefined falls back to Basic auth. */
  principalFor?(req: IncomingMessage): JiraPrincipal | undefined;
  /** Largest request body accepted (default 10 MiB); larger ones get 413. */
  maxBodyBytes?: number;
}

const PREFIX = '/rest/api/3/';

export function createJiraHttpHandler(emulator: JiraEmulator, options: JiraHttpOptions = {}) {
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  return async function handleJiraHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = req.url ?? '/';
    const pathname = path.split('?')[0] ?? '';
    if (!(pathname.startsWith(PREFIX) || pathname === PREFIX.slice(0, -1))) return false;

    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > maxBody) {
        send(res, 413, { 'content-type': 'application/json;charset=UTF-8' }, JSON.stringify({ errorMessages: ['The request body is too large.'], errors: {} }));
        return true;
      }
      chunks.push(buf);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const principal = options.principalFor?.(req) ?? emulator.authenticateBasic(headers.authorization);
    const body = chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
    const reply = await emulator.handle({ method: req.method ?? 'GET', path, headers, body, principal, fromApp: false });
    const out = { ...reply.headers };
    if (reply.status === 401) out['www-authenticate'] = 'Basic realm="Jira emulator"';
    send(res, reply.status, out, reply.body);
    return true;
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, ...(body === '' ? {} : { 'content-length': String(Buffer.byteLength(body)) }) });
  res.end(body === '' ? undefined : body);
}
