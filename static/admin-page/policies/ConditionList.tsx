// The start or stop conditions of a metric: any of them starts (stops) the clock.
import Button, { IconButton } from '@atlaskit/button/new';
import AddIcon from '@atlaskit/icon/core/add';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Box, Grid, Inline, Stack, Text } from '@atlaskit/primitives';
import type { PolicyCondition } from '@contract/config';
import { useT } from '../../shared/texts';
import { InlineError } from '../components/Field';
import { SingleSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { CONDITION_EVENTS, conditionOf, STATUS_CATEGORIES, type ConditionEvent, type StatusCategory } from '../state/policy-form';

interface ConditionListProps {
  id: string;
  title: string;
  conditions: PolicyCondition[];
  error?: string;
  errorAt: (index: number) => string | undefined;
  onChange: (conditions: PolicyCondition[]) => void;
}

export function ConditionList({ id, title, conditions, error, errorAt, onChange }: ConditionListProps) {
  const t = useT();
  const set = (i: number, c: PolicyCondition) => onChange(conditions.map((x, j) => (j === i ? c : x)));
  return (
    <Stack space="space.100" testId={id}>
      <Text weight="medium">{title}</Text>
      <InlineError id={id} error={error} />
      {conditions.map((condition, i) => (
        <Stack key={i} space="space.050">
          <Grid templateColumns="minmax(0, 240px) minmax(0, 1fr) 32px" gap="space.100" alignItems="start">
            <SingleSelect
              id={`${id}-${i}-event`}
              options={CONDITION_EVENTS.map((e) => ({ value: e, label: t(`admin.conditions.${e}`) }))}
              value={condition.event}
              isInvalid={Boolean(errorAt(i))}
              onChange={(v) => v && set(i, conditionOf(v as ConditionEvent))}
            />
            <ConditionDetails id={`${id}-${i}`} condition={condition} onChange={(c) => set(i, c)} />
            <IconButton icon={DeleteIcon} appearance="subtle" label={t('admin.conditions.remove')} onClick={() => onChange(conditions.filter((_, j) => j !== i))} testId={`${id}-${i}-remove`} />
          </Grid>
          <InlineError id={`${id}-${i}`} error={errorAt(i)} />
        </Stack>
      ))}
      <Inline>
        <Button appearance="subtle" iconBefore={AddIcon} onClick={() => onChange([...conditions, { event: 'status', to: '' }])} testId={`${id}-add`}>
          {t('admin.conditions.add')}
        </Button>
      </Inline>
    </Stack>
  );
}

const ANY = '';

function ConditionDetails({ id, condition, onChange }: { id: string; condition: PolicyCondition; onChange: (c: PolicyCondition) => void }) {
  const t = useT();
  const { catalog } = useAdmin();
  const categories = [{ value: ANY, label: t('admin.conditions.anyCategory') }, ...STATUS_CATEGORIES.map((c) => ({ value: c, label: t(`admin.categories.${c}`) }))];
  switch (condition.event) {
    case 'status':
      return (
        <SingleSelect
          id={`${id}-to`}
          options={catalog.statuses.map((s) => ({ value: s.name, label: s.name }))}
          value={condition.to || null}
          placeholder={t('admin.conditions.toStatus')}
          onChange={(v) => onChange({ event: 'status', to: v ?? '' })}
        />
      );
    case 'statusCategory': {
      const pickCategory = (v: string | null) => (v ? (v as StatusCategory) : undefined);
      return (
        <Grid templateColumns="1fr 1fr" gap="space.050">
          <SingleSelect
            id={`${id}-from`}
            options={categories}
            value={condition.from ?? ANY}
            placeholder={t('admin.conditions.from')}
            onChange={(v) => onChange({ event: 'statusCategory', to: condition.to, from: pickCategory(v) })}
          />
          <SingleSelect
            id={`${id}-to`}
            options={categories}
            value={condition.to ?? ANY}
            placeholder={t('admin.conditions.to')}
            onChange={(v) => onChange({ event: 'statusCategory', from: condition.from, to: pickCategory(v) })}
          />
        </Grid>
      );
    }
    case 'comment': {
      const authors = [
        { value: ANY, label: t('admin.conditions.anyAuthor') },
        { value: 'agent', label: t('admin.conditions.agent') },
        { value: 'customer', label: t('admin.conditions.customer') },
      ];
      const visibility = [
        { value: ANY, label: t('admin.conditions.anyVisibility') },
        { value: 'public', label: t('admin.conditions.public') },
        { value: 'internal', label: t('admin.conditions.internal') },
      ];
      const shown = condition.public === undefined ? ANY : condition.public ? 'public' : 'internal';
      return (
        <Grid templateColumns="1fr 1fr" gap="space.050">
          <SingleSelect
            id={`${id}-author`}
            options={authors}
            value={condition.author ?? ANY}
            onChange={(v) => onChange({ event: 'comment', public: condition.public, author: v === 'agent' || v === 'customer' ? v : undefined })}
          />
          <SingleSelect
            id={`${id}-public`}
            options={visibility}
            value={shown}
            onChange={(v) => onChange({ event: 'comment', author: condition.author, public: v === 'public' ? true : v === 'internal' ? false : undefined })}
          />
        </Grid>
      );
    }
    default:
      return <Box />;
  }
}
