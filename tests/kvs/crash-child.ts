// Child process of the crash test: writes through the real @forge/kvs client on the local Forge runtime as fast
// as it can, and reports each write to the parent only after the SDK call has resolved. It never stops on its own.
import { kvs } from '@forge/kvs';
import { join } from 'node:path';
import { createLocalForge } from '../../local/forge/runtime';
import { type CrashMessage, txOperations } from './crash-shared';

const file = process.argv[2];
if (!file || !process.send) throw new Error('usage: forked with the database file and first write number as arguments');
const send = (message: CrashMessage) => process.send?.(message);
const forge = createLocalForge({ appRoot: join(__dirname, '../fixtures/crash-app'), db: file, log: () => {} });

async function write(n: number): Promise<CrashMessage> {
  if (n % 4 === 1) {
    await kvs.set(`s:${n}`, n);
    return { kind: 'set', n };
  }
  // Mostly transactions: a kill then most likely lands inside one.
  const tx = kvs.transact();
  for (const op of txOperations(n)) {
    if (op.entityName) tx.set(op.key, op.value, { entityName: op.entityName });
    else tx.set(op.key, op.value);
  }
  await tx.execute();
  return { kind: 'tx', n };
}

let n = Number(process.argv[3] ?? 0);
async function burst(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    n += 1;
    const current = n;
    try {
      send(await forge.withInvocation(() => write(current)));
    } catch (error) {
      send({ kind: 'failed', n: current, reply: error instanceof Error ? error.message : String(error) });
    }
  }
  setImmediate(() => void burst()); // lets the IPC channel drain between bursts
}

send({ kind: 'ready' });
void burst();
