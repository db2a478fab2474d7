// Regenerates local/forge/jira-scopes.json (which OAuth scopes each Jira REST operation needs) from Atlassian's
// OpenAPI document, so the local runtime can refuse a call whose scope manifest.yml does not grant.
// Usage: npx tsx scripts/gen-jira-scopes.ts [path/to/swagger-v3.v3.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Operation {
  'x-atlassian-oauth2-scopes'?: { scopes: string[]; state: string }[];
  security?: Record<string, string[]>[];
}

const source = process.argv[2] ?? join(__dirname, '../../shared/jira-openapi/swagger-v3.v3.json');
const doc = JSON.parse(readFileSync(source, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const rows: [string, string, string[], string[]][] = [];
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
    const sets = op['x-atlassian-oauth2-scopes'] ?? [];
    const classic = sets.find((s) => s.state === 'Current')?.scopes ?? op.security?.find((s) => s.OAuth2)?.OAuth2 ?? [];
    const granular = sets.find((s) => s.state === 'Beta')?.scopes ?? [];
    rows.push([method.toUpperCase(), path, classic, granular]);
  }
}
rows.sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
const out = join(__dirname, '../local/forge/jira-scopes.json');
writeFileSync(out, JSON.stringify(rows) + '\n');
console.log(`wrote ${rows.length} operations to ${out}`);
