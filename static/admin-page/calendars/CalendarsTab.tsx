// Calendars: the list (zone, weekly hours, holidays, contracts using it) or one calendar's editor.
import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import { useT } from '../../shared/texts';
import { MissingRecord } from '../components/MissingRecord';
import { CellText, RecordTable, RowName } from '../components/RecordTable';
import { useAdmin } from '../hooks/admin-context';
import { weeklyHours } from '../state/calendar-form';
import { formatNumber } from '../state/format';
import { matchesQuery } from '../state/search';
import { CalendarEditor } from './CalendarEditor';

export function CalendarsTab() {
  const t = useT();
  const { config, viewer } = useAdmin();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);

  if (editing) {
    const record = editing.id === null ? null : config.calendars.find((c) => c.id === editing.id);
    if (record === undefined) return <MissingRecord onBack={() => setEditing(null)} />;
    return <CalendarEditor key={record ? `${record.id}@${record.meta.revision}` : 'new'} record={record} onClose={() => setEditing(null)} />;
  }

  const shown = [...config.calendars].sort((a, b) => a.name.localeCompare(b.name)).filter((c) => matchesQuery(search, [c.name, c.id]));
  const used = (id: string) => config.contracts.filter((c) => c.calendarId === id).length;
  const open = (id: string) => setEditing({ id });

  return (
    <RecordTable
      prefix="calendars"
      rowPrefix="calendar"
      total={config.calendars.length}
      search={search}
      onSearch={setSearch}
      onOpen={open}
      onCreate={() => setEditing({ id: null })}
      head={[
        { label: t('admin.calendars.name'), width: 32 },
        { label: t('admin.calendars.timeZone'), width: 20 },
        { label: t('admin.calendars.weeklyHours'), width: 16 },
        { label: t('admin.calendars.holidays'), width: 16 },
        { label: t('admin.calendars.usedBy'), width: 16 },
      ]}
      rows={shown.map((c) => ({
        key: c.id,
        cells: [
          <Stack key="name" space="space.025">
            <RowName onOpen={() => open(c.id)} testId={`calendar-open-${c.id}`}>
              {c.name}
            </RowName>
            <Text size="small" color="color.text.subtle">
              {c.id}
            </Text>
          </Stack>,
          <CellText key="zone">{c.timeZone}</CellText>,
          <CellText key="hours">{t('admin.contracts.hoursValue', { hours: formatNumber(weeklyHours(c), viewer.locale) })}</CellText>,
          <CellText key="holidays">{String(c.holidays.length + c.yearlyHolidays.length)}</CellText>,
          <CellText key="used">{String(used(c.id))}</CellText>,
        ],
      }))}
      texts={{
        search: t('admin.calendars.search'),
        create: t('admin.calendars.create'),
        emptyTitle: t('admin.calendars.emptyTitle'),
        emptyText: t('admin.calendars.emptyText'),
        noMatch: t('admin.common.noMatch', { query: search }),
      }}
    />
  );
}
