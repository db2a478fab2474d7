// Customer matching: first match wins, conditions AND, values OR, per-field comparison rules, and the
// shadowed / overlaps findings the admin page shows.
import type { MatchCondition, MatchRule } from '../../../src/contract/config';
import { analyseRules, createMatcher, matchCustomer, type IssueFacts } from '../../../src/domain/customers';

const issue = (over: Partial<IssueFacts> = {}): IssueFacts => ({ projectKey: 'SUP', labels: [], components: [], fields: {}, ...over });
const rule = (id: string, customerKey: string, ...conditions: MatchCondition[]): MatchRule => ({ id, customerKey, conditions });
const project = (...values: string[]): MatchCondition => ({ field: 'project', values });
const label = (...values: string[]): MatchCondition => ({ field: 'label', values });
const component = (...values: string[]): MatchCondition => ({ field: 'component', values });
const field = (fieldId: string, ...values: string[]): MatchCondition => ({ field: 'field', fieldId, values });

describe('matchCustomer', () => {
  it('tries rules in order and the first match wins', () => {
    const rules = [rule('r1', 'acme', project('ACME')), rule('r2', 'globex', project('SUP')), rule('r3', 'initech', project('SUP'))];
    expect(matchCustomer(rules, issue())).toEqual({ customerKey: 'globex', ruleId: 'r2' });
  });

  it('needs every condition of a rule to hold', () => {
    const rules = [rule('both', 'acme', project('SUP'), label('acme')), rule('any', 'globex', project('SUP'))];
    expect(matchCustomer(rules, issue({ labels: ['acme'] }))).toEqual({ customerKey: 'acme', ruleId: 'both' });
    expect(matchCustomer(rules, issue({ labels: ['other'] }))).toEqual({ customerKey: 'globex', ruleId: 'any' });
  });

  it('holds a condition when any of the issue values is any of its values', () => {
    const rules = [rule('r', 'acme', label('acme', 'acme-prod'))];
    expect(matchCustomer(rules, issue({ labels: ['urgent', 'acme-prod'] }))?.ruleId).toBe('r');
    expect(matchCustomer(rules, issue({ labels: ['urgent'] }))).toBeNull();
  });

  it('tests each kind of field', () => {
    const rules = [
      rule('by-project', 'a', project('ACME')),
      rule('by-label', 'b', label('globex')),
      rule('by-component', 'c', component('Billing')),
      rule('by-field', 'd', field('customfield_10010', 'Initech AG')),
    ];
    expect(matchCustomer(rules, issue({ projectKey: 'ACME' }))?.ruleId).toBe('by-project');
    expect(matchCustomer(rules, issue({ labels: ['globex'] }))?.ruleId).toBe('by-label');
    expect(matchCustomer(rules, issue({ components: ['Web', 'Billing'] }))?.ruleId).toBe('by-component');
    expect(matchCustomer(rules, issue({ fields: { customfield_10010: ['Initech AG'] } }))?.ruleId).toBe('by-field');
    // Another field's value does not count.
    expect(matchCustomer(rules, issue({ fields: { customfield_10011: ['Initech AG'] } }))).toBeNull();
  });

  it('compares project keys, components and field values case-insensitively after trimming, labels exactly', () => {
    const rules = [
      rule('p', 'a', project(' acme ')),
      rule('l', 'b', label('Globex')),
      rule('c', 'c', component('billing ')),
      rule('f', 'd', field('customfield_10010', 'initech ag')),
    ];
    expect(matchCustomer(rules, issue({ projectKey: 'ACME' }))?.ruleId).toBe('p');
    expect(matchCustomer(rules, issue({ labels: ['Globex'] }))?.ruleId).toBe('l');
    expect(matchCustomer(rules, issue({ labels: ['globex'] }))).toBeNull();
    expect(matchCustomer(rules, issue({ components: ['  BILLING'] }))?.ruleId).toBe('c');
    expect(matchCustomer(rules, issue({ fields: { customfield_10010: ['Initech AG '] } }))?.ruleId).toBe('f');
  });

  it('returns null when no rule matches, or there are no rules', () => {
    expect(matchCustomer([rule('r', 'acme', project('ACME'))], issue())).toBeNull();
    expect(matchCustomer([], issue())).toBeNull();
  });

  it('ignores field ids that only exist on Object.prototype', () => {
    expect(matchCustomer([rule('r', 'acme', field('constructor', 'x'))], issue())).toBeNull();
  });

  it('answers the same through a compiled matcher', () => {
    const rules = [rule('r1', 'acme', project('ACME')), rule('r2', 'globex', label('globex'))];
    const match = createMatcher(rules);
    for (const i of [issue({ projectKey: 'acme' }), issue({ labels: ['globex'] }), issue()]) {
      expect(match(i)).toEqual(matchCustomer(rules, i));
    }
  });
});

