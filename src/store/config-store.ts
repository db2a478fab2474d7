// Configuration records in @forge/kvs custom entities. Every value is checked by its schema on write and on
// read; every multi-record change is one transaction whose conditions pin the revisions it was based on.
import { FilterConditions, Filter, kvs } from '@forge/kvs';
import { z, type ZodType } from 'zod';
import {
  calendarRecordSchema,
  contractSchema,
  customerSchema,
  matchingSchema,
  policyDraftSchema,
  settingsSchema,
  type CalendarRecord,
  type Contract,
  type Customer,
  type Matching,
  type PolicyVersion,
  type RecordMeta,
  type Settings,
} from '../contract/config';
import { StoredRecordError } from './errors';
import { entities, keys, MAX_VALUE_BYTES } from './keys';

const metaSchema = z.object({
  revision: z.number().int().min(1),
  updatedAt: z.string(),
  updatedBy: z.object({ accountId: z.string(), displayName: z.string() }),
});

export interface Stored<T> {
  record: T;
  meta: RecordMeta;
}

/** The head of a versioned policy: what lists show; the content lives in its versions. */
export interface PolicyHead {
  id: string;
  name: string;
  latestVersion: number;
}
const policyHeadSchema = z.object({ id: z.string(), name: z.string(), latestVersion: z.number().int().min(1) });
const policyVersionSchema = policyDraftSchema.extend({
  version: z.number().int().min(1),
  savedAt: z.string(),
  savedBy: z.object({ accountId: z.string(), displayName: z.string() }),
});

/** A customer's stored form also lists its contracts, so a contract change and its customer commit together. */
export interface StoredCustomer extends Stored<Customer> {
  contractIds: string[];
  /** Bumped by every contract change of the customer; not shown, so editing a contract never conflicts with editing the customer. */
  contractsRevision: number;
}

export type Table = 'customer' | 'contract' | 'calendar' | 'policy' | 'settings' | 'matching';

/** One record of a write set; `expectedRevision` null = must not exist yet. */
export type Write =
  | { kind: 'customer'; value: StoredCustomer; expected: { revision: number | null; contractsRevision?: number } }
  | { kind: 'contract'; value: Stored<Contract>; expectedRevision: number | null }
  | { kind: 'calendar'; value: Stored<CalendarRecord>; expectedRevision: number | null }
  | { kind: 'policy'; value: Stored<PolicyHead>; expectedRevision: number | null }
  | { kind: 'policyVersion'; value: PolicyVersion }
  | { kind: 'settings'; value: Stored<Settings>; expectedRevision: number | null }
  | { kind: 'matching'; value: Stored<Matching>; expectedRevision: number | null }
  | {
      kind: 'delete';
      table: Exclude<Table, 'settings' | 'matching'>;
      key: string;
      expectedRevision: number | null;
      /** For a customer: no contract may have been added since it was read. */
      contractsRevision?: number;
    }
  | { kind: 'deleteVersion'; policyId: string; version: number };

/** A transaction failed because a record is not at the revision it was based on. */
export class RevisionConflict extends Error {
  override readonly name = 'RevisionConflict';
  constructor(
    readonly table: Table,
    readonly key: string,
    /** The record as stored now, or null when it is gone. */
    readonly current: RecordMeta | null,
  ) {
    super(`${table} '${key}' changed since it was read`);
  }
}

/** A value too large for Forge's KVS: reported with the record it belongs to. */
export class RecordTooLarge extends Error {
  override readonly name = 'RecordTooLarge';
  constructor(
    readonly table: string,
    readonly key: string,
    readonly bytes: number,
  ) {
    super(
      `${table} '${key}' is too large to store: ${Math.ceil(bytes / 1024)} KiB, and Forge storage holds at most ${MAX_VALUE_BYTES / 1024} KiB per record`,
    );
  }
}

/** KVS allows 25 operations per transaction. */
export const MAX_WRITES_PER_COMMIT = 25;

