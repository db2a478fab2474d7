// The simulator's answer: the issue, then per metric the draft's clock next to the saved version's.
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { PolicySimulation, SimulatedClock } from '@contract/admin';
import { useT } from '../../shared/texts';
import { useAdmin } from '../hooks/admin-context';
import { formatInstant } from '../state/format';
import { compareClocks, type ClockField } from '../state/simulation';
import { useDuration } from './useDuration';

const STATE_APPEARANCE: Record<SimulatedClock['state'], 'default' | 'inprogress' | 'moved' | 'success' | 'removed'> = {
  notStarted: 'default',
  running: 'inprogress',
  paused: 'moved',
  met: 'success',
  breached: 'removed',
  notApplicable: 'default',
};

const changed = xcss({ backgroundColor: 'color.background.accent.yellow.subtlest', borderRadius: 'radius.medium', paddingInline: 'space.050' });
const same = xcss({ paddingInline: 'space.050' });

export function SimulationTable({ simulation }: { simulation: PolicySimulation }) {
  const t = useT();
  const { viewer } = useAdmin();
  const duration = useDuration();
  const rows = compareClocks(simulation);
  const savedLabel = simulation.saved ? t('admin.simulator.saved', { version: simulation.saved.version }) : t('admin.simulator.neverSaved');

  const value = (clock: SimulatedClock | null, field: ClockField) => {
    if (!clock) return '—';
    switch (field) {
      case 'state':
        return <Lozenge appearance={STATE_APPEARANCE[clock.state]}>{t(`admin.states.${clock.state}`)}</Lozenge>;
      case 'elapsedMinutes':
        return duration(clock.elapsedMinutes);
      case 'remainingMinutes':
        return clock.remainingMinutes === null ? '—' : duration(clock.remainingMinutes);
      case 'dueAt':
        return clock.dueAt ? formatInstant(clock.dueAt, viewer) : '—';
    }
  };
  const cell = (key: string, side: 'draft' | 'saved', clock: SimulatedClock | null, field: ClockField, differs: boolean) => (
    <Box xcss={differs ? changed : same} testId={`simulation-${key}-${side}-${field}`} data-differs={differs ? 'true' : undefined}>
      {value(clock, field)}
    </Box>
  );
  const fields: ClockField[] = ['state', 'elapsedMinutes', 'remainingMinutes', 'dueAt'];
  const labels: Record<ClockField, string> = {
    state: t('admin.simulator.state'),
    elapsedMinutes: t('admin.simulator.elapsed'),
    remainingMinutes: t('admin.simulator.remaining'),
    dueAt: t('admin.simulator.due'),
  };

  return (
    <Stack space="space.150" testId="simulation-result">
      <Stack space="space.025">
        <Text weight="medium">{`${simulation.issue.key}: ${simulation.issue.summary}`}</Text>
        <Text size="small" color="color.text.subtle">
          {t('admin.simulator.context', {
            priority: simulation.issue.priority ?? t('admin.common.none'),
            status: simulation.issue.status,
            customer: simulation.customer?.name ?? t('admin.simulator.noCustomer'),
            calendar: simulation.calendar?.name ?? t('admin.common.none'),
            time: formatInstant(simulation.evaluatedAt, viewer),
          })}
        </Text>
      </Stack>
      <Box testId="simulation-table">
        <DynamicTable
          isFixedSize
          head={{
            cells: [
              { key: 'metric', content: t('admin.simulator.metric'), width: 24 },
              { key: 'field', content: '', width: 16 },
              { key: 'draft', content: t('admin.simulator.draft'), width: 30 },
              { key: 'saved', content: savedLabel, width: 30 },
            ],
          }}
          rows={rows.flatMap((row) =>
            fields.map((field, i) => ({
              key: `${row.key}-${field}`,
              testId: i === 0 ? `simulation-row-${row.key}` : undefined,
              cells: [
                { key: 'metric', content: i === 0 ? <Text weight="medium">{row.name}</Text> : '' },
                { key: 'field', content: <Text color="color.text.subtle">{labels[field]}</Text> },
                { key: 'draft', content: cell(row.key, 'draft', row.draft, field, row.differs.has(field)) },
                { key: 'saved', content: cell(row.key, 'saved', row.saved, field, row.differs.has(field)) },
              ],
            })),
          )}
        />
      </Box>
      {simulation.saved && rows.some((r) => r.differs.size > 0) ? (
        <Text size="small" color="color.text.subtle" testId="simulation-differs">
          {t('admin.simulator.differs')}
        </Text>
      ) : null}
    </Stack>
  );
}
