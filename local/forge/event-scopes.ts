// Product events and the scopes each needs, from Atlassian's own mapping shipped in @forge/manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let mapping: Map<string, string[]> | undefined;

function load(): Map<string, string[]> {
  const file = join(require.resolve('@forge/manifest').replace(/out[\\/]index\.js$/, ''), 'out/mapping/product-event-to-scope-mapping.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { mapping: { productEvent: string; oAuthScopes: { current: string[] } }[] };
  return new Map(raw.mapping.map((m) => [m.productEvent, m.oAuthScopes.current]));
}

/** Lifecycle events need no scope, so Atlassian's mapping leaves them out. */
const LIFECYCLE_EVENTS = ['avi:forge:installed:app', 'avi:forge:upgraded:app'];

export function isKnownProductEvent(eventType: string): boolean {
  mapping ??= load();
  return mapping.has(eventType) || LIFECYCLE_EVENTS.includes(eventType);
}

export function scopesForEvent(eventType: string): string[] {
  mapping ??= load();
  return mapping.get(eventType) ?? [];
}
