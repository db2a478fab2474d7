// One metric of a policy: key and name, when its clock starts, pauses and stops, its targets by priority, the
// warning threshold and an optional calendar of its own.
import { IconButton } from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Box, Grid, Inline, Stack, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useT } from '../../shared/texts';
import { Field, InlineError } from '../components/Field';
import { MultiSelect, SingleSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { metricPath, STATUS_CATEGORIES, type MetricDraft, type StatusCategory } from '../state/policy-form';
import { ConditionList } from './ConditionList';
import { TargetsEditor } from './TargetsEditor';

interface MetricEditorProps {
  index: number;
  metric: MetricDraft;
  errorAt: (path: string) => string | undefined;
  onChange: (metric: MetricDraft) => void;
  onRemove?: () => void;
}

const box = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.large',
  padding: 'space.200',
  backgroundColor: 'elevation.surface.raised',
});

export function MetricEditor({ index, metric, errorAt, onChange, onRemove }: MetricEditorProps) {
  const t = useT();
  const { config, catalog } = useAdmin();
  const id = (suffix: string) => `policy-metric-${index}-${suffix}`;
  const at = (...rest: (string | number)[]) => errorAt(metricPath(index, ...rest));
  const set = (patch: Partial<MetricDraft>) => onChange({ ...metric, ...patch });

  return (
    <Box xcss={box} testId={`policy-metric-${index}`}>
      <Stack space="space.200">
        <Inline spread="space-between" alignBlock="center">
          <Heading size="small" as="h3">
            {metric.name.trim() || t('admin.metrics.numbered', { n: index + 1 })}
          </Heading>
          {onRemove ? <IconButton icon={DeleteIcon} appearance="subtle" label={t('admin.metrics.remove')} onClick={onRemove} testId={id('remove')} /> : null}
        </Inline>
        <InlineError id={`policy-metric-${index}`} error={at()} />
        <Grid templateColumns="repeat(auto-fit, minmax(200px, 1fr))" gap="space.200">
          <Field id={id('key')} label={t('admin.metrics.key')} error={at('key')} help={t('admin.metrics.keyHelp')}>
            <Textfield id={id('key')} testId={id('key')} placeholder="resolution" value={metric.key} isInvalid={Boolean(at('key'))} onChange={(e) => set({ key: e.currentTarget.value })} />
          </Field>
          <Field id={id('name')} label={t('admin.metrics.name')} error={at('name')}>
            <Textfield id={id('name')} testId={id('name')} value={metric.name} isInvalid={Boolean(at('name'))} onChange={(e) => set({ name: e.currentTarget.value })} />
          </Field>
          <Field id={id('warn')} label={t('admin.metrics.warnAt')} error={at('warnAtPercent')} help={t('admin.metrics.warnAtHelp')}>
            <Textfield id={id('warn')} testId={id('warn')} inputMode="decimal" value={metric.warnAtPercent} isInvalid={Boolean(at('warnAtPercent'))} onChange={(e) => set({ warnAtPercent: e.currentTarget.value })} elemAfterInput={<Box paddingInlineEnd="space.100">%</Box>} />
          </Field>
          <Field id={id('calendar')} label={t('admin.metrics.calendar')} error={at('calendarId') ?? at('calendar')}>
            <SingleSelect
              id={id('calendar')}
              options={config.calendars.map((c) => ({ value: c.id, label: c.name }))}
              value={metric.calendarId || null}
              isClearable
              placeholder={t('admin.metrics.contractCalendar')}
              onChange={(v) => set({ calendarId: v ?? '' })}
            />
          </Field>
        </Grid>
        <Grid templateColumns="minmax(0, 1fr)" gap="space.200">
          <ConditionList id={id('start')} title={t('admin.metrics.start')} conditions={metric.start} error={at('start')} errorAt={(i) => at('start', i)} onChange={(start) => set({ start })} />
          <ConditionList id={id('stop')} title={t('admin.metrics.stop')} conditions={metric.stop} error={at('stop')} errorAt={(i) => at('stop', i)} onChange={(stop) => set({ stop })} />
        </Grid>
        <Stack space="space.100">
          <Heading size="xsmall" as="h4">
            {t('admin.metrics.pause')}
          </Heading>
          <InlineError id={id('pause')} error={at('pause')} />
          <Grid templateColumns="repeat(auto-fit, minmax(260px, 1fr))" gap="space.200">
            <Field id={id('pause-statuses')} label={t('admin.metrics.pauseStatuses')}>
              <MultiSelect
                id={id('pause-statuses')}
                options={catalog.statuses.map((s) => ({ value: s.name, label: s.name }))}
                isCreatable={catalog.statuses.length === 0}
                values={metric.pauseStatuses}
                onChange={(pauseStatuses) => set({ pauseStatuses })}
              />
            </Field>
            <Field id={id('pause-categories')} label={t('admin.metrics.pauseCategories')}>
              <MultiSelect
                id={id('pause-categories')}
                options={STATUS_CATEGORIES.map((c) => ({ value: c, label: t(`admin.categories.${c}`) }))}
                values={metric.pauseCategories}
                onChange={(values) => set({ pauseCategories: values as StatusCategory[] })}
              />
            </Field>
          </Grid>
        </Stack>
        <TargetsEditor index={index} targets={metric.targets} errorAt={errorAt} onChange={(targets) => set({ targets })} />
      </Stack>
    </Box>
  );
}
