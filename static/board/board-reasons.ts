// A score's explanation and an item's place in words: the server sends reasons as `{ key, vars }`
// (src/domain/board score.ts and rank.ts), the page words them in the viewer's language, numbers as the viewer
// writes them ("13,33"), tiers by their names. Pure.
import type { BoardItem, ScoreReason } from '@contract/board';
import { formatNumber, type TextVars, type Translate } from '../shared/locale';

/** Every reason key the domain emits, plus the singular forms the page picks itself. All have texts. */
export const REASON_KEYS = [
  'board.why.pinned',
  'board.why.priority',
  'board.why.priorityNone',
  'board.why.priorityUnknown',
  'board.why.tier',
  'board.why.tierNone',
  'board.why.sla.breached',
  'board.why.sla.under10',
  'board.why.sla.under25',
  'board.why.sla.under50',
  'board.why.sla.rest',
  'board.why.sla.none',
  'board.why.age',
  'board.why.ageOne',
  'board.rank.first',
  'board.rank.pinned',
  'board.rank.belowPinned',
  'board.rank.belowPinnedOne',
  'board.rank.manual',
  'board.rank.belowManual',
  'board.rank.score',
  'board.rank.tieOlder',
  'board.rank.tieKey',
  'board.team.pinned',
  'board.team.score',
  'board.team.laneOrder',
] as const;

/** Vars that are counts or points: written in the viewer's number format. */
const NUMBERS = new Set(['points', 'weight', 'total', 'aboveTotal', 'percentLeft', 'days', 'position', 'of', 'pinned']);

/** A reason's key, with the singular form where English and German need one. */
function keyOf(reason: ScoreReason): string {
  if (reason.key === 'board.why.age' && reason.vars.days === 1) return 'board.why.ageOne';
  if (reason.key === 'board.rank.belowPinned' && reason.vars.pinned === 1) return 'board.rank.belowPinnedOne';
  return reason.key;
}

/** One reason in the viewer's words: "Priority High (2 of 5): 30 of 40 points". */
export function reasonText(reason: ScoreReason, t: Translate, locale: string): string {
  const vars: TextVars = {};
  for (const [name, value] of Object.entries(reason.vars)) {
    if (name === 'tier' && typeof value === 'string') vars[name] = t(`panel.tiers.${value}`);
    else if (typeof value === 'number' && NUMBERS.has(name)) vars[name] = formatNumber(value, locale);
    else vars[name] = value;
  }
  return t(keyOf(reason), vars);
}

export interface ScoreExplanation {
  /** "68.5", as the viewer writes numbers. */
  total: string;
  /** The score's parts, in the server's order (pinned, priority, tier, SLA, age). */
  reasons: string[];
  /** Why it stands where it does (in its lane, or in the team's list). */
  placement: string;
}

export function explainScore(item: Pick<BoardItem, 'score' | 'placement'>, t: Translate, locale: string): ScoreExplanation {
  return {
    total: formatNumber(item.score.total, locale),
    reasons: item.score.reasons.map((r) => reasonText(r, t, locale)),
    placement: reasonText(item.placement, t, locale),
  };
}
