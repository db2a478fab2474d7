// Which customer an issue belongs to (DESIGN.md section 4): ordered matching rules, first match wins, and
// the admin page's findings about rules that can never win or that claim another customer's issues.
//
// How values compare (the same for matching and for the findings):
// - project keys: trimmed, case-insensitive. Jira keys are upper case; admins type them any way.
// - labels: exact and case-sensitive, as Jira itself treats labels ("Acme" and "acme" are two labels).
// - component names and field values: trimmed, case-insensitive. They are names people type and read, and
//   Jira itself does not allow two components of a project that differ only in case.
// Field ids (`customfield_10010`) are taken exactly as given.
import type { MatchCondition, MatchRule, RuleFinding } from '../../contract/config';

/** The facts about an issue that matching rules test. */
export interface IssueFacts {
  projectKey: string;
  labels: readonly string[];
  /** Component names. */
  components: readonly string[];
  /** Field id -> the field's values as strings (a select's value, an organisation's name, ...). */
  fields: Readonly<Record<string, readonly string[]>>;
}

export interface CustomerMatch {
  customerKey: string;
  /** The rule that matched. */
  ruleId: string;
}

/** Rules compiled once for matching many issues. */
export type CustomerMatcher = (issue: IssueFacts) => CustomerMatch | null;

/** What a condition tests: `project`, `label`, `component` or `field:<fieldId>`. */
type FieldKey = string;

function fieldKey(c: MatchCondition): FieldKey {
  return c.field === 'field' ? `field:${c.fieldId}` : c.field;
}

function normaliser(field: MatchCondition['field']): (value: string) => string {
  switch (field) {
    case 'project':
      return (v) => v.trim().toUpperCase();
    case 'label':
      return (v) => v;
    case 'component':
    case 'field':
      return (v) => v.trim().toLowerCase();
  }
}

interface CompiledCondition {
  field: MatchCondition['field'];
  fieldId: string | null;
  values: ReadonlySet<string>;
}

function compileCondition(c: MatchCondition): CompiledCondition {
  const norm = normaliser(c.field);
  return { field: c.field, fieldId: c.field === 'field' ? c.fieldId : null, values: new Set(c.values.map(norm)) };
}

/** The issue's values for each kind of field, normalised once per issue. */
class IssueValues {
  private readonly project: string;
  private readonly components: readonly string[];
  private readonly fields = new Map<string, readonly string[]>();

  constructor(private readonly issue: IssueFacts) {
    this.project = normaliser('project')(issue.projectKey);
    this.components = issue.components.map(normaliser('component'));
  }

  holds(c: CompiledCondition): boolean {
    switch (c.field) {
      case 'project':
        return c.values.has(this.project);
      case 'label':
        return this.issue.labels.some((l) => c.values.has(l));
      case 'component':
        return this.components.some((v) => c.values.has(v));
      case 'field':
        return this.fieldValues(c.fieldId as string).some((v) => c.values.has(v));
    }
  }

  private fieldValues(fieldId: string): readonly string[] {
    let values = this.fields.get(fieldId);
    if (!values) {
      const raw = Object.hasOwn(this.issue.fields, fieldId) ? this.issue.fields[fieldId] : undefined;
      values = (raw ?? []).map(normaliser('field'));
      this.fields.set(fieldId, values);
    }
    return values;
  }
}

/** Compiles `rules` for matching many issues; the result answers like `matchCustomer`. */
export function createMatcher(rules: readonly MatchRule[]): CustomerMatcher {
  const compiled = rules.map((r) => ({ customerKey: r.customerKey, ruleId: r.id, conditions: r.conditions.map(compileCondition) }));
  return (issue) => {
    const values = new IssueValues(issue);
    for (const rule of compiled) {
      if (rule.conditions.every((c) => values.holds(c))) return { customerKey: rule.customerKey, ruleId: rule.ruleId };
    }
    return null;
  };
}

/**
 * The customer of an issue: rules are tried in order and the first whose every condition holds wins; a
 * condition holds when any of the issue's values for its field is one of the condition's values. Null when
 * no rule matches (the issue is "unassigned").
 */
export function matchCustomer(rules: readonly MatchRule[], issue: IssueFacts): CustomerMatch | null {
  return createMatcher(rules)(issue);
}

// ---------------------------------------------------------------------------------------------------------
// Findings

