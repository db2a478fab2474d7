// "What would this draft say about SUP-12?": runs the unsaved draft and the saved version on one issue and shows
// their clocks side by side, differences highlighted.
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { PolicySimulation } from '@contract/admin';
import type { PolicyDraft } from '@contract/config';
import type { ResolverError } from '@contract/result';
import { useT } from '../../shared/texts';
import { Field } from '../components/Field';
import { ErrorMessageBox } from '../components/FormStatus';
import { SingleSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { fieldMessages, type FieldMessage } from '../state/field-errors';
import { SimulationTable } from './SimulationTable';

interface PolicySimulatorProps {
  /** The editor's current draft, or null when it has inputs that are not numbers (the editor shows them). */
  draft: () => PolicyDraft | null;
  /** Messages about the draft itself go to the editor's fields. */
  onPolicyErrors: (fields: FieldMessage[], message: string) => void;
}

const panel = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.large',
  padding: 'space.200',
});

export function PolicySimulator({ draft, onPolicyErrors }: PolicySimulatorProps) {
  const t = useT();
  const { config, call } = useAdmin();
  const [issueKey, setIssueKey] = useState('');
  const [calendarId, setCalendarId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PolicySimulation | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const [keyError, setKeyError] = useState<string | undefined>();

  const simulate = async () => {
    const policy = draft();
    if (!policy) return;
    setBusy(true);
    setError(null);
    setKeyError(undefined);
    const answer = await call('simulateSlaPolicy', { issueKey: issueKey.trim().toUpperCase(), policy, ...(calendarId ? { calendarId } : {}) });
    setBusy(false);
    if (answer.ok) {
      setResult(answer.data);
      return;
    }
    setResult(null);
    const fields = fieldMessages(answer.error);
    const own = fields.filter((f) => !f.field.startsWith('policy'));
    const ofPolicy = fields.filter((f) => f.field.startsWith('policy'));
    if (ofPolicy.length > 0) onPolicyErrors(ofPolicy, answer.error.message);
    const onKey = own.find((f) => f.field === 'issueKey');
    if (onKey) setKeyError(onKey.message);
    if (fields.length === 0 || own.some((f) => f.field !== 'issueKey')) setError(answer.error);
    else if (ofPolicy.length > 0 && !onKey) setError({ code: 'INVALID_INPUT', message: t('admin.simulator.fixDraft') });
  };

  return (
    <Box xcss={panel} testId="policy-simulator">
      <Stack space="space.200">
        <Stack space="space.050">
          <Heading size="small" as="h3">
            {t('admin.simulator.title')}
          </Heading>
          <Text color="color.text.subtle">{t('admin.simulator.intro')}</Text>
        </Stack>
        <Grid templateColumns="minmax(160px, 220px) minmax(200px, 320px) auto" gap="space.150" alignItems="end">
          <Field id="policy-simulator-issue" label={t('admin.simulator.issueKey')} error={keyError}>
            <Textfield
              id="policy-simulator-issue"
              testId="policy-simulator-issue"
              placeholder="SUP-12"
              value={issueKey}
              isInvalid={Boolean(keyError)}
              onChange={(e) => setIssueKey(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void simulate();
                }
              }}
            />
          </Field>
          <Field id="policy-simulator-calendar" label={t('admin.simulator.calendar')}>
            <SingleSelect
              id="policy-simulator-calendar"
              options={config.calendars.map((c) => ({ value: c.id, label: c.name }))}
              value={calendarId}
              isClearable
              placeholder={t('admin.simulator.contractCalendar')}
              onChange={setCalendarId}
            />
          </Field>
          <Inline>
            <Button appearance="primary" onClick={() => void simulate()} isLoading={busy} isDisabled={issueKey.trim() === ''} testId="policy-simulate">
              {t('admin.simulator.run')}
            </Button>
          </Inline>
        </Grid>
        {error ? <ErrorMessageBox error={error} testId="policy-simulator-error" /> : null}
        {result ? <SimulationTable simulation={result} /> : null}
      </Stack>
    </Box>
  );
}
