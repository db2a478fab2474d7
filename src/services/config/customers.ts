// Use cases: create, edit and delete a customer.
import type { Customer, WithMeta } from '../../contract/config';
import { InvalidInputError, NotFoundError, RefusedError } from '../errors';
import { RevisionConflict, type Write } from '../../store/config-store';
import { commit, conflictError, nextMeta, requireRevision, retryWhileSiblingsMove, SiblingMoved, type ConfigDeps } from './deps';

export function saveCustomer(deps: ConfigDeps, customer: Customer, expectedRevision: number | null): Promise<WithMeta<Customer>> {
  return retryWhileSiblingsMove(() => trySave(deps, customer, expectedRevision));
}

async function trySave(deps: ConfigDeps, customer: Customer, expectedRevision: number | null): Promise<WithMeta<Customer>> {
  const stored = await deps.store.getCustomer(customer.key);
  requireRevision(`Customer '${customer.key}'`, stored?.meta ?? null, expectedRevision);
  const emails = new Map<string, number>();
  customer.contacts.forEach((c, i) => {
    const earlier = emails.get(c.email.toLowerCase());
    if (earlier !== undefined) throw InvalidInputError.at(`customer.contacts[${i}].email`, `is already the email of contacts[${earlier}]`);
    emails.set(c.email.toLowerCase(), i);
  });
  const meta = nextMeta(deps, stored?.meta ?? null);
  try {
    await deps.store.commit([
      {
        kind: 'customer',
        value: { record: customer, meta, contractIds: stored?.contractIds ?? [], contractsRevision: stored?.contractsRevision ?? 0 },
        expected: { revision: stored?.meta.revision ?? null, contractsRevision: stored?.contractsRevision ?? 0 },
      },
    ]);
  } catch (error) {
    if (!(error instanceof RevisionConflict)) throw error;
    const explained = conflictError(`Customer '${customer.key}'`, error.current);
    // Same revision, yet refused: a contract of the customer was saved meanwhile (its list moved); save again.
    throw stored && error.current?.revision === stored.meta.revision ? new SiblingMoved(explained) : explained;
  }
  return { ...customer, meta };
}

/** Refused while the customer has contracts; its matching rules go with it, in the same transaction. */
export async function deleteCustomer(deps: ConfigDeps, key: string, expectedRevision: number): Promise<void> {
  const stored = await deps.store.getCustomer(key);
  if (!stored) throw new NotFoundError(`Customer '${key}' does not exist (it may have been deleted already).`);
  requireRevision(`Customer '${key}'`, stored.meta, expectedRevision);
  const contracts = await deps.store.listContractsOf(key);
  if (contracts.length > 0 || stored.contractIds.length > 0) {
    const names = contracts.map((c) => `${c.record.name} (${c.record.validFrom})`).join(', ');
    throw new RefusedError(
      `Customer '${stored.record.name}' still has ${contracts.length || stored.contractIds.length} contract(s)${names ? `: ${names}` : ''}. Delete or move them first, so no contract is left without its customer.`,
    );
  }
  const writes: Write[] = [
    { kind: 'delete', table: 'customer', key, expectedRevision: stored.meta.revision, contractsRevision: stored.contractsRevision },
  ];
  const matching = await deps.store.getMatching();
  const remaining = matching?.record.rules.filter((r) => r.customerKey !== key) ?? [];
  if (matching && remaining.length !== matching.record.rules.length) {
    writes.push({ kind: 'matching', value: { record: { rules: remaining }, meta: nextMeta(deps, matching.meta) }, expectedRevision: matching.meta.revision });
  }
  await commit(deps.store, writes);
}
