// Use cases: create, edit and delete a contract. A contract and its customer's list of contracts change in one
// transaction; the customer's contracts revision serialises concurrent saves, so two admins can never store
// two contracts in force on the same day.
import type { Contract, WithMeta } from '../../contract/config';
import { contractOverlaps, periodProblem } from '../../domain/contracts';
import { RevisionConflict } from '../../store/config-store';
import { InvalidInputError, NotFoundError } from '../errors';
import { commit, conflictError, labelOf, nextMeta, requireRevision, retryWhileSiblingsMove, SiblingMoved, type ConfigDeps } from './deps';

export function saveContract(deps: ConfigDeps, contract: Contract, expectedRevision: number | null): Promise<WithMeta<Contract>> {
  return retryWhileSiblingsMove(() => trySave(deps, contract, expectedRevision));
}

async function trySave(deps: ConfigDeps, contract: Contract, expectedRevision: number | null): Promise<WithMeta<Contract>> {
  const { store } = deps;
  const [stored, customer, calendar, policy] = await Promise.all([
    store.getContract(contract.id),
    store.getCustomer(contract.customerKey),
    store.getCalendar(contract.calendarId),
    store.getPolicy(contract.policyId),
  ]);
  requireRevision(`Contract '${contract.id}'`, stored?.meta ?? null, expectedRevision);

  const problems: { field: string; message: string }[] = [];
  if (!customer) problems.push({ field: 'contract.customerKey', message: `no customer has the key '${contract.customerKey}'` });
  if (!calendar) problems.push({ field: 'contract.calendarId', message: `no calendar has the id '${contract.calendarId}'` });
  if (!policy) problems.push({ field: 'contract.policyId', message: `no SLA policy has the id '${contract.policyId}'` });
  const period = periodProblem(contract);
  if (period) problems.push({ field: period.path, message: period.message });
  const rateDates = contract.rateCards.map((r) => r.validFrom);
  contract.rateCards.forEach((card, i) => {
    if (rateDates.indexOf(card.validFrom) !== i) problems.push({ field: `contract.rateCards[${i}].validFrom`, message: `another rate card already starts on ${card.validFrom}` });
  });
  if (!customer || problems.length > 0) throw new InvalidInputError(problems);

  const siblings = await store.listContractsOf(contract.customerKey);
  const overlapping = contractOverlaps(
    siblings.map((s) => s.record),
    contract,
  );
  if (overlapping.length > 0) {
    const other = overlapping[0] as Contract;
    throw InvalidInputError.at(
      'contract.validFrom',
      `overlaps contract '${other.name}' (${other.validFrom} to ${other.validTo ?? 'open-ended'}): a customer has at most one contract in force per day`,
    );
  }

  const moving = stored && stored.record.customerKey !== contract.customerKey ? await store.getCustomer(stored.record.customerKey) : null;
  const meta = nextMeta(deps, stored?.meta ?? null);
  const ids = new Set(customer.contractIds);
  ids.add(contract.id);
  try {
    await store.commit([
      { kind: 'contract', value: { record: contract, meta }, expectedRevision: stored?.meta.revision ?? null },
      {
        kind: 'customer',
        value: { ...customer, contractIds: [...ids].sort(), contractsRevision: customer.contractsRevision + 1 },
        expected: { revision: customer.meta.revision, contractsRevision: customer.contractsRevision },
      },
      ...(moving
        ? [
            {
              kind: 'customer' as const,
              value: { ...moving, contractIds: moving.contractIds.filter((id) => id !== contract.id), contractsRevision: moving.contractsRevision + 1 },
              expected: { revision: moving.meta.revision, contractsRevision: moving.contractsRevision },
            },
          ]
        : []),
    ]);
  } catch (error) {
    if (error instanceof RevisionConflict) {
      const explained = conflictError(`${labelOf(error.table)} '${error.key}'`, error.current);
      // A conflict on the customer (not on the contract itself) means a sibling changed: check again.
      throw error.table === 'customer' ? new SiblingMoved(explained) : explained;
    }
    throw error;
  }
  return { ...contract, meta };
}

export async function deleteContract(deps: ConfigDeps, id: string, expectedRevision: number): Promise<void> {
  const stored = await deps.store.getContract(id);
  if (!stored) throw new NotFoundError(`Contract '${id}' does not exist (it may have been deleted already).`);
  requireRevision(`Contract '${stored.record.name}'`, stored.meta, expectedRevision);
  const customer = await deps.store.getCustomer(stored.record.customerKey);
  await commit(deps.store, [
    { kind: 'delete', table: 'contract', key: id, expectedRevision: stored.meta.revision },
    ...(customer
      ? [
          {
            kind: 'customer' as const,
            value: { ...customer, contractIds: customer.contractIds.filter((c) => c !== id), contractsRevision: customer.contractsRevision + 1 },
            expected: { revision: customer.meta.revision, contractsRevision: customer.contractsRevision },
          },
        ]
      : []),
  ]);
}
