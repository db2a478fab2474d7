// One saved version, read-only: each metric's conditions, pauses and targets in words.
import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { PolicyCondition, PolicyVersion } from '@contract/config';
import { useT } from '../../shared/texts';
import { useAdmin } from '../hooks/admin-context';
import { formatInstant } from '../state/format';
import { useDuration } from './useDuration';

const box = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.large',
  padding: 'space.200',
  backgroundColor: 'color.background.neutral.subtle',
});

export function VersionView({ version }: { version: PolicyVersion }) {
  const t = useT();
  const { viewer, config } = useAdmin();
  const duration = useDuration();
  const calendarName = (id: string | undefined) => (id ? (config.calendars.find((c) => c.id === id)?.name ?? id) : t('admin.metrics.contractCalendar'));
  const condition = (c: PolicyCondition): string => {
    switch (c.event) {
      case 'status':
        return t('admin.conditionText.status', { status: c.to });
      case 'statusCategory':
        return t('admin.conditionText.statusCategory', {
          from: c.from ? t(`admin.categories.${c.from}`) : t('admin.conditions.anyCategory'),
          to: c.to ? t(`admin.categories.${c.to}`) : t('admin.conditions.anyCategory'),
        });
      case 'comment':
        return t('admin.conditionText.comment', {
          author: c.author ? t(`admin.conditions.${c.author}`) : t('admin.conditions.anyAuthor'),
          visibility: c.public === undefined ? t('admin.conditions.anyVisibility') : c.public ? t('admin.conditions.public') : t('admin.conditions.internal'),
        });
      default:
        return t(`admin.conditions.${c.event}`);
    }
  };

  return (
    <Box xcss={box} testId={`policy-version-view-${version.version}-detail`}>
      <Stack space="space.150">
        <Stack space="space.025">
          <Heading size="xsmall" as="h4">
            {`${version.name} · ${t('admin.policies.versionValue', { version: version.version })}`}
          </Heading>
          <Text size="small" color="color.text.subtle">
            {t('admin.versions.savedBy', { name: version.savedBy.displayName, time: formatInstant(version.savedAt, viewer) })}
          </Text>
          {version.description ? <Text>{version.description}</Text> : null}
        </Stack>
        {version.metrics.map((m) => {
          const pauses = m.pause.flatMap((p) => [...(p.status ?? []), ...(p.statusCategory ?? []).map((c) => t(`admin.categories.${c}`))]);
          return (
            <Stack key={m.key} space="space.025">
              <Text weight="bold">{`${m.name} (${m.key})`}</Text>
              <Text>{`${t('admin.metrics.start')}: ${m.start.map(condition).join('; ')}`}</Text>
              <Text>{`${t('admin.metrics.stop')}: ${m.stop.map(condition).join('; ')}`}</Text>
              <Text>{`${t('admin.metrics.pause')}: ${pauses.length ? pauses.join(', ') : t('admin.common.none')}`}</Text>
              <Text>
                {`${t('admin.targets.title')}: ${m.targets
                  .map((x) => `${x.priorities?.length ? x.priorities.join(', ') : t('admin.targets.anyPriority')} → ${duration(x.minutes)}`)
                  .join('; ')}`}
              </Text>
              <Text>{`${t('admin.metrics.warnAt')}: ${m.warnAtPercent ?? '—'} % · ${t('admin.metrics.calendar')}: ${calendarName(m.calendarId)}`}</Text>
            </Stack>
          );
        })}
      </Stack>
    </Box>
  );
}
