// The simulator's side-by-side rows: each metric of the draft next to the same metric of the saved version.
import type { PolicySimulation, SimulatedClock } from '@contract/admin';

export const CLOCK_FIELDS = ['state', 'elapsedMinutes', 'remainingMinutes', 'dueAt'] as const;
export type ClockField = (typeof CLOCK_FIELDS)[number];

export interface ComparedMetric {
  key: string;
  name: string;
  draft: SimulatedClock | null;
  saved: SimulatedClock | null;
  /** Fields whose value differs between the two (every field when the metric is in only one). */
  differs: Set<ClockField>;
}

export function compareClocks(simulation: PolicySimulation): ComparedMetric[] {
  const saved = new Map((simulation.saved?.clocks ?? []).map((c) => [c.key, c]));
  const rows: ComparedMetric[] = simulation.draft.map((d) => ({ key: d.key, name: d.name, draft: d, saved: saved.get(d.key) ?? null, differs: new Set() }));
  const inDraft = new Set(simulation.draft.map((d) => d.key));
  for (const s of simulation.saved?.clocks ?? []) {
    if (!inDraft.has(s.key)) rows.push({ key: s.key, name: s.name, draft: null, saved: s, differs: new Set() });
  }
  if (!simulation.saved) return rows;
  for (const row of rows) {
    for (const field of CLOCK_FIELDS) {
      if (!row.draft || !row.saved || row.draft[field] !== row.saved[field]) row.differs.add(field);
    }
  }
  return rows;
}
