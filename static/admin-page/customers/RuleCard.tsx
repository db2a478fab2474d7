// One matching rule: its customer, its conditions (all must hold; each is "any of these values"), its place
// in the order, and what the server found about it.
import Button, { IconButton } from '@atlaskit/button/new';
import AddIcon from '@atlaskit/icon/core/add';
import ArrowDownIcon from '@atlaskit/icon/core/arrow-down';
import ArrowUpIcon from '@atlaskit/icon/core/arrow-up';
import DeleteIcon from '@atlaskit/icon/core/delete';
import Lozenge from '@atlaskit/lozenge';
import { Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { MatchCondition, MatchField, MatchRule } from '@contract/config';
import { LIMITS, MATCH_FIELDS } from '@contract/constants';
import { useT } from '../../shared/texts';
import { Field, InlineError } from '../components/Field';
import { MultiSelect, SingleSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { emptyCondition, rulePath, withField, type FindingView } from '../state/matching-form';
import { FindingText } from './MatchingFindings';

interface RuleCardProps {
  index: number;
  count: number;
  rule: MatchRule;
  findings: FindingView[];
  errorAt: (path: string) => string | undefined;
  onChange: (rule: MatchRule) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

const customerBox = xcss({ width: '280px', maxWidth: '100%' });

const card = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.large',
  padding: 'space.150',
  backgroundColor: 'elevation.surface.raised',
});

export function RuleCard({ index, count, rule, findings, errorAt, onChange, onMove, onRemove }: RuleCardProps) {
  const t = useT();
  const { config, catalog } = useAdmin();
  const id = (suffix: string) => `matching-rule-${index}-${suffix}`;
  const setCondition = (c: number, condition: MatchCondition) =>
    onChange({ ...rule, conditions: rule.conditions.map((x, i) => (i === c ? condition : x)) });

  return (
    <Box xcss={card} testId={`matching-rule-${index}`} data-rule-id={rule.id}>
      <Stack space="space.100">
        <Inline spread="space-between" alignBlock="center" shouldWrap space="space.100">
          <Inline space="space.150" alignBlock="center" shouldWrap>
            <Lozenge appearance="new">{t('admin.matching.ruleNumber', { n: index + 1 })}</Lozenge>
            <Box xcss={customerBox}>
              <SingleSelect
                id={id('customer')}
                aria-label={t('admin.matching.customer')}
                placeholder={t('admin.matching.customer')}
                options={config.customers.map((c) => ({ value: c.key, label: c.name }))}
                value={rule.customerKey || null}
                isInvalid={Boolean(errorAt(rulePath(index, 'customerKey')))}
                onChange={(v) => onChange({ ...rule, customerKey: v ?? '' })}
              />
            </Box>
            {findings.length > 0 ? <Lozenge appearance="moved">{t('admin.matching.hasFindings')}</Lozenge> : null}
          </Inline>
          <Inline space="space.050">
            <IconButton icon={ArrowUpIcon} label={t('admin.matching.moveUp')} appearance="subtle" isDisabled={index === 0} onClick={() => onMove(index - 1)} testId={id('up')} />
            <IconButton icon={ArrowDownIcon} label={t('admin.matching.moveDown')} appearance="subtle" isDisabled={index === count - 1} onClick={() => onMove(index + 1)} testId={id('down')} />
            <IconButton icon={DeleteIcon} label={t('admin.matching.remove')} appearance="subtle" onClick={onRemove} testId={id('remove')} />
          </Inline>
        </Inline>
        <InlineError id={id('customer')} error={errorAt(rulePath(index, 'customerKey'))} />
        {findings.map((f, i) => (
          <Text key={i} color="color.text.warning" testId={id(`finding-${i}`)}>
            <FindingText finding={f} />
          </Text>
        ))}
        <InlineError id={id('rule')} error={errorAt(rulePath(index))} />
        <InlineError id={id('conditions')} error={errorAt(rulePath(index, 'conditions'))} />
        {rule.conditions.map((condition, c) => {
          const cid = (suffix: string) => id(`condition-${c}-${suffix}`);
          const valuesError = errorAt(rulePath(index, 'conditions', c, 'values'));
          const fieldIdError = errorAt(rulePath(index, 'conditions', c, 'fieldId'));
          return (
            <Grid key={c} templateColumns="160px minmax(0, 1fr) 32px" gap="space.100" alignItems="start" testId={cid('row')}>
              <Field id={cid('field')} label={c === 0 ? t('admin.matching.field') : ''}>
                <SingleSelect
                  id={cid('field')}
                  aria-label={t('admin.matching.field')}
                  options={MATCH_FIELDS.map((f) => ({ value: f, label: t(`admin.matching.fields.${f}`) }))}
                  value={condition.field}
                  onChange={(v) => v && setCondition(c, withField(condition, v as MatchField))}
                />
              </Field>
              <Stack space="space.100">
                {condition.field === 'field' ? (
                  <Field id={cid('fieldid')} label={t('admin.matching.fieldId')} error={fieldIdError}>
                    <Textfield
                      id={cid('fieldid')}
                      testId={cid('fieldid')}
                      placeholder="customfield_10010"
                      value={condition.fieldId}
                      isInvalid={Boolean(fieldIdError)}
                      onChange={(e) => setCondition(c, { ...condition, fieldId: e.currentTarget.value })}
                    />
                  </Field>
                ) : null}
                <Field id={cid('values')} label={c === 0 || condition.field === 'field' ? t('admin.matching.anyOf') : ''} error={valuesError}>
                  <MultiSelect
                    id={cid('values')}
                    aria-label={t('admin.matching.anyOf')}
                    options={condition.field === 'project' ? catalog.projects.map((p) => ({ value: p.key, label: `${p.key} · ${p.name}` })) : []}
                    values={condition.values}
                    isCreatable={condition.field !== 'project' || catalog.projects.length === 0}
                    placeholder={condition.field === 'project' ? t('admin.matching.pickProjects') : t('admin.matching.typeValues')}
                    isInvalid={Boolean(valuesError)}
                    onChange={(values) => setCondition(c, { ...condition, values })}
                  />
                </Field>
              </Stack>
              <Box paddingBlockStart={c === 0 || condition.field === 'field' ? 'space.300' : 'space.050'}>
                <IconButton
                  icon={DeleteIcon}
                  label={t('admin.matching.removeCondition')}
                  appearance="subtle"
                  isDisabled={rule.conditions.length <= 1}
                  onClick={() => onChange({ ...rule, conditions: rule.conditions.filter((_, j) => j !== c) })}
                  testId={cid('remove')}
                />
              </Box>
            </Grid>
          );
        })}
        <Inline>
          <Button
            appearance="subtle"
            iconBefore={AddIcon}
            isDisabled={rule.conditions.length >= LIMITS.ruleConditions}
            onClick={() => onChange({ ...rule, conditions: [...rule.conditions, emptyCondition('label')] })}
            testId={id('condition-add')}
          >
            {t('admin.matching.addCondition')}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
