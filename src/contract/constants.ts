// The contract's plain values, without schemas: the UI imports these at run time without bundling zod.

export const TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;
export type Tier = (typeof TIERS)[number];

export const ROUNDING_MODES = ['none', 'up', 'nearest', 'down'] as const;
export const ROUNDING_MINUTES = [1, 6, 15, 30] as const;

export const MATCH_FIELDS = ['project', 'label', 'component', 'field'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** Limits that keep every record far below Forge's 240 KiB value limit and every page usable. */
export const LIMITS = {
  contacts: 50,
  matchingRules: 500,
  ruleConditions: 10,
  ruleValues: 100,
  holidays: 1000,
  metrics: 20,
  rateCards: 50,
  workTypeRates: 50,
  groups: 50,
  nameLength: 120,
} as const;
