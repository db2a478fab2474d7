// One calendar: name, time zone, weekly working hours and holidays (typed or imported from an .ics file).
import { Grid, Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { CalendarRecord, WithMeta } from '@contract/config';
import { useT } from '../../shared/texts';
import { EditorLayout } from '../components/EditorLayout';
import { Field } from '../components/Field';
import { FormStatus } from '../components/FormStatus';
import { SingleSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { flagSuccess } from '../hooks/flag';
import { useConfirmedAction } from '../hooks/useConfirmedAction';
import { useFormErrors } from '../hooks/useFormErrors';
import { calendarPaths, calendarToDraft, draftToCalendar, emptyCalendar, type CalendarDraft } from '../state/calendar-form';
import { withCalendar, withoutCalendar } from '../state/config-updates';
import { newRecordId } from '../state/ids';
import { timeZones } from '../state/zones';
import { HolidaysEditor } from './HolidaysEditor';
import { WeeklyEditor } from './WeeklyEditor';

export function CalendarEditor({ record, onClose }: { record: WithMeta<CalendarRecord> | null; onClose: () => void }) {
  const t = useT();
  const { viewer, config, call, update, reload } = useAdmin();
  const [draft, setDraft] = useState<CalendarDraft>(() => (record ? calendarToDraft(record) : emptyCalendar(viewer.timeZone)));
  const [saving, setSaving] = useState(false);
  const confirmAction = useConfirmedAction();
  const errors = useFormErrors(calendarPaths(draft));
  const set = (patch: Partial<CalendarDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    const id = record?.id ?? newRecordId(draft.name, config.calendars.map((c) => c.id));
    setSaving(true);
    const result = await call('saveCalendar', { calendar: draftToCalendar(draft, id), expectedRevision: record?.meta.revision ?? null });
    setSaving(false);
    if (!result.ok) {
      errors.setError(result.error);
      return;
    }
    update((c) => withCalendar(c, result.data));
    flagSuccess(t('admin.calendars.saved', { name: result.data.name }));
    onClose();
  };

  const remove = async () => {
    if (!record) return;
    const done = await confirmAction({
      title: t('admin.calendars.deleteTitle', { name: record.name }),
      body: t('admin.calendars.deleteText'),
      confirmLabel: t('admin.actions.delete'),
      action: { name: 'deleteCalendar', request: { id: record.id, expectedRevision: record.meta.revision } },
    });
    if (!done) return;
    update((c) => withoutCalendar(c, record.id));
    flagSuccess(t('admin.calendars.deleted', { name: record.name }));
    onClose();
  };

  return (
    <EditorLayout
      prefix="calendar"
      title={record ? record.name : t('admin.calendars.new')}
      meta={record?.meta}
      saving={saving}
      onSave={() => void save()}
      onCancel={onClose}
      onDelete={record ? () => void remove() : undefined}
      status={<FormStatus prefix="calendar-form" error={errors.error} placed={errors.placed} onReload={() => void reload()} isNew={record === null} />}
    >
      <Stack space="space.300">
        <Grid templateColumns="repeat(auto-fit, minmax(240px, 1fr))" gap="space.200">
          <Field id="calendar-name" label={t('admin.calendars.name')} error={errors.at('calendar.name')}>
            <Textfield id="calendar-name" testId="calendar-name" value={draft.name} isInvalid={Boolean(errors.at('calendar.name'))} onChange={(e) => set({ name: e.currentTarget.value })} />
          </Field>
          <Field id="calendar-timezone" label={t('admin.calendars.timeZone')} error={errors.at('calendar.timeZone')}>
            <SingleSelect
              id="calendar-timezone"
              options={timeZones().map((z) => ({ value: z, label: z }))}
              value={draft.timeZone}
              isInvalid={Boolean(errors.at('calendar.timeZone'))}
              onChange={(v) => v && set({ timeZone: v })}
            />
          </Field>
        </Grid>
        <WeeklyEditor weekly={draft.weekly} onChange={(weekly) => set({ weekly })} errorAt={errors.at} />
        <HolidaysEditor rows={draft.holidays} onChange={(holidays) => set({ holidays })} errorAt={errors.at} />
      </Stack>
    </EditorLayout>
  );
}
