// A metric's targets by priority, in order (the first whose priorities include the wins); a target
// without priorities applies to any priority and must come last.
import Button, { IconButton } from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import AddIcon from '@atlaskit/icon/core/add';
import ArrowDownIcon from '@atlaskit/icon/core/arrow-down';
import ArrowUpIcon from '@atlaskit/icon/core/arrow-up';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Box, Grid, Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useT } from '../../shared/texts';
import { InlineError } from '../components/Field';
import { MultiSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { moveItem } from '../state/matching-form';
import { emptyTarget, metricPath, type TargetDraft } from '../state/policy-form';

interface TargetsEditorProps {
  index: number;
  targets: TargetDraft[];
  errorAt: (path: string) => string | undefined;
  onChange: (targets: TargetDraft[]) => void;
}

export function TargetsEditor({ index, targets, errorAt, onChange }: TargetsEditorProps) {
  const t = useT();
  const { catalog } = useAdmin();
  const set = (i: number, patch: Partial<TargetDraft>) => onChange(targets.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const base = `policy-metric-${index}-target`;

  return (
    <Stack space="space.100" testId={`${base}s`}>
      <Heading size="xsmall" as="h4">
        {t('admin.targets.title')}
      </Heading>
      <Text color="color.text.subtle">{t('admin.targets.help')}</Text>
      <InlineError id={`${base}s`} error={errorAt(metricPath(index, 'targets'))} />
      <Grid templateColumns="minmax(0, 3fr) 84px 84px 104px" gap="space.100" alignItems="center">
        <Text weight="medium">{t('admin.targets.priorities')}</Text>
        <Text weight="medium">{t('admin.targets.hours')}</Text>
        <Text weight="medium">{t('admin.targets.minutes')}</Text>
        <span />
      </Grid>
      {targets.map((target, i) => {
        const id = (suffix: string) => `${base}-${i}-${suffix}`;
        const at = (...rest: string[]) => errorAt(metricPath(index, 'targets', i, ...rest));
        return (
          <Stack key={i} space="space.025" testId={`${base}-${i}`}>
            <Grid templateColumns="minmax(0, 3fr) 84px 84px 104px" gap="space.100" alignItems="center">
              <MultiSelect
                id={id('priorities')}
                options={catalog.priorities.map((p) => ({ value: p, label: p }))}
                isCreatable={catalog.priorities.length === 0}
                values={target.priorities}
                placeholder={t('admin.targets.anyPriority')}
                isInvalid={Boolean(at('priorities'))}
                onChange={(priorities) => set(i, { priorities })}
              />
              <Textfield aria-label={t('admin.targets.hours')} testId={id('hours')} inputMode="numeric" value={target.hours} isInvalid={Boolean(at('minutes'))} onChange={(e) => set(i, { hours: e.currentTarget.value })} />
              <Textfield aria-label={t('admin.targets.minutes')} testId={id('minutes')} inputMode="numeric" value={target.minutes} isInvalid={Boolean(at('minutes'))} onChange={(e) => set(i, { minutes: e.currentTarget.value })} />
              <Inline space="space.0">
                <IconButton icon={ArrowUpIcon} appearance="subtle" spacing="compact" label={t('admin.targets.moveUp')} isDisabled={i === 0} onClick={() => onChange(moveItem(targets, i, i - 1))} testId={id('up')} />
                <IconButton icon={ArrowDownIcon} appearance="subtle" spacing="compact" label={t('admin.targets.moveDown')} isDisabled={i === targets.length - 1} onClick={() => onChange(moveItem(targets, i, i + 1))} testId={id('down')} />
                <IconButton icon={DeleteIcon} appearance="subtle" spacing="compact" label={t('admin.targets.remove')} onClick={() => onChange(targets.filter((_, j) => j !== i))} testId={id('remove')} />
              </Inline>
            </Grid>
            <InlineError id={id('priorities')} error={at('priorities')} />
            <InlineError id={id('minutes')} error={at('minutes')} />
            <InlineError id={id('row')} error={at()} />
          </Stack>
        );
      })}
      <Box>
        <Button appearance="subtle" iconBefore={AddIcon} onClick={() => onChange([...targets, emptyTarget()])} testId={`${base}-add`}>
          {t('admin.targets.add')}
        </Button>
      </Box>
    </Stack>
  );
}
