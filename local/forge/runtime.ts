// The local Forge host: runs the app's handlers, unmodified, the way Forge invokes them.
import { join } from 'node:path';
import { openLocalDb, type LocalDb } from '../db';
import type { JiraBackend, ProductEvent, ProductEventListener } from '../jira/backend';
import { routeFetch } from './fetch-router';
import { installForgeGlobals, runInInvocation, type FetchTarget, type Invocation, type InvocationHost } from './invocation';
import { createKvsService, type KvsService } from './kvs';
import { loadManifest, SCHEDULE_INTERVAL_MS, type AppManifest, type FunctionDef } from './manifest';
import { QueueBroker, type AsyncEvent } from './queues';
import { loadTranslations, writeAppCodeDir, type AppTranslations } from './translations';
import { scopesForEvent } from './event-scopes';

/** Limits that bite in production (developer.atlassian.com/platform/forge/limits-invocation). */
export const LIMITS = {
  resolverSeconds: 25,
  productTriggerSeconds: 25,
  /** Consumers and scheduled triggers without `timeoutSeconds`. */
  defaultLongRunningSeconds: 55,
  maxTimeoutSeconds: 900,
};

export interface LocalForgeOptions {
  appRoot?: string;
  /** A database file, `:memory:`, or an open database shared with the Jira emulator. */
  db?: LocalDb | string;
  jira?: JiraBackend & { onEvent?(listener: ProductEventListener): () => void };
  /** Multiplies queue delays and retry back-off: 1 = real time, 0 = at once. */
  delayScale?: number;
  /** Shortens every time limit (tests); 1 = Forge's limits. */
  timeScale?: number;
  log?: (line: string) => void;
  /** The KVS clock (epoch ms), for tests of TTL and timestamps. */
  now?: () => number;
  /** Sees every `__forge_fetch__` call the app makes (tests, debugging). */
  trace?: (target: FetchTarget, path: string) => void;
  /** Delivers product events from `jira.onEvent` the way Forge may: twice, late, out of order. Off by default. */
  eventDelivery?: EventDeliveryOptions;
}

/**
 * Forge invokes product-event triggers at least once and does not guarantee their order. These options make the
 * local delivery (events from `jira.onEvent`) that harsh, deterministically for a given `seed`; `idle()` and
 * `close()` still wait for every held event. Direct `deliverProductEvent` calls are not affected.
 */
export interface EventDeliveryOptions {
  /** Share of events (0..1) delivered a second time; each copy is an identical, separate payload. Default 0. */
  duplicateRate?: number;
  /** Each delivery (copies too) waits 0..reorderWindowMs real milliseconds, so later events can overtake. Default 0. */
  reorderWindowMs?: number;
  /** Seed of the choices above (which events are duplicated, how long each waits). Default 1. */
  seed?: number;
}

export interface ResolverCall {
  moduleKey: string;
  /** The resolver name given to `invoke()` in the UI. */
  functionKey: string;
  payload?: unknown;
  accountId?: string;
  /** Module-specific part of the UI context, e.g. `{ type: 'jira:issuePanel', issue: {...}, project: {...} }`. */
  extension?: Record<string, unknown>;
  locale?: string;
  timezone?: string;
}

export class ForgeInvocationError extends Error {
  override readonly name = 'ForgeInvocationError';
}

export interface TriggerRun { trigger: string; ok: boolean; error?: string }

const CLOUD_ID = '5e3c0a7e-10ca-4c10-8a1e-000000000001';

export class LocalForge {
  readonly manifest: AppManifest;
  readonly db: LocalDb;
  readonly kvs: KvsService;
  private kvsCounts: Record<string, number> = {};
  readonly cloudId = CLOUD_ID;
  /** The manifest's `translations`, read once at start; undefined when it declares none. */
  readonly translations?: AppTranslations;
  private readonly host: InvocationHost;
  private readonly queues: QueueBroker;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribe?: () => void;
  private readonly ownsDb: boolean;
  private appModules = new Map<string, Record<string, unknown>>();
  private readonly log: (line: string) => void;
  private readonly timeScale: number;

