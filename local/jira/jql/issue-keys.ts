// Issue keys: parsing, comparison without allocation, the `key` / `issue` / `issuekey` / `id` clause and `parent`.
import { functionNotAllowed } from './functions';
import type { Catalog, Compiled, Problems, TerminalInput } from './model';

export interface ParsedKey { key: string; projectKey: string; number: number }

export function parseIssueKey(value: string): ParsedKey | undefined {
  const m = /^([A-Za-z][A-Za-z0-9_]*)-(\d{1,15})$/.exec(value.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const projectKey = m[1].toUpperCase();
  const number = Number(m[2]);
  return { key: `${projectKey}-${number}`, projectKey, number };
}

/** The number after the last '-' of an issue key, read without creating substrings. */
export function keyNumber(key: string): number {
  let n = 0;
  for (let k = key.lastIndexOf('-') + 1; k < key.length; k++) n = n * 10 + (key.charCodeAt(k) - 48);
  return n;
}

/** Jira orders keys by project key, then by number (SUP-9 before SUP-10). */
export function compareKeys(a: string, b: string): number {
  const da = a.lastIndexOf('-');
  const db = b.lastIndexOf('-');
  const len = Math.min(da, db);
  for (let k = 0; k < len; k++) {
    const diff = a.charCodeAt(k) - b.charCodeAt(k);
    if (diff !== 0) return diff;
  }
  if (da !== db) return da - db;
  return keyNumber(a) - keyNumber(b);
}

const RELATIVE = new Set(['<', '>', '<=', '>=']);

/**
 * The issues a clause's values name: keys of existing issues, and numeric ids (as keys when the operator compares,
 * `key > 10` being no id). Undefined, with the problems added, when a value is EMPTY, a function, or no issue.
 */
function issueRefs(input: TerminalInput, catalog: Catalog, problems: Problems): { keys: Set<string>; ids: Set<string>; last: ParsedKey | undefined } | undefined {
  const { field, operator, items } = input;
  const relative = RELATIVE.has(operator);
  const keys = new Set<string>();
  const ids = new Set<string>();
  let last: ParsedKey | undefined;
  let ok = true;
  for (const item of items) {
    if (item.kind === 'empty') {
      problems.add(`The field '${field.name}' does not support searching for EMPTY values.`);
      ok = false;
      continue;
    }
    if (item.kind === 'function') {
      problems.add(functionNotAllowed(item.name, field.name));
      ok = false;
      continue;
    }
    if (/^\d{1,18}$/.test(item.value) && !relative) {
      ids.add(item.value);
      continue;
    }
    const parsed = parseIssueKey(item.value);
    if (parsed === undefined) {
      problems.add(`The issue key '${item.value}' for field '${field.name}' is invalid.`);
      ok = false;
      continue;
    }
    const exists = catalog.projectsByKey.has(parsed.projectKey) && (catalog.ctx.issueExists === undefined || relative || catalog.ctx.issueExists(parsed.key));
    if (!exists) {
      problems.add(`An issue with key '${item.value}' does not exist for field '${field.name}'.`);
      ok = false;
      continue;
    }
    keys.add(parsed.key);
    last = parsed;
  }
  return ok ? { keys, ids, last } : undefined;
}

/**
 * `key = X-1`, `key IN (...)` also by numeric issue id, and `<, >, <=, >=`, which as in Jira compare numbers within
 * the key's project only (`key > SUP-10` never matches another project's issues).
 */
export function compileIssueKey(input: TerminalInput, catalog: Catalog, problems: Problems): Compiled | undefined {
  const { operator } = input;
  const refs = issueRefs(input, catalog, problems);
  if (!refs) return undefined;
  const { keys, ids, last: relative } = refs;
  if (operator === '<' || operator === '>' || operator === '<=' || operator === '>=') {
    if (relative === undefined) return undefined;
    const prefix = relative.projectKey;
    const n = relative.number;
    const inProject = (key: string): boolean => key.length > prefix.length + 1 && key.charCodeAt(prefix.length) === 45 && key.startsWith(prefix);
    const test = operator === '<' ? (k: number) => k < n : operator === '<=' ? (k: number) => k <= n
      : operator === '>' ? (k: number) => k > n : (k: number) => k >= n;
    return { test: (issue) => inProject(issue.key) && test(keyNumber(issue.key)), projectKeys: new Set([prefix]) };
  }
  const member = (issue: { key: string; id: string }): boolean => keys.has(issue.key) || ids.has(issue.id);
  if (operator === '=' || operator === 'in') {
    return { test: member, issueKeys: ids.size === 0 ? keys : undefined };
  }
  return { test: (issue) => !member(issue) };
}

/**
 * `parent = X-1`, `parent IN (X-1, 10005)`, `!=`, `NOT IN`: sub-tasks by their parent's key or numeric id. As for
 * every field, `!=` and `NOT IN` never match an issue without a parent. Keys must name an issue the caller can see.
 */
export function compileParent(input: TerminalInput, catalog: Catalog, problems: Problems): Compiled | undefined {
  const { operator } = input;
  const refs = issueRefs(input, catalog, problems);
  if (!refs) return undefined;
  const { keys, ids } = refs;
  const member = (issue: { parentKey?: string | null; parentId?: string | null }): boolean =>
    (issue.parentKey != null && keys.has(issue.parentKey)) || (issue.parentId != null && ids.has(issue.parentId));
  if (operator === '=' || operator === 'in') {
    // A sub-task lives in its parent's project, so keys alone tell which projects to scan.
    const projectKeys = ids.size === 0 ? new Set([...keys].map((k) => k.slice(0, k.lastIndexOf('-')))) : undefined;
    return { test: member, projectKeys };
  }
  return { test: (issue) => (issue.parentKey != null || issue.parentId != null) && !member(issue) };
}
