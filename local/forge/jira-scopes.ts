// Which scopes a Jira REST call needs, from Atlassian's OpenAPI document (see scripts/gen-jira-scopes.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Row = [method: string, template: string, classic: string[], granular: string[]];
interface Operation { method: string; template: string; pattern: RegExp; params: number; classic: string[]; granular: string[] }

let operations: Operation[] | undefined;

function load(): Operation[] {
  const rows = JSON.parse(readFileSync(join(__dirname, 'jira-scopes.json'), 'utf8')) as Row[];
  return rows
    .map(([method, template, classic, granular]) => ({
      method,
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (template.match(/\{/g) ?? []).length,
      classic,
      granular,
    }))
    .sort((a, b) => a.params - b.params); // literal segments win over parameters: /issue/picker before /issue/{key}
}

export interface ScopeCheck {
  /** The OpenAPI operation, e.g. `GET /rest/api/3/issue/{issueIdOrKey}`, or null when the path is not in the API. */
  operation: string | null;
  /** Scopes missing from the app's grant; empty when the call is allowed. */
  missing: string[];
}

export function checkJiraScopes(method: string, pathWithQuery: string, granted: ReadonlySet<string>): ScopeCheck {
  operations ??= load();
  const path = pathWithQuery.split('?')[0] ?? '';
  const op = operations.find((o) => o.method === method.toUpperCase() && o.pattern.test(path));
  if (!op) return { operation: null, missing: [] };
  const operation = `${op.method} ${op.template}`;
  const hasAll = (scopes: string[]) => scopes.length > 0 && scopes.every((s) => granted.has(s));
  if (op.classic.length === 0 || hasAll(op.classic) || hasAll(op.granular)) return { operation, missing: [] };
  return { operation, missing: op.classic.filter((s) => !granted.has(s)) };
}