  constructor(private readonly options: LocalForgeOptions = {}) {
    const appRoot = options.appRoot ?? process.cwd();
    this.manifest = loadManifest(appRoot);
    this.translations = this.manifest.translations && loadTranslations(appRoot, this.manifest.translations);
    this.ownsDb = typeof options.db !== 'object';
    this.db = typeof options.db === 'object' ? options.db : openLocalDb(options.db);
    this.kvs = createKvsService(this.db, this.manifest.entities, { now: options.now });
    this.log = options.log ?? ((line) => console.warn(line));
    this.timeScale = options.timeScale ?? 1;
    this.queues = new QueueBroker((event) => this.deliverToConsumer(event), options.delayScale ?? 1);
    // KVS requests are counted per operation path, for benchmarks and tests (as the emulator counts Jira calls).
    const kvs = { handle: (path: string, body: unknown) => ((this.kvsCounts[path] = (this.kvsCounts[path] ?? 0) + 1), this.kvs.handle(path, body)) };
    const deps = { scopes: this.manifest.scopes, kvs, jira: options.jira, queues: this.queues, log: this.log };
    this.host = {
      appId: this.manifest.appId.split('/').pop() ?? 'local-app',
      environmentId: 'local-development',
      installationId: 'local-installation',
      cloudId: CLOUD_ID,
      scopes: [...this.manifest.scopes],
      // As deployed, the function's code folder holds the translations (`__LOCALES__/`); here one under .data/.
      appCodeDir: this.translations && writeAppCodeDir(appRoot, this.translations),
      fetch: (target, path, init, inv) => {
        options.trace?.(target, path);
        return routeFetch(deps, target, path, init, inv);
      },
    };
    installForgeGlobals();
    if (options.jira?.onEvent) {
      const deliver = harshDelivery(options.eventDelivery);
      this.unsubscribe = options.jira.onEvent(
        deliver
          ? (event) => {
              for (const { event: copy, delayMs } of deliver(event)) this.track(delayMs === 0 ? this.deliverProductEvent(copy) : this.deliverLater(copy, delayMs));
            }
          : (event) => this.track(this.deliverProductEvent(event)),
      );
    }
  }

