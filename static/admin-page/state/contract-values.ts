// The contract's constants the page needs at run time. Importing them from @contract/config would bundle zod and
// every schema (those modules build schemas when loaded); these copies are checked against the contract's types
// instead, so a change there fails the type check here.
import type { LIMITS as CONTRACT_LIMITS, MatchField, ROUNDING_MINUTES as CONTRACT_MINUTES, ROUNDING_MODES as CONTRACT_MODES, Tier } from '@contract/config';

/** Compiles only when the list names every member of the union, and nothing else. */
type Exactly<List extends readonly unknown[], Union> = [Exclude<Union, List[number]>] extends [never] ? ([Exclude<List[number], Union>] extends [never] ? List : never) : never;

export const LIMITS: typeof CONTRACT_LIMITS = {
  contacts: 50,
  matchingRules: 500,
  ruleValues: 100,
  holidays: 1000,
  metrics: 20,
  rateCards: 50,
  workTypeRates: 50,
  groups: 50,
  nameLength: 120,
};

const tiers = ['platinum', 'gold', 'silver', 'bronze'] as const;
export const TIERS: Exactly<typeof tiers, Tier> = tiers;

const matchFields = ['project', 'label', 'component', 'field'] as const;
export const MATCH_FIELDS: Exactly<typeof matchFields, MatchField> = matchFields;

const modes = ['none', 'up', 'nearest', 'down'] as const;
export const ROUNDING_MODES: Exactly<typeof modes, (typeof CONTRACT_MODES)[number]> = modes;

const minutes = [1, 6, 15, 30] as const;
export const ROUNDING_MINUTES: Exactly<typeof minutes, (typeof CONTRACT_MINUTES)[number]> = minutes;

/** Matching rules have at most this many conditions (the contract's matchRuleSchema). */
export const MAX_RULE_CONDITIONS = 10;
