// The settings form: the four score weights as typed, and the group lists.
import type { Settings, WithMeta } from '@contract/config';

export const WEIGHTS = ['priority', 'tier', 'sla', 'age'] as const;
export type WeightKey = (typeof WEIGHTS)[number];

export interface SettingsDraft {
  weights: Record<WeightKey, string>;
  agentGroups: string[];
  billingGroups: string[];
}

export function settingsToDraft(s: WithMeta<Settings>): SettingsDraft {
  return {
    weights: {
      priority: String(s.weights.priority),
      tier: String(s.weights.tier),
      sla: String(s.weights.sla),
      age: String(s.weights.age),
    },
    agentGroups: [...s.agentGroups],
    billingGroups: [...s.billingGroups],
  };
}

export const weightPath = (key: WeightKey) => `settings.weights.${key}`;
export const SETTINGS_PATHS = ['settings.weights', ...WEIGHTS.map(weightPath), 'settings.agentGroups', 'settings.billingGroups'];

/** The settings to send, or the weights that are not numbers. */
export function draftToSettings(draft: SettingsDraft): { settings: Settings; invalid: WeightKey[] } {
  const invalid: WeightKey[] = [];
  const weights = {} as Settings['weights'];
  for (const key of WEIGHTS) {
    const text = draft.weights[key].trim().replace(',', '.');
    const value = text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) invalid.push(key);
    weights[key] = value;
  }
  return { settings: { weights, agentGroups: draft.agentGroups, billingGroups: draft.billingGroups }, invalid };
}
