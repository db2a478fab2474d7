// Runs the real @forge/kvs client against the local KVS service: defines the two globals the SDK
// reads (`__forge_runtime__`, `__forge_fetch__`) and loads a fresh copy of the SDK after them, since
// @forge/kvs picks its fetch client when it is first required.
import type * as KvsSdk from '@forge/kvs';
import type { EntityDefinition } from '../../local/forge/kvs';
import { makeKvs, type TestKvs } from './fixtures';

export interface FetchCall {
  target: Record<string, unknown>;
  path: string;
}

export interface SdkHarness extends TestKvs {
  sdk: typeof KvsSdk;
  /** Every `__forge_fetch__` call the SDK made. */
  calls: FetchCall[];
}

interface ForgeGlobals {
  __forge_runtime__?: unknown;
  __forge_fetch__?: (target: Record<string, unknown>, path: string, init?: RequestInit) => Promise<Response>;
}

export function loadKvsSdk(entities?: EntityDefinition[]): SdkHarness {
  const local = makeKvs(entities);
  const calls: FetchCall[] = [];
  const g = globalThis as ForgeGlobals;
  g.__forge_runtime__ = {
    appContext: {
      appId: 'local-app',
      appVersion: '1.0.0',
      environmentId: 'local-development',
      environmentType: 'DEVELOPMENT',
      invocationId: 'test-invocation',
      installationId: 'local-installation',
      moduleKey: 'test',
      permissions: { scopes: ['storage:app'] },
    },
    contextAri: 'ari:cloud:jira::site/local',
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    metrics: {
      counter: () => ({ incr: () => undefined }),
      timing: () => ({ measure: () => ({ stop: () => undefined }) }),
    },
  };
  g.__forge_fetch__ = async (target, path, init) => {
    calls.push({ target, path });
    if (target.type !== 'kvs') {
      return new Response(JSON.stringify({ code: 'UNSUPPORTED', message: `harness routes only KVS, not ${String(target.type)}` }), {
        status: 500,
        headers: { 'forge-proxy-error': 'PROXY_ERR' },
      });
    }
    // The service takes the JSON text as the SDK sent it.
    const reply = local.service.handle(path, typeof init?.body === 'string' ? init.body : undefined);
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: reply.body === undefined ? {} : { 'content-type': 'application/json' },
    });
  };
  let sdk: typeof KvsSdk | undefined;
  jest.isolateModules(() => {
    sdk = require('@forge/kvs') as typeof KvsSdk;
  });
  if (!sdk) throw new Error('@forge/kvs did not load');
  return { ...local, sdk, calls };
}
