// The ordered matching rules as the customers tab edits them, and the findings the server reports on them.
import type { MatchCondition, MatchField, MatchRule, RuleFinding } from '@contract/config';
import { path } from './field-errors';

const ROOT = 'matching';

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

export function emptyCondition(field: MatchField = 'project'): MatchCondition {
  return field === 'field' ? { field, fieldId: '', values: [] } : { field, values: [] };
}

/** Changing a condition's kind keeps its values. */
export function withField(condition: MatchCondition, field: MatchField): MatchCondition {
  if (field === 'field') return { field, fieldId: condition.field === 'field' ? condition.fieldId : '', values: condition.values };
  return { field, values: condition.values };
}

export function rulePath(rule: number, ...rest: (string | number)[]): string {
  return path(ROOT, 'rules', rule, ...rest);
}

export function matchingPaths(rules: MatchRule[]): string[] {
  const known = [`${ROOT}.rules`];
  rules.forEach((rule, r) => {
    known.push(rulePath(r), rulePath(r, 'id'), rulePath(r, 'customerKey'), rulePath(r, 'conditions'));
    rule.conditions.forEach((_, c) => {
      known.push(rulePath(r, 'conditions', c), rulePath(r, 'conditions', c, 'fieldId'), rulePath(r, 'conditions', c, 'values'));
    });
  });
  return known;
}

export interface FindingView {
  kind: RuleFinding['kind'];
  /** 1-based positions in the list as shown; null when the rule is no longer in it. */
  rule: number | null;
  other: number | null;
  ruleId: string;
  otherRuleId: string;
}

/** The findings with the rules' current positions (they may have been moved since the last save). */
export function findingViews(findings: RuleFinding[], rules: MatchRule[]): FindingView[] {
  const position = new Map(rules.map((r, i) => [r.id, i + 1]));
  return findings.map((f) => ({
    kind: f.kind,
    ruleId: f.ruleId,
    otherRuleId: f.otherRuleId,
    rule: position.get(f.ruleId) ?? null,
    other: position.get(f.otherRuleId) ?? null,
  }));
}

export function sameRules(a: MatchRule[], b: MatchRule[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
