// Working hours per weekday: a list of "HH:MM–HH:MM" intervals each (split shifts), 24:00 allowed as an end.
import { IconButton } from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import AddIcon from '@atlaskit/icon/core/add';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useT } from '../../shared/texts';
import { InlineError } from '../components/Field';
import { useAdmin } from '../hooks/admin-context';
import { intervalPath, WEEKDAYS, type IntervalRow, type Weekday } from '../state/calendar-form';
import { path } from '../state/field-errors';

interface WeeklyEditorProps {
  weekly: Record<Weekday, IntervalRow[]>;
  onChange: (weekly: Record<Weekday, IntervalRow[]>) => void;
  errorAt: (path: string) => string | undefined;
}

/** 2024-01-01 was a Monday: the weekday names in the viewer's language. */
function weekdayName(index: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

const dayRow = xcss({ borderBlockEndColor: 'color.border', borderBlockEndWidth: 'border.width', borderBlockEndStyle: 'solid', paddingBlock: 'space.075' });

export function WeeklyEditor({ weekly, onChange, errorAt }: WeeklyEditorProps) {
  const t = useT();
  const { viewer } = useAdmin();
  const setDay = (day: Weekday, list: IntervalRow[]) => onChange({ ...weekly, [day]: list });

  return (
    <Stack space="space.100" testId="calendar-weekly">
      <Heading size="small" as="h3">
        {t('admin.calendars.weekly')}
      </Heading>
      <Text color="color.text.subtle">{t('admin.calendars.weeklyHelp')}</Text>
      <InlineError id="calendar-weekly" error={errorAt('calendar.weekly')} />
      {WEEKDAYS.map((day, d) => {
        const list = weekly[day];
        const last = list[list.length - 1];
        const next: IntervalRow = last ? { start: last.end === '24:00' ? '' : last.end, end: '' } : { start: '08:00', end: '17:00' };
        return (
          <Box key={day} xcss={dayRow} testId={`calendar-weekly-${day}`}>
            <Grid templateColumns="140px minmax(0, 1fr)" gap="space.150" alignItems="center">
              <Text weight="medium">{weekdayName(d, viewer.locale)}</Text>
              <Stack space="space.050">
                <Inline space="space.200" alignBlock="center" shouldWrap>
                  {list.length === 0 ? (
                    <Text color="color.text.subtle" testId={`calendar-weekly-${day}-closed`}>
                      {t('admin.calendars.closed')}
                    </Text>
                  ) : null}
                  {list.map((interval, i) => {
                    const p = intervalPath(day, i);
                    const id = (suffix: string) => `calendar-weekly-${day}-${i}-${suffix}`;
                    const setInterval = (patch: Partial<IntervalRow>) => setDay(day, list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                    return (
                      <Inline key={i} space="space.050" alignBlock="center" testId={id('row')}>
                        <Textfield
                          width={80}
                          aria-label={t('admin.calendars.from')}
                          placeholder="08:00"
                          testId={id('start')}
                          value={interval.start}
                          isInvalid={Boolean(errorAt(p.start) || errorAt(p.row))}
                          onChange={(e) => setInterval({ start: e.currentTarget.value })}
                        />
                        <Text>–</Text>
                        <Textfield
                          width={80}
                          aria-label={t('admin.calendars.to')}
                          placeholder="17:00"
                          testId={id('end')}
                          value={interval.end}
                          isInvalid={Boolean(errorAt(p.end) || errorAt(p.row))}
                          onChange={(e) => setInterval({ end: e.currentTarget.value })}
                        />
                        <IconButton icon={DeleteIcon} appearance="subtle" spacing="compact" label={t('admin.calendars.removeInterval')} onClick={() => setDay(day, list.filter((_, j) => j !== i))} testId={id('remove')} />
                      </Inline>
                    );
                  })}
                  <IconButton icon={AddIcon} appearance="subtle" spacing="compact" label={t('admin.calendars.addInterval')} isDisabled={list.length >= 48} onClick={() => setDay(day, [...list, next])} testId={`calendar-weekly-${day}-add`} />
                </Inline>
                <InlineError id={`calendar-weekly-${day}`} error={errorAt(path('calendar', 'weekly', day))} />
                {list.map((_, i) => {
                  const p = intervalPath(day, i);
                  const id = `calendar-weekly-${day}-${i}`;
                  return (
                    <Stack key={i} space="space.0">
                      <InlineError id={`${id}-start`} error={errorAt(p.start)} />
                      <InlineError id={`${id}-end`} error={errorAt(p.end)} />
                      <InlineError id={`${id}-row`} error={errorAt(p.row)} />
                    </Stack>
                  );
                })}
              </Stack>
            </Grid>
          </Box>
        );
      })}
    </Stack>
  );
}
