// "Import holidays from an iCalendar (.ics) file": read in the browser, added to the form (not yet saved).
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import { useT } from '../../shared/texts';
import { FileInput } from '../components/FileInput';
import { mergeHolidays, type HolidayRow } from '../state/calendar-form';
import { parseIcsHolidays } from '../state/ics';

type Outcome = { kind: 'done'; added: number; present: number; skipped: number } | { kind: 'failed'; detail: string } | null;

export function IcsImport({ rows, onChange }: { rows: HolidayRow[]; onChange: (rows: HolidayRow[]) => void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const { holidays, skipped } = await parseIcsHolidays(await file.text());
      const merged = mergeHolidays(rows, holidays);
      onChange(merged.rows);
      setOutcome({ kind: 'done', added: merged.added, present: merged.present, skipped });
    } catch (error) {
      setOutcome({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack space="space.100">
      <Box>
        <FileInput id="calendar-ics-input" accept=".ics,text/calendar" label={t('admin.holidays.import')} busy={busy} onFile={(f) => void read(f)} />
      </Box>
      {outcome?.kind === 'done' ? (
        <SectionMessage appearance={outcome.added > 0 ? 'success' : 'information'} testId="calendar-ics-result">
          <Stack space="space.050">
            <Text>
              {t('admin.holidays.imported', { added: outcome.added, present: outcome.present })}
              {outcome.skipped > 0 ? ` ${t('admin.holidays.skipped', { count: outcome.skipped })}` : ''}
            </Text>
            {outcome.added > 0 ? <Text>{t('admin.holidays.saveToKeep')}</Text> : null}
          </Stack>
        </SectionMessage>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <SectionMessage appearance="error" title={t('admin.holidays.importFailed')} testId="calendar-ics-error">
          <Text>{t('admin.holidays.importFailedText', { detail: outcome.detail })}</Text>
        </SectionMessage>
      ) : null}
    </Stack>
  );
}
