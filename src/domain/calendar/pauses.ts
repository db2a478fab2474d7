// Pauses as the engine wants them: checked, sorted and merged into flat `[from0, to0, from1, to1, ...]`.
import { ValidationError, type ValidationIssue } from './errors';
import { checkInstant } from './instants';
import type { Pause } from './types';

/** Overlapping or touching pauses are one pause; empty ones (`from == to`) are dropped. */
export function normalizePauses(pauses: readonly Pause[] | undefined, path = 'pauses'): number[] {
  if (!pauses || pauses.length === 0) return [];
  const issues: ValidationIssue[] = [];
  pauses.forEach((p, i) => {
    checkInstant(p.from, `${path}[${i}].from`, issues);
    checkInstant(p.to, `${path}[${i}].to`, issues);
    if (p.to < p.from) issues.push({ path: `${path}[${i}]`, message: 'pause ends before it starts' });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const sorted = pauses.filter((p) => p.to > p.from).sort((x, y) => x.from - y.from);
  const flat: number[] = [];
  for (const p of sorted) {
    const last = flat.length - 1;
    if (last > 0 && p.from <= (flat[last] as number)) flat[last] = Math.max(flat[last] as number, p.to);
    else flat.push(p.from, p.to);
  }
  return flat;
}
