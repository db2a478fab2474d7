// A KVS service on an in-memory database with a clock the test moves, and the entities the tests use.
import { type LocalDb, openLocalDb } from '../../local/db';
import { createKvsService, type EntityDefinition, type KvsReply, type KvsService } from '../../local/forge/kvs';

export const TICKET_SLA: EntityDefinition = {
  name: 'ticket-sla',
  attributes: {
    issueKey: { type: 'string' },
    projectKey: { type: 'string' },
    breachAt: { type: 'integer' },
    score: { type: 'float' },
    breached: { type: 'boolean' },
    tags: { type: 'any' },
  },
  indexes: [
    'issueKey',
    { name: 'by-project-breach', range: ['breachAt'], partition: ['projectKey'] },
    { name: 'by-score', range: ['score'] },
    { name: 'by-breached', range: ['breachAt'], partition: ['breached'] },
  ],
};

export interface TestKvs {
  db: LocalDb;
  service: KvsService;
  /** Current time of the service's clock (epoch ms). */
  clock: { now: number };
  call(op: string, body: unknown): KvsReply;
  /** The reply body of a call that must answer `status`. */
  expectOk(op: string, body: unknown, status?: number): Record<string, unknown>;
}

export function makeKvs(entities: EntityDefinition[] = [TICKET_SLA], db: LocalDb = openLocalDb(':memory:')): TestKvs {
  const clock = { now: Date.UTC(2026, 0, 15, 9, 0, 0) };
  const service = createKvsService(db, entities, { now: () => clock.now });
  const call = (op: string, body: unknown) => service.handle(`/api/v1/${op}`, body);
  return {
    db,
    service,
    clock,
    call,
    expectOk(op, body, status = 200) {
      const reply = call(op, body);
      if (reply.status !== status) throw new Error(`${op} answered ${reply.status} ${JSON.stringify(reply.body)}`);
      return (reply.body ?? {}) as Record<string, unknown>;
    },
  };
}

/** The `{code, message}` of an error reply. */
export function errorOf(reply: KvsReply): { status: number; code: string; message: string } {
  const body = reply.body as { code?: unknown; message?: unknown } | undefined;
  return { status: reply.status, code: String(body?.code), message: String(body?.message) };
}
