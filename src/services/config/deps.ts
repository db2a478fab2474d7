// What every configuration use case needs, and the revision rules they share.
import type { RecordMeta } from '../../contract/config';
import { RevisionConflict, type ConfigStore, type Write } from '../../store/config-store';
import { StaleRevisionError } from '../errors';

export interface Actor {
  accountId: string;
  displayName: string;
}

export interface ConfigDeps {
  store: ConfigStore;
  /** Who makes the change (recorded on every record it writes). */
  actor: Actor;
  /** Epoch ms of the change. */
  now: number;
}

export function nextMeta(deps: ConfigDeps, previous: RecordMeta | null): RecordMeta {
  return {
    revision: (previous?.revision ?? 0) + 1,
    updatedAt: new Date(deps.now).toISOString(),
    updatedBy: { accountId: deps.actor.accountId, displayName: deps.actor.displayName },
  };
}

export const conflictError = (what: string, current: RecordMeta | null) =>
  current
    ? new StaleRevisionError(`${what} was changed by ${current.updatedBy.displayName} at ${current.updatedAt}; reload to see it.`, {
        updatedBy: current.updatedBy.displayName,
        updatedAt: current.updatedAt,
        revision: current.revision,
      })
    : new StaleRevisionError(`${what} was deleted by someone else; reload to see the current list.`, null);

/**
 * `expected` null (or 0) means "create": the record must not exist. Otherwise it must be at that revision.
 * Checked before writing so the answer names who changed it; the transaction's conditions catch the races.
 */
export function requireRevision(what: string, stored: RecordMeta | null, expected: number | null): void {
  const wanted = expected === 0 ? null : expected;
  if (wanted === null) {
    if (stored) throw new StaleRevisionError(`${what} already exists (created by ${stored.updatedBy.displayName} at ${stored.updatedAt}); reload to edit it.`, {
      updatedBy: stored.updatedBy.displayName,
      updatedAt: stored.updatedAt,
      revision: stored.revision,
    });
    return;
  }
  if (!stored || stored.revision !== wanted) throw conflictError(what, stored);
}

/** Commits a write set; a refused condition becomes the conflict message of the record at fault. */
export async function commit(store: ConfigStore, writes: readonly Write[]): Promise<void> {
  try {
    await store.commit(writes);
  } catch (error) {
    if (error instanceof RevisionConflict) throw conflictError(`${labelOf(error.table)} '${error.key}'`, error.current);
    throw error;
  }
}

export function labelOf(table: string): string {
  return table === 'policy' ? 'SLA policy' : table === 'matching' ? 'The matching rules' : table === 'settings' ? 'The settings' : table.charAt(0).toUpperCase() + table.slice(1);
}

/** A write set failed only because a record it keeps in step moved on (another contract of the same customer). */
export class SiblingMoved extends Error {
  constructor(readonly explained: Error) {
    super('a related record changed during the save');
  }
}

/** Attempts when a related record is saved at the same moment. */
const ATTEMPTS = 3;

/** Runs `save` again, from a fresh read, while it fails with SiblingMoved; then reports the last conflict. */
export async function retryWhileSiblingsMove<T>(save: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await save();
    } catch (error) {
      if (!(error instanceof SiblingMoved)) throw error;
      if (attempt >= ATTEMPTS) throw error.explained;
    }
  }
}
