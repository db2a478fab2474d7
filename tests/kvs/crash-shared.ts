// What the crash test's parent and child process agree on.
export const CRASH_ENTITY = { name: 'crash-item', attributes: { n: { type: 'integer' } } };
export const TX_KEYS = 4;

export type CrashMessage = { kind: 'ready' } | { kind: 'set'; n: number } | { kind: 'tx'; n: number } | { kind: 'failed'; n: number; reply: unknown };

/** A transaction writes two plain keys and two entities: all four or none must survive. */
export function txOperations(n: number) {
  return Array.from({ length: TX_KEYS }, (_, i) =>
    i % 2 === 0 ? { key: `t:${n}:${i}`, value: n } : { key: `t:${n}:${i}`, entityName: CRASH_ENTITY.name, value: { n } },
  );
}