describe('analyseRules', () => {
  it('finds nothing in rules that claim different issues', () => {
    expect(analyseRules([rule('r1', 'acme', project('ACME')), rule('r2', 'globex', project('GLX')), rule('r3', 'acme', project('OPS'), label('acme'))])).toEqual([]);
  });

  it('counts a rule without a condition on a field as open to every value of it', () => {
    expect(analyseRules([rule('r1', 'acme', project('ACME')), rule('r2', 'globex', label('globex'))])).toEqual([
      { kind: 'overlaps', ruleId: 'r2', otherRuleId: 'r1' },
    ]);
  });

  it('reports an identical later rule as shadowed', () => {
    const rules = [rule('r1', 'acme', project('SUP'), label('acme')), rule('r2', 'acme', label('acme'), project('SUP'))];
    expect(analyseRules(rules)).toEqual([{ kind: 'shadowed', ruleId: 'r2', otherRuleId: 'r1' }]);
  });

  it('reports a later rule whose values are a subset, with the same comparison rules as matching', () => {
    const rules = [rule('r1', 'acme', project('sup', 'ops'), component('Billing', 'Web')), rule('r2', 'acme', project('SUP'), component(' web'))];
    expect(analyseRules(rules)).toEqual([{ kind: 'shadowed', ruleId: 'r2', otherRuleId: 'r1' }]);
    // Labels are case-sensitive: `Acme` is not covered by `acme`.
    expect(analyseRules([rule('r1', 'acme', label('acme')), rule('r2', 'acme', label('Acme'))])).toEqual([]);
  });

  it('reports a rule with an extra condition behind a more general earlier rule, but not the reverse', () => {
    const general = rule('general', 'acme', project('SUP'));
    const specific = rule('specific', 'acme', project('SUP'), label('vip'));
    expect(analyseRules([general, specific])).toEqual([{ kind: 'shadowed', ruleId: 'specific', otherRuleId: 'general' }]);
    expect(analyseRules([specific, general])).toEqual([]);
  });

  it('does not report a later rule with more values, or on another field id', () => {
    expect(analyseRules([rule('r1', 'acme', project('SUP')), rule('r2', 'acme', project('SUP', 'OPS'))])).toEqual([]);
    expect(analyseRules([rule('r1', 'acme', field('customfield_1', 'x')), rule('r2', 'acme', field('customfield_2', 'x'))])).toEqual([]);
  });

  it('reports a shadowed rule once, against the first rule that shadows it', () => {
    const rules = [rule('r1', 'acme', project('SUP')), rule('r2', 'acme', project('SUP')), rule('r3', 'acme', project('SUP'), label('x'))];
    expect(analyseRules(rules)).toEqual([
      { kind: 'shadowed', ruleId: 'r2', otherRuleId: 'r1' },
      { kind: 'shadowed', ruleId: 'r3', otherRuleId: 'r1' },
    ]);
  });

  it('reports rules of different customers that one issue could match', () => {
    const rules = [
      rule('acme-sup', 'acme', project('SUP'), label('acme')),
      // Shares the project; only this rule constrains components.
      rule('globex-sup', 'globex', project('SUP', 'OPS'), component('Billing')),
      // Another project: no issue matches both.
      rule('initech', 'initech', project('INI'), label('acme')),
    ];
    expect(analyseRules(rules)).toEqual([{ kind: 'overlaps', ruleId: 'globex-sup', otherRuleId: 'acme-sup' }]);
  });

  it('reports a shadowing rule of another customer as shadowed, not also as an overlap', () => {
    const rules = [rule('r1', 'acme', project('SUP')), rule('r2', 'globex', project('SUP'), label('globex'))];
    expect(analyseRules(rules)).toEqual([{ kind: 'shadowed', ruleId: 'r2', otherRuleId: 'r1' }]);
  });

  it('does not report overlaps within one customer', () => {
    expect(analyseRules([rule('r1', 'acme', project('SUP'), label('a')), rule('r2', 'acme', project('SUP'), component('Web'))])).toEqual([]);
  });

  it('does not report overlaps for a rule that never wins', () => {
    const rules = [rule('r1', 'acme', label('acme')), rule('r2', 'globex', label('globex')), rule('r3', 'acme', label('acme'), project('SUP'))];
    // r3 is shadowed by r1; r2 and r3 claim different labels anyway.
    expect(analyseRules(rules)).toEqual([{ kind: 'shadowed', ruleId: 'r3', otherRuleId: 'r1' }]);
    const withOverlap = [rule('r1', 'acme', project('SUP')), rule('r2', 'acme', project('SUP'), label('x')), rule('r3', 'globex', label('x'))];
    expect(analyseRules(withOverlap)).toEqual([
      { kind: 'shadowed', ruleId: 'r2', otherRuleId: 'r1' },
      { kind: 'overlaps', ruleId: 'r3', otherRuleId: 'r1' },
    ]);
  });

  it('folds several project conditions of one rule into the keys they all allow', () => {
    const rules = [rule('r1', 'acme', project('SUP', 'OPS'), project('OPS', 'DEV')), rule('r2', 'globex', project('SUP', 'DEV'))];
    // r1 matches only OPS issues.
    expect(analyseRules(rules)).toEqual([]);
    expect(analyseRules([rules[0] as MatchRule, rule('r3', 'acme', project('OPS'))])).toEqual([{ kind: 'shadowed', ruleId: 'r3', otherRuleId: 'r1' }]);
  });

  it('analyses 500 rules', () => {
    const rules: MatchRule[] = [];
    for (let i = 0; i < 500; i++) {
      rules.push(
        rule(
          `r${i}`,
          `customer-${i % 50}`,
          project(`P${i % 40}`, `Q${i % 7}`),
          label(...Array.from({ length: 20 }, (_, k) => `label-${(i * 7 + k) % 300}`)),
          field('customfield_10010', ...Array.from({ length: 10 }, (_, k) => `Org ${(i + k) % 120}`)),
        ),
      );
    }
    const findings = analyseRules(rules);
    expect(findings.length).toBeGreaterThan(0);
    const order = findings.map((f) => Number(f.ruleId.slice(1)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
