// The tables' search box: a record matches when every word of the query is in one of its texts.

export function matchesQuery(query: string, texts: (string | null | undefined)[]): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts.filter(Boolean).join(' ').toLocaleLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name);
}
