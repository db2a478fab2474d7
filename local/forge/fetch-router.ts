// Answers `__forge_fetch__` for one invocation: KVS, Jira (as app or as the user), queue pushes.
// Enforces the app's granted scopes and says which scope is missing.
import type { JiraBackend, JiraPrincipal } from '../jira/backend';
import type { FetchTarget, Invocation } from './invocation';
import { proxyError } from './invocation';
import { checkJiraScopes } from './jira-scopes';
import type { QueueBroker } from './queues';

export interface KvsHandler {
  handle(path: string, body: unknown): { status: number; body?: unknown };
}

export interface RouterDeps {
  scopes: ReadonlySet<string>;
  kvs: KvsHandler;
  jira?: JiraBackend;
  queues: QueueBroker;
  log(line: string): void;
}

const QUEUE_PATH = /^\/webhook\/queue\/(publish|stats|cancel)\//;

export async function routeFetch(
  deps: RouterDeps,
  target: FetchTarget,
  path: string,
  init: RequestInit | undefined,
  inv: Invocation,
): Promise<Response> {
  if (target.type === 'kvs') return kvsCall(deps, path, init);
  if (target.type === 'fpp' && (target.remote === 'jira' || target.contextAri)) return jiraCall(deps, target, path, init, inv);
  if (target.type === 'fpp' && target.remote === 'stargate' && QUEUE_PATH.test(path)) return queueCall(deps, path, init);
  deps.log(`forge: ${target.type}/${target.remote ?? target.provider ?? '?'} ${path} is not emulated locally`);
  return proxyError(501, 'NOT_EMULATED', `The local Forge runtime does not emulate ${target.type} calls to ${path}.`);
}

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
}

function parseBody(init: RequestInit | undefined): unknown {
  if (typeof init?.body !== 'string' || init.body === '') return undefined;
  return JSON.parse(init.body) as unknown;
}

function missingScope(deps: RouterDeps, scope: string, what: string): Response {
  const message = `Scope '${scope}' is missing from permissions.scopes in manifest.yml (needed for ${what}).`;
  deps.log(`forge: ${message}`);
  return json(403, { code: 'SCOPE_MISSING', message });
}

function kvsCall(deps: RouterDeps, path: string, init: RequestInit | undefined): Response {
  if (!deps.scopes.has('storage:app')) return missingScope(deps, 'storage:app', `KVS ${path}`);
  let body: unknown;
  try {
    body = parseBody(init);
  } catch {
    return json(400, { code: 'BAD_REQUEST', message: 'The request body is not JSON.' });
  }
  const reply = deps.kvs.handle(path, body);
  return json(reply.status, reply.body);
}

async function jiraCall(
  deps: RouterDeps,
  target: FetchTarget,
  path: string,
  init: RequestInit | undefined,
  inv: Invocation,
): Promise<Response> {
  const method = (init?.method ?? 'GET').toUpperCase();
  const scope = checkJiraScopes(method, path, deps.scopes);
  if (scope.missing.length > 0) {
    const message = `Scope '${scope.missing.join("', '")}' is missing from permissions.scopes in manifest.yml (needed for ${scope.operation}).`;
    deps.log(`forge: ${message}`);
    // What Jira itself answers to a token without the scope, with the reason spelled out.
    return json(401, { code: 401, message: `Unauthorized; scope does not match. ${message}` });
  }
  let principal: JiraPrincipal;
  if (target.provider === 'user') {
    const accountId = target.accountId ?? inv.principal?.accountId;
    if (!accountId) return proxyError(401, 'NEEDS_AUTHENTICATION_ERR', 'asUser() needs a user; this invocation has none.');
    principal = { kind: 'user', accountId };
  } else {
    principal = { kind: 'app' };
  }
  if (!deps.jira) return proxyError(502, 'NO_JIRA', 'The local Forge runtime was started without a Jira backend.');
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const body = typeof init?.body === 'string' ? init.body : undefined;
  const reply = await deps.jira.handle({ method, path, headers, body, principal, fromApp: true });
  const noBody = reply.status === 204 || reply.status === 304;
  return new Response(noBody ? null : reply.body, { status: reply.status, headers: reply.headers });
}

function queueCall(deps: RouterDeps, path: string, init: RequestInit | undefined): Response {
  const action = QUEUE_PATH.exec(path)?.[1];
  const body = parseBody(init) as { queueName?: string; jobId?: string; payload?: { body: Record<string, unknown>; delayInSeconds?: number }[] };
  if (!body?.queueName || !body.jobId) return json(400, { message: 'queueName and jobId are required' });
  if (action === 'publish') {
    deps.queues.publish(body.queueName, body.jobId, body.payload ?? []);
    return json(201, {});
  }
  if (action === 'stats') {
    const stats = deps.queues.stats(body.queueName, body.jobId);
    return stats ? json(200, { success: stats.success, inProgress: stats.inProgress, failed: stats.failed }) : json(404, {});
  }
  deps.queues.cancel(body.queueName, body.jobId);
  return json(204, undefined);
}
