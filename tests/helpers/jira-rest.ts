// Calls the local host's Jira emulator as a person, as a browser or REST client would (not through the app).
import type { LocalHost } from '../../local/host';

export async function jiraRest(host: LocalHost, accountId: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await host.jira.handle({
    method,
    path,
    headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
    principal: { kind: 'user', accountId },
    fromApp: false,
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.body}`);
  return res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
}