/** A rule's conditions grouped by field. */
interface RuleShape {
  rule: MatchRule;
  /**
   * Field -> the value sets of the rule's conditions on it. A project has one key, so several project
   * conditions are folded into one set (their intersection); labels, components and field values are lists,
   * so each condition on them keeps its own set (an issue can carry one value of each).
   */
  byField: Map<FieldKey, ReadonlySet<string>[]>;
}

function shapeOf(rule: MatchRule): RuleShape {
  const byField = new Map<FieldKey, ReadonlySet<string>[]>();
  for (const c of rule.conditions) {
    const key = fieldKey(c);
    const values = compileCondition(c).values;
    const sets = byField.get(key);
    if (!sets) byField.set(key, [values]);
    else if (c.field === 'project') sets[0] = intersection(sets[0] as ReadonlySet<string>, values);
    else sets.push(values);
  }
  return { rule, byField };
}

function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const v of a) if (b.has(v)) out.add(v);
  return out;
}

function isSubset(small: ReadonlySet<string>, big: ReadonlySet<string>): boolean {
  if (small.size > big.size) return false;
  for (const v of small) if (!big.has(v)) return false;
  return true;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const v of small) if (big.has(v)) return true;
  return false;
}

/**
 * Whether `earlier` matches every issue `later` matches: for each of `earlier`'s conditions, `later` has a
 * condition on the same field whose values are a subset of it. (Sufficient, and exact for rules with one
 * condition per field.)
 */
function shadows(earlier: RuleShape, later: RuleShape): boolean {
  if (earlier.byField.size > later.byField.size) return false;
  for (const [key, earlierSets] of earlier.byField) {
    const laterSets = later.byField.get(key);
    if (!laterSets) return false;
    for (const e of earlierSets) {
      if (!laterSets.some((l) => isSubset(l, e))) return false;
    }
  }
  return true;
}

/**
 * Whether some issue could match both rules: on every field both constrain, each condition of either rule
 * shares a value with a condition of the other. Fields only one rule constrains never prevent an overlap.
 * Rules that name different values of a list field (labels `acme` and `globex`) do not overlap here, although
 * an issue carrying both labels would match both: the finding is about rules that claim the same values.
 */
function overlap(a: RuleShape, b: RuleShape): boolean {
  const [small, big] = a.byField.size <= b.byField.size ? [a, b] : [b, a];
  for (const [key, smallSets] of small.byField) {
    const bigSets = big.byField.get(key);
    if (!bigSets) continue;
    if (!smallSets.every((s) => bigSets.some((t) => intersects(s, t)))) return false;
    if (!bigSets.every((t) => smallSets.some((s) => intersects(s, t)))) return false;
  }
  return true;
}

/**
 * What an admin should know about `rules`, in rule order (the finding's rule, then the other rule):
 * - `shadowed`: the rule can never win because an earlier rule matches every issue it matches; reported once,
 *   against the first such earlier rule.
 * - `overlaps`: the rule and an earlier rule of a different customer could both match one issue (the earlier
 *   one wins). A shadowed rule takes part in no overlaps: it never wins, and the rule shadowing it stands for it.
 * O(n^2) pairs of rules, each compared on pre-normalised value sets.
 */
export function analyseRules(rules: readonly MatchRule[]): RuleFinding[] {
  const shapes = rules.map(shapeOf);
  const shadowed: boolean[] = [];
  const findings: RuleFinding[] = [];
  for (let j = 0; j < shapes.length; j++) {
    const later = shapes[j] as RuleShape;
    let by = -1;
    for (let i = 0; i < j && by < 0; i++) {
      if (shadows(shapes[i] as RuleShape, later)) by = i;
    }
    shadowed.push(by >= 0);
    if (by >= 0) {
      findings.push({ kind: 'shadowed', ruleId: later.rule.id, otherRuleId: (shapes[by] as RuleShape).rule.id });
      continue;
    }
    for (let i = 0; i < j; i++) {
      const earlier = shapes[i] as RuleShape;
      if (shadowed[i] || earlier.rule.customerKey === later.rule.customerKey) continue;
      if (overlap(earlier, later)) findings.push({ kind: 'overlaps', ruleId: later.rule.id, otherRuleId: earlier.rule.id });
    }
  }
  return findings;
}
