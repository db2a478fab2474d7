// Lookup tables for resolving query values (ids, keys, names, emails) against the emulator's data.
import type { Catalog } from './model';
import type { JqlContext } from './types';

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildCatalog(ctx: JqlContext): Catalog {
  const catalog: Catalog = {
    ctx,
    projectsById: new Map(), projectsByKey: new Map(), projectsByName: new Map(),
    statusesById: new Map(), statusesByName: new Map(),
    prioritiesById: new Map(), prioritiesByName: new Map(),
    issueTypesById: new Map(), issueTypesByName: new Map(),
    usersById: new Map(), usersByNameOrEmail: new Map(),
  };
  for (const p of ctx.projects) {
    catalog.projectsById.set(p.id, p);
    catalog.projectsByKey.set(p.key.toUpperCase(), p);
    pushTo(catalog.projectsByName, p.name.toLowerCase(), p);
  }
  for (const s of ctx.statuses) {
    catalog.statusesById.set(s.id, s);
    pushTo(catalog.statusesByName, s.name.toLowerCase(), s.id);
  }
  ctx.priorities.forEach((p, index) => {
    catalog.prioritiesById.set(p.id, index);
    pushTo(catalog.prioritiesByName, p.name.toLowerCase(), p.id);
  });
  for (const t of ctx.issueTypes) {
    catalog.issueTypesById.set(t.id, t.name);
    catalog.issueTypesByName.set(t.name.toLowerCase(), t.name);
  }
  for (const u of ctx.users) {
    catalog.usersById.set(u.accountId, u);
    pushTo(catalog.usersByNameOrEmail, u.displayName.toLowerCase(), u.accountId);
    if (u.emailAddress) pushTo(catalog.usersByNameOrEmail, u.emailAddress.toLowerCase(), u.accountId);
  }
  return catalog;
}
