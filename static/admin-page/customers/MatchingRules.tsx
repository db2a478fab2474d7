// Which issues belong to which customer: the ordered rules (first match wins), edited as a whole and saved with
// saveMatchingRules, with the server's findings (rules that can never match, rules that overlap).
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import AddIcon from '@atlaskit/icon/core/add';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useMemo, useState } from 'react';
import type { MatchRule } from '@contract/config';
import { LIMITS } from '@contract/constants';
import { useT } from '../../shared/texts';
import { FormStatus } from '../components/FormStatus';
import { useAdmin } from '../hooks/admin-context';
import { flagSuccess } from '../hooks/flag';
import { useFormErrors } from '../hooks/useFormErrors';
import { withMatching } from '../state/config-updates';
import { newRuleId } from '../state/ids';
import { emptyCondition, findingViews, matchingPaths, moveItem, sameRules } from '../state/matching-form';
import { MatchingFindings } from './MatchingFindings';
import { RuleCard } from './RuleCard';

export function MatchingRules() {
  const t = useT();
  const { config, call, update, reload } = useAdmin();
  const saved = config.matching;
  const [rules, setRules] = useState<MatchRule[]>(() => saved.rules);
  const [base, setBase] = useState(saved.meta.revision);
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(matchingPaths(rules));
  const dirty = !sameRules(rules, saved.rules);
  const findings = useMemo(() => findingViews(saved.findings, rules), [saved.findings, rules]);

  // Someone reloaded the configuration (after a conflict): start again from what is stored.
  if (saved.meta.revision !== base && !saving) {
    setBase(saved.meta.revision);
    setRules(saved.rules);
    errors.setError(null);
  }

  const save = async () => {
    setSaving(true);
    const result = await call('saveMatchingRules', { matching: { rules }, expectedRevision: saved.meta.revision > 0 ? saved.meta.revision : null });
    if (!result.ok) {
      setSaving(false);
      errors.setError(result.error);
      return;
    }
    setBase(result.data.meta.revision);
    update((c) => withMatching(c, result.data));
    setRules(result.data.rules);
    setSaving(false);
    errors.setError(null);
    flagSuccess(t('admin.matching.saved'));
  };

  const change = (index: number, rule: MatchRule) => setRules((list) => list.map((r, i) => (i === index ? rule : r)));
  const add = () =>
    setRules((list) => [...list, { id: newRuleId(list.map((r) => r.id)), customerKey: '', conditions: [emptyCondition()] }]);

  return (
    <Stack space="space.200" testId="matching">
      <Stack space="space.050">
        <Heading size="medium" as="h2">
          {t('admin.matching.title')}
        </Heading>
        <Text color="color.text.subtle">{t('admin.matching.intro')}</Text>
      </Stack>
      <FormStatus prefix="matching-form" error={errors.error} placed={errors.placed} onReload={() => void reload()} />
      <MatchingFindings findings={findings} rules={rules} stale={dirty} />
      {rules.length === 0 ? (
        <Text color="color.text.subtle" testId="matching-empty">
          {t('admin.matching.empty')}
        </Text>
      ) : null}
      {rules.map((rule, i) => (
        <RuleCard
          key={rule.id}
          index={i}
          count={rules.length}
          rule={rule}
          findings={findings.filter((f) => f.ruleId === rule.id)}
          errorAt={errors.at}
          onChange={(r) => change(i, r)}
          onMove={(to) => setRules((list) => moveItem(list, i, to))}
          onRemove={() => setRules((list) => list.filter((_, j) => j !== i))}
        />
      ))}
      <Inline space="space.100" shouldWrap>
        <Button iconBefore={AddIcon} onClick={add} isDisabled={rules.length >= LIMITS.matchingRules} testId="matching-add">
          {t('admin.matching.add')}
        </Button>
        <Button appearance="primary" onClick={() => void save()} isLoading={saving} isDisabled={!dirty} testId="matching-save">
          {t('admin.matching.save')}
        </Button>
        {dirty ? (
          <Button appearance="subtle" onClick={() => setRules(saved.rules)} testId="matching-discard">
            {t('admin.matching.discard')}
          </Button>
        ) : null}
      </Inline>
    </Stack>
  );
}
