// The demo company on the local host (no web traffic needed): its configuration is imported through the app's
// importConfig resolver on start, so every test begins from the demo's customers, contracts and policies.
import { join } from 'node:path';
import type { ResolverName, RequestOf, ResponseOf } from '../../../src/contract/resolvers';
import type { ResolverResult } from '../../../src/contract/result';
import { startLocalHost, type LocalHost } from '../../../local/host';

export const ADMIN = '712020:morgan.keller';
export const ENGINEER = '712020:lukas.meier';
export const CONTACT = 'qm:alpenbank:reto.huber';
export const ADMIN_MODULE = 'service-admin-page';

export const DEMO_ANCHOR = '2026-06-10T14:00:00Z';

export async function startDemoHost(): Promise<LocalHost> {
  return startLocalHost({
    appRoot: join(__dirname, '../../..'),
    port: 0,
    dbFile: ':memory:',
    demo: { anchor: DEMO_ANCHOR },
    schedules: false,
    delayScale: 0,
    log: () => {},
  });
}

/** Calls a resolver the way the admin page's bridge does, as `accountId`, from `moduleKey`. */
export function caller(host: LocalHost, accountId: string, moduleKey = ADMIN_MODULE, locale = 'en-US', timezone = 'UTC') {
  return <N extends ResolverName>(name: N, payload: RequestOf<N> | Record<string, unknown>): Promise<ResolverResult<ResponseOf<N>>> =>
    host.forge.invokeResolver({ moduleKey, functionKey: name, accountId, payload, locale, timezone }) as Promise<ResolverResult<ResponseOf<N>>>;
}

/** The data of a successful answer; a failed one fails the test with its error. */
export function ok<T>(result: ResolverResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Every KVS row the app stored, for "storage is unchanged" checks. */
export function storageSnapshot(host: LocalHost): string {
  return JSON.stringify(host.db.prepare('SELECT * FROM kvs_items ORDER BY 1, 2, 3').all());
}