export interface ConfigStore {
  listCustomers(): Promise<StoredCustomer[]>;
  getCustomer(key: string): Promise<StoredCustomer | null>;
  listContracts(): Promise<Stored<Contract>[]>;
  listContractsOf(customerKey: string): Promise<Stored<Contract>[]>;
  getContract(id: string): Promise<Stored<Contract> | null>;
  listCalendars(): Promise<Stored<CalendarRecord>[]>;
  getCalendar(id: string): Promise<Stored<CalendarRecord> | null>;
  listPolicies(): Promise<Stored<PolicyHead>[]>;
  getPolicy(id: string): Promise<Stored<PolicyHead> | null>;
  listPolicyVersions(policyId: string): Promise<PolicyVersion[]>;
  getPolicyVersion(policyId: string, version: number): Promise<PolicyVersion | null>;
  getSettings(): Promise<Stored<Settings> | null>;
  getMatching(): Promise<Stored<Matching> | null>;
  /** Writes all or nothing (at most MAX_WRITES_PER_COMMIT); throws RevisionConflict naming the stale record. */
  commit(writes: readonly Write[]): Promise<void>;
}

// --- entity values ----------------------------------------------------------------------------------------

interface EntityValue {
  revision?: number;
  data: unknown;
  [attribute: string]: unknown;
}

function storedSchema<T>(record: ZodType<T>) {
  return z.object({ record, meta: metaSchema });
}

const customerData = storedSchema(customerSchema).extend({
  contractIds: z.array(z.string()),
  contractsRevision: z.number().int().min(0),
});
const contractData = storedSchema(contractSchema);
const calendarData = storedSchema(calendarRecordSchema);
const policyData = storedSchema(policyHeadSchema);
const settingsData = storedSchema(settingsSchema);
const matchingData = storedSchema(matchingSchema);

