// Child process of the crash test: writes through the KVS service as fast as it can, and reports each
// write to the parent only after the service has acknowledged it. It never stops on its own.
import { openLocalDb } from '../../local/db';
import { createKvsService } from '../../local/forge/kvs';
import { CRASH_ENTITY, type CrashMessage, txOperations } from './crash-shared';

const file = process.argv[2];
if (!file || !process.send) throw new Error('usage: forked with the database file and first write number as arguments');
const send = (message: CrashMessage) => process.send?.(message);
const kvs = createKvsService(openLocalDb(file), [CRASH_ENTITY]);

let n = Number(process.argv[3] ?? 0);
function burst(): void {
  for (let i = 0; i < 10; i++) {
    n += 1;
    const single = n % 4 === 1; // mostly transactions: a kill then most likely lands inside one
    const reply = single
      ? kvs.handle('/api/v1/set', { key: `s:${n}`, value: n })
      : kvs.handle('/api/v1/transaction', { set: txOperations(n) });
    if (reply.status !== 204) send({ kind: 'failed', n, reply });
    else send(single ? { kind: 'set', n } : { kind: 'tx', n });
  }
  setImmediate(burst); // lets the IPC channel drain between bursts
}

send({ kind: 'ready' });
burst();
