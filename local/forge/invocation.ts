// One Forge invocation: who runs, which module and function, and until when. Held in AsyncLocalStorage so the
// two globals the SDKs call (__forge_runtime__, __forge_fetch__) answer for the invocation that is running.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface InvocationHost {
  appId: string;
  environmentId: string;
  installationId: string;
  cloudId: string;
  scopes: readonly string[];
  /** The folder `__forge_runtime__.container.appCodeDir` names; its `__LOCALES__/` is what @forge/api `i18n` reads. */
  appCodeDir?: string;
  fetch(target: FetchTarget, path: string, init: RequestInit | undefined, invocation: Invocation): Promise<Response>;
}

export interface FetchTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
}

export interface Invocation {
  id: string;
  host: InvocationHost;
  moduleType: string;
  moduleKey: string;
  functionKey: string;
  /** The user the invocation runs as; absent for triggers, scheduled triggers and consumers. */
  principal?: { accountId: string };
  deadline: number;
  /** Set when the deadline passed: the platform has given up on this invocation, so its calls must fail. */
  expired: boolean;
}

const storage = new AsyncLocalStorage<Invocation>();

export function currentInvocation(): Invocation | undefined {
  return storage.getStore();
}

export function runInInvocation<T>(
  details: Omit<Invocation, 'id' | 'expired' | 'deadline'> & { timeoutMs: number },
  fn: () => Promise<T>,
): { invocation: Invocation; result: Promise<T> } {
  const { timeoutMs, ...rest } = details;
  const invocation: Invocation = { ...rest, id: randomUUID(), deadline: Date.now() + timeoutMs, expired: false };
  return { invocation, result: storage.run(invocation, fn) };
}

const noopMetric = { incr() {}, decr() {}, set() {}, measure: () => ({ stop() {} }), stop() {} };

/** The object `@forge/api`, `@forge/kvs` and `@forge/events` read as `global.__forge_runtime__`. */
export function runtimeView(inv: Invocation): Record<string, unknown> {
  const { host } = inv;
  return {
    appContext: {
      appId: host.appId,
      appVersion: '1.0.0',
      environmentId: host.environmentId,
      environmentType: 'DEVELOPMENT',
      invocationId: inv.id,
      installationId: host.installationId,
      functionKey: inv.functionKey,
      moduleType: inv.moduleType,
      moduleKey: inv.moduleKey,
      permissions: { scopes: [...host.scopes], external: {} },
    },
    contextAri: `ari:cloud:jira::site/${host.cloudId}`,
    container: { appCodeDir: host.appCodeDir },
    aaid: inv.principal?.accountId,
    lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, inv.deadline - Date.now()) },
    metrics: { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric },
    tracing: { traceId: inv.id.replace(/-/g, ''), spanId: inv.id.slice(0, 16).replace(/-/g, '0') },
  };
}

let installed = false;

/** Defines the two globals once per process; each call is answered by the host of the running invocation. */
export function installForgeGlobals(): void {
  if (installed) return;
  installed = true;
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    get: () => {
      const inv = storage.getStore();
      return inv ? runtimeView(inv) : undefined;
    },
  });
  Object.defineProperty(globalThis, '__forge_fetch__', {
    configurable: true,
    value: async (target: FetchTarget, path: string, init?: RequestInit): Promise<Response> => {
      const inv = storage.getStore();
      if (!inv) {
        return proxyError(500, 'NO_INVOCATION', 'A Forge API was called outside a function invocation.');
      }
      if (inv.expired) {
        return proxyError(500, 'INVOCATION_EXPIRED', `Function '${inv.functionKey}' already ran past its time limit.`);
      }
      return inv.host.fetch(target, path, init, inv);
    },
  });
}

export function proxyError(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ code, message }), {
    status,
    headers: { 'content-type': 'application/json', 'forge-proxy-error': code },
  });
}