  /** Calls a resolver as `@forge/bridge` `invoke()` does from the module's Custom UI. */
  async invokeResolver(call: ResolverCall): Promise<unknown> {
    const module = this.manifest.uiModules.find((m) => m.key === call.moduleKey);
    if (!module) throw new ForgeInvocationError(`No UI module '${call.moduleKey}' in manifest.yml.`);
    if (!module.resolverFunction) throw new ForgeInvocationError(`Module '${call.moduleKey}' has no resolver.`);
    const fn = this.functionDef(module.resolverFunction);
    const context = {
      accountId: call.accountId,
      cloudId: CLOUD_ID,
      localId: `${module.key}-local`,
      moduleKey: module.key,
      environmentId: this.host.environmentId,
      environmentType: 'DEVELOPMENT',
      locale: call.locale ?? 'en-US',
      timezone: call.timezone ?? 'UTC',
      extension: { type: module.type, ...call.extension },
    };
    const body = { call: { functionKey: call.functionKey, payload: call.payload }, context };
    const functionContext = this.functionContext(call.accountId);
    const result = await this.run(fn, module.type, module.key, LIMITS.resolverSeconds, call.accountId, body, functionContext);
    // Forge serialises the answer: Dates become strings, undefined disappears.
    return result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown);
  }

  /** Delivers a product event to every trigger subscribed to it, honouring `ignoreSelf`. */
  async deliverProductEvent(event: ProductEvent): Promise<TriggerRun[]> {
    const runs: TriggerRun[] = [];
    for (const trigger of this.manifest.triggers) {
      if (!trigger.events.includes(event.eventType)) continue;
      if (trigger.ignoreSelf && event.selfGenerated) continue;
      const missing = scopesForEvent(event.eventType).filter((s) => !this.manifest.scopes.has(s));
      if (missing.length > 0) {
        const error = `event ${event.eventType} needs scope '${missing.join("', '")}', missing from permissions.scopes`;
        this.log(`forge: trigger ${trigger.key} not run: ${error}`);
        runs.push({ trigger: trigger.key, ok: false, error });
        continue;
      }
      const fn = this.functionDef(trigger.functionKey);
      try {
        await this.run(fn, 'trigger', trigger.key, LIMITS.productTriggerSeconds, undefined, event, this.functionContext());
        runs.push({ trigger: trigger.key, ok: true });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.log(`forge: trigger ${trigger.key} failed on ${event.eventType}: ${message}`);
        runs.push({ trigger: trigger.key, ok: false, error: message });
      }
    }
    return runs;
  }

  private async deliverLater(event: ProductEvent, delayMs: number): Promise<TriggerRun[]> {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return this.deliverProductEvent(event);
  }

  /** Runs a scheduled trigger now, as Forge does on its interval. */
  async runScheduledTrigger(key: string): Promise<void> {
    const trigger = this.manifest.scheduledTriggers.find((t) => t.key === key);
    if (!trigger) throw new ForgeInvocationError(`No scheduledTrigger '${key}' in manifest.yml.`);
    const fn = this.functionDef(trigger.functionKey);
    const request = { context: { cloudId: CLOUD_ID, moduleKey: key }, contextToken: 'local-context-token' };
    await this.run(fn, 'scheduledTrigger', key, this.longRunningSeconds(fn), undefined, request, this.functionContext());
  }

  /**
   * Starts every scheduled trigger on its interval (`intervalScale` shortens them for demos), each run once at
   * once: Forge's first run comes within an interval of deploying, and a local start should not wait for it.
   */
  startSchedules(intervalScale = 1): void {
    for (const trigger of this.manifest.scheduledTriggers) {
      const every = SCHEDULE_INTERVAL_MS[trigger.interval] * intervalScale;
      const run = () => this.track(this.runScheduledTrigger(trigger.key).catch((e: unknown) => this.log(`forge: ${trigger.key}: ${String(e)}`)));
      run();
      const timer = setInterval(run, every);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** Runs code inside an invocation so the Forge SDKs work (seeding, tests). */
  async withInvocation<T>(fn: () => Promise<T>, options: { accountId?: string; moduleKey?: string } = {}): Promise<T> {
    const { result } = runInInvocation(
      {
        host: this.host,
        moduleType: 'local',
        moduleKey: options.moduleKey ?? 'local',
        functionKey: 'local',
        principal: options.accountId ? { accountId: options.accountId } : undefined,
        timeoutMs: LIMITS.maxTimeoutSeconds * 1000,
      },
      fn,
    );
    return result;
  }

  /** Resolves when all product events, queue events and scheduled runs started so far are done. */
  /** KVS requests made by the app's functions, by path (`/api/v1/entity/get` ...), since the last reset. */
  kvsCalls(): Record<string, number> {
    return { ...this.kvsCounts };
  }

  resetKvsCalls(): void {
    this.kvsCounts = {};
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    await this.queues.idle();
    if (this.pending.size > 0) await this.idle();
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.unsubscribe?.();
    await this.idle();
    if (this.ownsDb) this.db.close();
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private functionDef(key: string): FunctionDef {
    const fn = this.manifest.functions.get(key);
    if (!fn) throw new ForgeInvocationError(`No function '${key}' in manifest.yml.`);
    return fn;
  }

  private longRunningSeconds(fn: FunctionDef): number {
    return Math.min(fn.timeoutSeconds ?? LIMITS.defaultLongRunningSeconds, LIMITS.maxTimeoutSeconds);
  }

  private functionContext(accountId?: string): Record<string, unknown> {
    return {
      installContext: `ari:cloud:jira::site/${CLOUD_ID}`,
      principal: accountId ? { accountId } : undefined,
      installation: { ari: { installationId: this.host.installationId }, contexts: [{ cloudId: CLOUD_ID }] },
    };
  }

  private handler(fn: FunctionDef): (body: unknown, context: unknown) => unknown {
    let mod = this.appModules.get(fn.file);
    if (!mod) {
      // Loaded after the globals exist: @forge/kvs and @forge/api read them when first required.
      mod = require(join(this.options.appRoot ?? process.cwd(), 'src', fn.file)) as Record<string, unknown>;
      this.appModules.set(fn.file, mod);
    }
    const handler = mod[fn.exportName];
    if (typeof handler !== 'function') {
      throw new ForgeInvocationError(`Function '${fn.key}': src/${fn.file} does not export a function '${fn.exportName}'.`);
    }
    return handler as (body: unknown, context: unknown) => unknown;
  }

  private async run(
    fn: FunctionDef,
    moduleType: string,
    moduleKey: string,
    limitSeconds: number,
    accountId: string | undefined,
    body: unknown,
    context: unknown,
  ): Promise<unknown> {
    const handler = this.handler(fn);
    const timeoutMs = limitSeconds * 1000 * this.timeScale;
    const { invocation, result } = runInInvocation(
      {
        host: this.host,
        moduleType,
        moduleKey,
        functionKey: fn.key,
        principal: accountId ? { accountId } : undefined,
        timeoutMs,
      },
      async () => handler(body, context),
    );
    return withDeadline(result, invocation, timeoutMs, `Function '${fn.key}' (${moduleType} '${moduleKey}') ran longer than the ${limitSeconds} s Forge allows.`);
  }

  private async deliverToConsumer(event: AsyncEvent): Promise<{ kind: 'done' } | { kind: 'retry'; reason: string; afterSeconds?: number }> {
    const consumer = this.manifest.consumers.find((c) => c.queue === event.queueName);
    if (!consumer) {
      this.log(`forge: no consumer for queue '${event.queueName}'; event dropped`);
      return { kind: 'done' };
    }
    const fn = this.functionDef(consumer.functionKey);
    try {
      const result = (await this.run(fn, 'consumer', consumer.key, this.longRunningSeconds(fn), undefined, event, this.functionContext())) as
        | { _retry?: boolean; retryOptions?: { retryAfter?: number; retryReason?: string } }
        | undefined;
      if (result?._retry) {
        return { kind: 'retry', reason: result.retryOptions?.retryReason ?? 'FUNCTION_RETRY_REQUEST', afterSeconds: result.retryOptions?.retryAfter };
      }
      return { kind: 'done' };
    } catch (error) {
      this.log(`forge: consumer ${consumer.key} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { kind: 'retry', reason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' };
    }
  }
}

function withDeadline<T>(work: Promise<T>, invocation: Invocation, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      invocation.expired = true; // its later platform calls fail, as in a killed Forge function
      reject(new ForgeInvocationError(message));
    }, timeoutMs);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * The deliveries of one product event under `eventDelivery`: the event, maybe a copy, each with its hold-back.
 * Undefined when the options ask for nothing (every event once, at once, in order).
 */
function harshDelivery(options: EventDeliveryOptions | undefined): ((event: ProductEvent) => { event: ProductEvent; delayMs: number }[]) | undefined {
  const duplicateRate = options?.duplicateRate ?? 0;
  const window = options?.reorderWindowMs ?? 0;
  if (!(duplicateRate >= 0 && duplicateRate <= 1)) throw new Error(`eventDelivery.duplicateRate must be between 0 and 1 (got ${duplicateRate})`);
  if (!(window >= 0 && Number.isFinite(window))) throw new Error(`eventDelivery.reorderWindowMs must be a number of milliseconds >= 0 (got ${window})`);
  if (duplicateRate === 0 && window === 0) return undefined;
  const random = seededRandom(options?.seed ?? 1);
  return (event) => {
    const copies = random() < duplicateRate ? 2 : 1;
    return Array.from({ length: copies }, (_, i) => ({
      event: i === 0 ? event : structuredClone(event),
      delayMs: window > 0 ? Math.floor(random() * (window + 1)) : 0,
    }));
  };
}

/** mulberry32: a small deterministic generator of numbers in [0, 1). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createLocalForge(options: LocalForgeOptions = {}): LocalForge {
  return new LocalForge(options);
}
