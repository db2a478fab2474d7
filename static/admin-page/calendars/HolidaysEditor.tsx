// Holidays: a date (YYYY-MM-DD) or a yearly date (MM-DD), a name, and optional hours for a half day; more can
// be imported from an iCalendar (.ics) file.
import Button, { IconButton } from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import AddIcon from '@atlaskit/icon/core/add';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Grid, Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { LIMITS } from '@contract/constants';
import { useT } from '../../shared/texts';
import { InlineError } from '../components/Field';
import { holidayPaths, type HolidayRow } from '../state/calendar-form';
import { IcsImport } from './IcsImport';

interface HolidaysEditorProps {
  rows: HolidayRow[];
  onChange: (rows: HolidayRow[]) => void;
  errorAt: (path: string) => string | undefined;
}

export function HolidaysEditor({ rows, onChange, errorAt }: HolidaysEditorProps) {
  const t = useT();
  const paths = holidayPaths(rows);
  const setRow = (i: number, patch: Partial<HolidayRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Stack space="space.150" testId="calendar-holidays">
      <Heading size="small" as="h3">
        {t('admin.holidays.title')}
      </Heading>
      <Text color="color.text.subtle">{t('admin.holidays.help')}</Text>
      <InlineError id="calendar-holidays" error={errorAt('calendar.holidays') ?? errorAt('calendar.yearlyHolidays')} />
      <IcsImport rows={rows} onChange={onChange} />
      {rows.length === 0 ? (
        <Text color="color.text.subtle" testId="calendar-holidays-empty">
          {t('admin.holidays.empty')}
        </Text>
      ) : (
        <Grid templateColumns="140px minmax(0, 2fr) minmax(0, 2fr) 32px" gap="space.100" alignItems="start">
          <Text weight="medium">{t('admin.holidays.date')}</Text>
          <Text weight="medium">{t('admin.holidays.name')}</Text>
          <Text weight="medium">{t('admin.holidays.hours')}</Text>
          <span />
          {rows.map((row, i) => {
            const p = paths[i];
            const id = (suffix: string) => `calendar-holiday-${i}-${suffix}`;
            const rowError = p ? errorAt(p.row) : undefined;
            return [
              <Stack key={`${i}-date`} space="space.025">
                <Textfield testId={id('date')} aria-label={t('admin.holidays.date')} placeholder="2026-12-25" value={row.date} isInvalid={Boolean(p && errorAt(p.date))} onChange={(e) => setRow(i, { date: e.currentTarget.value })} />
                <InlineError id={id('date')} error={p ? errorAt(p.date) : undefined} />
                <InlineError id={id('row')} error={rowError} />
              </Stack>,
              <Stack key={`${i}-name`} space="space.025">
                <Textfield testId={id('name')} aria-label={t('admin.holidays.name')} value={row.name} isInvalid={Boolean(p && errorAt(p.name))} onChange={(e) => setRow(i, { name: e.currentTarget.value })} />
                <InlineError id={id('name')} error={p ? errorAt(p.name) : undefined} />
              </Stack>,
              <Stack key={`${i}-hours`} space="space.025">
                <Textfield
                  testId={id('hours')}
                  aria-label={t('admin.holidays.hours')}
                  placeholder={t('admin.holidays.hoursPlaceholder')}
                  value={row.hours}
                  isInvalid={Boolean(p && errorAt(p.hours))}
                  onChange={(e) => setRow(i, { hours: e.currentTarget.value })}
                />
                <InlineError id={id('hours')} error={p ? errorAt(p.hours) : undefined} />
              </Stack>,
              <IconButton key={`${i}-remove`} icon={DeleteIcon} appearance="subtle" label={t('admin.holidays.remove')} onClick={() => onChange(rows.filter((_, j) => j !== i))} testId={id('remove')} />,
            ];
          })}
        </Grid>
      )}
      <Inline>
        <Button iconBefore={AddIcon} isDisabled={rows.length >= LIMITS.holidays} onClick={() => onChange([...rows, { date: '', name: '', hours: '' }])} testId="calendar-holiday-add">
          {t('admin.holidays.add')}
        </Button>
      </Inline>
    </Stack>
  );
}
