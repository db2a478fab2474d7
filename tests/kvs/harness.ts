// Runs the real, unmodified @forge/kvs client over the local Forge runtime: each test body runs inside one
// invocation of a fixture app whose manifest declares the test entity (tests/fixtures/kvs-app).
import * as sdk from '@forge/kvs';
import { join } from 'node:path';
import type { FetchTarget } from '../../local/forge/invocation';
import { createLocalForge } from '../../local/forge/runtime';

export interface SdkHarness {
  sdk: typeof sdk;
  /** The KVS clock (epoch ms); tests move it for TTLs. */
  clock: { now: number };
  /** Every `__forge_fetch__` call the SDK made. */
  calls: { target: FetchTarget; path: string }[];
}

const appRoot = join(__dirname, '../fixtures/kvs-app');

export function inForge(body: (harness: SdkHarness) => Promise<void>): () => Promise<void> {
  return async () => {
    const clock = { now: Date.UTC(2026, 0, 15, 9, 0, 0) };
    const calls: SdkHarness['calls'] = [];
    const forge = createLocalForge({ appRoot, db: ':memory:', now: () => clock.now, trace: (target, path) => calls.push({ target, path }) });
    try {
      await forge.withInvocation(() => body({ sdk, clock, calls }));
    } finally {
      await forge.close();
    }
  };
}
