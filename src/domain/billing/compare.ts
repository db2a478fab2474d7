// Orders people read: issue keys and ids with their numbers compared as numbers (PROJ-9 before PROJ-10).
const collator = new Intl.Collator('en', { numeric: true });

export const compareText = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
