// Ids of new records: readable (from the name) and unique among the existing ones; fixed once saved.
function randomPart(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** `Zurich office hours` -> `zurich-office-hours`, `-2` appended while taken; a random id when the name gives none. */
export function newRecordId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  const stem = base === '' ? `rec-${randomPart()}` : base;
  let id = stem;
  for (let n = 2; used.has(id); n += 1) id = `${stem}-${n}`;
  // Lower-case letters, digits and '-', at most 64: the contract's RECORD_ID.
  return id;
}

export function newRuleId(taken: Iterable<string>): string {
  const used = new Set(taken);
  let id = `rule-${randomPart()}`;
  while (used.has(id)) id = `rule-${randomPart()}`;
  return id;
}