function parseStored<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const data = (value as { data?: unknown } | undefined)?.data;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredRecordError(`stored ${what} is malformed at ${issue?.path.join('.') || 'its root'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function checkSize(table: string, key: string, value: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_VALUE_BYTES) throw new RecordTooLarge(table, key, bytes);
}

interface Planned {
  table: Table | 'policyVersion';
  entityName: string;
  key: string;
  value?: EntityValue;
  conditions?: Array<{ property: string; clause: ReturnType<typeof FilterConditions.equalTo> | ReturnType<typeof FilterConditions.notExists> }>;
}

const revisionCondition = (expected: number | null) =>
  expected === null
    ? { property: 'revision', clause: FilterConditions.notExists() }
    : { property: 'revision', clause: FilterConditions.equalTo(expected) };

const TABLE_ENTITY: Record<Exclude<Table, 'settings' | 'matching'>, { entity: string; key: (id: string) => string }> = {
  customer: { entity: entities.customer, key: keys.customer },
  contract: { entity: entities.contract, key: keys.contract },
  calendar: { entity: entities.calendar, key: keys.calendar },
  policy: { entity: entities.policy, key: keys.policy },
};

function plan(write: Write): Planned {
  switch (write.kind) {
    case 'customer': {
      const { record, meta } = write.value;
      const conditions = [revisionCondition(write.expected.revision)];
      if (write.expected.contractsRevision !== undefined && write.expected.revision !== null) {
        conditions.push({ property: 'contractsRevision', clause: FilterConditions.equalTo(write.expected.contractsRevision) });
      }
      const value = { key: record.key, name: record.name, revision: meta.revision, contractsRevision: write.value.contractsRevision, data: customerData.parse(write.value) };
      return { table: 'customer', entityName: entities.customer, key: keys.customer(record.key), value, conditions };
    }
    case 'contract': {
      const { record, meta } = write.value;
      const value = { id: record.id, customerKey: record.customerKey, validFrom: record.validFrom, revision: meta.revision, data: contractData.parse(write.value) };
      return { table: 'contract', entityName: entities.contract, key: keys.contract(record.id), value, conditions: [revisionCondition(write.expectedRevision)] };
    }
    case 'calendar': {
      const { record, meta } = write.value;
      const value = { id: record.id, name: record.name, revision: meta.revision, data: calendarData.parse(write.value) };
      return { table: 'calendar', entityName: entities.calendar, key: keys.calendar(record.id), value, conditions: [revisionCondition(write.expectedRevision)] };
    }
    case 'policy': {
      const { record, meta } = write.value;
      const value = { id: record.id, name: record.name, latestVersion: record.latestVersion, revision: meta.revision, data: policyData.parse(write.value) };
      return { table: 'policy', entityName: entities.policy, key: keys.policy(record.id), value, conditions: [revisionCondition(write.expectedRevision)] };
    }
    case 'policyVersion': {
      const version = policyVersionSchema.parse(write.value);
      const value = { policyId: version.id, version: version.version, data: version };
      // Versions never change: writing one that exists is refused.
      return {
        table: 'policyVersion',
        entityName: entities.policyVersion,
        key: keys.policyVersion(version.id, version.version),
        value,
        conditions: [{ property: 'version', clause: FilterConditions.notExists() }],
      };
    }
    case 'settings':
    case 'matching': {
      const data = write.kind === 'settings' ? settingsData.parse(write.value) : matchingData.parse(write.value);
      const key = write.kind === 'settings' ? keys.settings() : keys.matching();
      const value = { revision: write.value.meta.revision, data };
      return { table: write.kind, entityName: entities.appConfig, key, value, conditions: [revisionCondition(write.expectedRevision)] };
    }
    case 'delete': {
      const { entity, key } = TABLE_ENTITY[write.table];
      const conditions = write.expectedRevision === null ? [] : [revisionCondition(write.expectedRevision)];
      if (write.contractsRevision !== undefined) {
        conditions.push({ property: 'contractsRevision', clause: FilterConditions.equalTo(write.contractsRevision) });
      }
      return { table: write.table, entityName: entity, key: key(write.key), ...(conditions.length > 0 ? { conditions } : {}) };
    }
    case 'deleteVersion':
      return { table: 'policyVersion', entityName: entities.policyVersion, key: keys.policyVersion(write.policyId, write.version) };
  }
}

function filterOf(conditions: NonNullable<Planned['conditions']>) {
  let filter: ReturnType<Filter<EntityValue>['and']> | undefined;
  for (const c of conditions) {
    filter = filter ? filter.and(c.property, c.clause) : new Filter<EntityValue>().and(c.property, c.clause);
  }
  return filter;
}

// --- the store ----------------------------------------------------------------------------------------------

async function queryAll(entityName: string, indexName: string, partition?: unknown[]): Promise<unknown[]> {
  const out: unknown[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.entity<EntityValue>(entityName).query().index(indexName, partition ? { partition } : undefined).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const result of page.results) out.push(result.value);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export function createConfigStore(): ConfigStore {
  const get = (entityName: string, key: string) => kvs.entity<EntityValue>(entityName).get(key);

  const store: ConfigStore = {
    async listCustomers() {
      return (await queryAll(entities.customer, 'name')).map((v) => parseStored(customerData, v, 'customer'));
    },
    async getCustomer(key) {
      const value = await get(entities.customer, keys.customer(key));
      return value === undefined ? null : parseStored(customerData, value, `customer '${key}'`);
    },
    async listContracts() {
      return (await queryAll(entities.contract, 'validFrom')).map((v) => parseStored(contractData, v, 'contract'));
    },
    async listContractsOf(customerKey) {
      return (await queryAll(entities.contract, 'by-customer', [customerKey])).map((v) => parseStored(contractData, v, 'contract'));
    },
    async getContract(id) {
      const value = await get(entities.contract, keys.contract(id));
      return value === undefined ? null : parseStored(contractData, value, `contract '${id}'`);
    },
    async listCalendars() {
      return (await queryAll(entities.calendar, 'name')).map((v) => parseStored(calendarData, v, 'calendar'));
    },
    async getCalendar(id) {
      const value = await get(entities.calendar, keys.calendar(id));
      return value === undefined ? null : parseStored(calendarData, value, `calendar '${id}'`);
    },
    async listPolicies() {
      return (await queryAll(entities.policy, 'name')).map((v) => parseStored(policyData, v, 'SLA policy'));
    },
    async getPolicy(id) {
      const value = await get(entities.policy, keys.policy(id));
      return value === undefined ? null : parseStored(policyData, value, `SLA policy '${id}'`);
    },
    async listPolicyVersions(policyId) {
      return (await queryAll(entities.policyVersion, 'by-policy', [policyId])).map((v) =>
        parseStored(policyVersionSchema, v, `version of SLA policy '${policyId}'`),
      );
    },
    async getPolicyVersion(policyId, version) {
      const value = await get(entities.policyVersion, keys.policyVersion(policyId, version));
      return value === undefined ? null : parseStored(policyVersionSchema, value, `SLA policy '${policyId}' version ${version}`);
    },
    async getSettings() {
      const value = await get(entities.appConfig, keys.settings());
      return value === undefined ? null : parseStored(settingsData, value, 'settings');
    },
    async getMatching() {
      const value = await get(entities.appConfig, keys.matching());
      return value === undefined ? null : parseStored(matchingData, value, 'matching rules');
    },
    async commit(writes) {
      if (writes.length === 0) return;
      if (writes.length > MAX_WRITES_PER_COMMIT) {
        throw new Error(`a commit of ${writes.length} writes exceeds the ${MAX_WRITES_PER_COMMIT} a KVS transaction allows`);
      }
      const planned = writes.map(plan);
      for (const p of planned) if (p.value) checkSize(p.table === 'policyVersion' ? 'SLA policy version' : p.table, p.key, p.value);
      let tx = kvs.transact();
      for (const p of planned) {
        const filter = p.conditions ? filterOf(p.conditions) : undefined;
        const entity = { entityName: p.entityName, ...(filter ? { conditions: filter } : {}) };
        tx = p.value ? tx.set(p.key, p.value, entity) : tx.delete(p.key, entity);
      }
      try {
        await tx.execute();
      } catch (error) {
        throw (await findConflict(writes, planned)) ?? error;
      }
    },
  };

  function contractsRevisionOf(write: Write, stored: unknown): unknown {
    if (write.kind === 'customer' && write.expected.contractsRevision !== undefined) return write.expected.contractsRevision;
    if (write.kind === 'delete' && write.contractsRevision !== undefined) return write.contractsRevision;
    return stored;
  }

  /** After a refused transaction: which record is not at the revision the change was based on. */
  async function findConflict(writes: readonly Write[], planned: Planned[]): Promise<RevisionConflict | null> {
    for (let i = 0; i < planned.length; i++) {
      const p = planned[i] as Planned;
      const write = writes[i] as Write;
      if (!p.conditions || p.table === 'policyVersion') continue;
      const current = (await get(p.entityName, p.key)) as EntityValue | undefined;
      const expected = write.kind === 'customer' ? write.expected.revision : 'expectedRevision' in write ? write.expectedRevision : null;
      const meta = current ? ((current.data as { meta?: RecordMeta }).meta ?? null) : null;
      const stale =
        expected === null
          ? current !== undefined
          : current === undefined ||
            current.revision !== expected ||
            current.contractsRevision !== contractsRevisionOf(write, current.contractsRevision);
      if (stale) return new RevisionConflict(p.table, write.kind === 'delete' ? write.key : p.key, meta);
    }
    const version = planned.find((p) => p.table === 'policyVersion' && p.value);
    if (version && (await get(version.entityName, version.key)) !== undefined) {
      return new RevisionConflict('policy', version.key, null);
    }
    return null;
  }

  return store;
}
