// Durability: a process writing through @forge/kvs on the local runtime, killed with SIGKILL mid-burst, loses no acknowledged write
// and leaves no transaction half-applied. Several rounds kill at unrelated moments, on the same file.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openLocalDb } from '../../local/db';
import { createKvsService } from '../../local/forge/kvs';
import { CRASH_ENTITY, type CrashMessage, TX_KEYS } from './crash-shared';

const REPO = resolve(__dirname, '../..');
const ROUNDS = 6;
/** Each round numbers its writes from its own base, so rounds never touch the same keys. */
const ROUND_SPAN = 1_000_000;

interface Acks {
  sets: number[];
  txs: number[];
  failures: unknown[];
}

/** Runs the writer until it has acknowledged some writes, then kills it after a random short delay. */
async function crashRound(file: string, base: number, acks: Acks): Promise<NodeJS.Signals | null> {
  const child = fork(join(__dirname, 'crash-child.ts'), [file, String(base)], {
    cwd: REPO,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exit = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  let seen = 0;
  child.on('message', (message: CrashMessage) => {
    if (message.kind === 'set') acks.sets.push(message.n);
    if (message.kind === 'tx') acks.txs.push(message.n);
    if (message.kind === 'failed') acks.failures.push(message);
    if (message.kind !== 'ready' && ++seen === 50) setTimeout(() => child.kill('SIGKILL'), Math.random() * 150);
  });
  return exit;
}

describe('crash safety', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kvs-crash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write and no torn transaction after SIGKILL mid-burst', async () => {
    const file = join(dir, 'local.db');
    const acks: Acks = { sets: [], txs: [], failures: [] };
    for (let round = 0; round < ROUNDS; round++) {
      expect(await crashRound(file, round * ROUND_SPAN, acks)).toBe('SIGKILL');
    }
    expect(acks.failures).toEqual([]);
    expect(acks.txs.length).toBeGreaterThan(ROUNDS * 30);

    const db = openLocalDb(file);
    try {
      const kvs = createKvsService(db, [CRASH_ENTITY]);
      for (const n of acks.sets) expect(kvs.handle('/api/v1/get', { key: `s:${n}` })).toEqual({ status: 200, body: { key: `s:${n}`, value: n } });
      for (const n of acks.txs) {
        expect(kvs.handle('/api/v1/get', { key: `t:${n}:0` }).body).toMatchObject({ value: n });
        expect(kvs.handle('/api/v1/entity/get', { entityName: CRASH_ENTITY.name, key: `t:${n}:1` }).body).toMatchObject({ value: { n } });
      }
      // Every transaction that reached the file, acknowledged or not, is there whole.
      const rows = db.prepare(`SELECT key FROM kvs_items WHERE key LIKE 't:%'`).all() as Array<{ key: string }>;
      const perTx = new Map<string, number>();
      for (const { key } of rows) {
        const n = key.split(':')[1] as string;
        perTx.set(n, (perTx.get(n) ?? 0) + 1);
      }
      expect([...perTx].filter(([, count]) => count !== TX_KEYS)).toEqual([]);
      expect(perTx.size).toBeGreaterThanOrEqual(acks.txs.length);
    } finally {
      db.close();
    }
  }, 30_000);
});
