// Use cases: create, edit and delete a calendar (the SLA engine's format, checked by parseCalendar).
import type { CalendarRecord, WithMeta } from '../../contract/config';
import { parseCalendar, ValidationError } from '../../domain/calendar';
import { InvalidInputError, NotFoundError, RefusedError } from '../errors';
import { commit, nextMeta, requireRevision, type ConfigDeps } from './deps';

/** Checks the calendar's meaning (times, dates, overlaps, zone) and names every field at fault. */
export function checkCalendar(calendar: CalendarRecord, root: string): void {
  try {
    parseCalendar(calendar, root);
  } catch (error) {
    if (error instanceof ValidationError) throw new InvalidInputError(error.issues.map((i) => ({ field: i.path, message: i.message })));
    throw error;
  }
}

export async function saveCalendar(deps: ConfigDeps, calendar: CalendarRecord, expectedRevision: number | null): Promise<WithMeta<CalendarRecord>> {
  checkCalendar(calendar, 'calendar');
  const stored = await deps.store.getCalendar(calendar.id);
  requireRevision(`Calendar '${calendar.id}'`, stored?.meta ?? null, expectedRevision);
  const meta = nextMeta(deps, stored?.meta ?? null);
  await commit(deps.store, [{ kind: 'calendar', value: { record: calendar, meta }, expectedRevision: stored?.meta.revision ?? null }]);
  return { ...calendar, meta };
}

/** Refused while a contract or a policy's latest version uses the calendar. */
export async function deleteCalendar(deps: ConfigDeps, id: string, expectedRevision: number): Promise<void> {
  const stored = await deps.store.getCalendar(id);
  if (!stored) throw new NotFoundError(`Calendar '${id}' does not exist (it may have been deleted already).`);
  requireRevision(`Calendar '${stored.record.name}'`, stored.meta, expectedRevision);
  const users = (await deps.store.listContracts()).filter((c) => c.record.calendarId === id).map((c) => `contract '${c.record.name}'`);
  for (const policy of await deps.store.listPolicies()) {
    const latest = await deps.store.getPolicyVersion(policy.record.id, policy.record.latestVersion);
    if (latest?.metrics.some((m) => m.calendarId === id)) users.push(`SLA policy '${policy.record.name}'`);
  }
  if (users.length > 0) throw new RefusedError(`Calendar '${stored.record.name}' is used by ${users.join(', ')}. Choose another calendar there first.`);
  await commit(deps.store, [{ kind: 'delete', table: 'calendar', key: id, expectedRevision: stored.meta.revision }]);
}
