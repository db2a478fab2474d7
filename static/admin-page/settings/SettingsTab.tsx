// Settings: the board's score weights and which Jira groups count as agents and may see billing.
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import { useT } from '../../shared/texts';
import { Field } from '../components/Field';
import { FormStatus } from '../components/FormStatus';
import { MultiSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { flagSuccess } from '../hooks/flag';
import { useFormErrors } from '../hooks/useFormErrors';
import { withSettings } from '../state/config-updates';
import { formatInstant } from '../state/format';
import { draftToSettings, SETTINGS_PATHS, settingsToDraft, weightPath, WEIGHTS, type SettingsDraft } from '../state/settings-form';

const narrow = xcss({ maxWidth: '720px' });

export function SettingsTab() {
  const { config } = useAdmin();
  // A reload after a conflict brings a new revision: start again from it.
  return (
    <Stack space="space.400">
      <BackfillProgress />
      <SettingsForm key={config.settings.meta.revision} />
    </Stack>
  );
}

/** How far the recompute of every affected issue has come since the last change. */
function BackfillProgress() {
  const t = useT();
  const { config, viewer } = useAdmin();
  const run = config.backfill;
  if (!run) return null;
  const when = formatInstant(run.finishedAt ?? run.startedAt, viewer);
  const text = !run.finishedAt
    ? t('admin.backfill.running', { done: run.done, total: run.total, when })
    : run.failed > 0
      ? t('admin.backfill.doneWithFailures', { total: run.total, failed: run.failed, when })
      : t('admin.backfill.done', { total: run.total, when });
  return (
    <Box xcss={narrow} testId="backfill-status">
      <SectionMessage appearance={run.finishedAt ? (run.failed > 0 ? 'warning' : 'success') : 'information'} title={t('admin.backfill.title')}>
        <Text>{text}</Text>
      </SectionMessage>
    </Box>
  );
}

function SettingsForm() {
  const t = useT();
  const { config, catalog, call, update, reload, viewer } = useAdmin();
  const saved = config.settings;
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsToDraft(saved));
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(SETTINGS_PATHS);
  const groups = catalog.groups.map((g) => ({ value: g, label: g }));

  const save = async () => {
    const { settings, invalid } = draftToSettings(draft);
    if (invalid.length > 0) {
      errors.setLocal(
        invalid.map((k) => ({ field: weightPath(k), message: t('admin.common.badNumber') })),
        t('admin.errors.seeFields'),
      );
      return;
    }
    setSaving(true);
    const result = await call('saveSettings', { settings, expectedRevision: saved.meta.revision > 0 ? saved.meta.revision : null });
    setSaving(false);
    if (!result.ok) {
      errors.setError(result.error);
      return;
    }
    update((c) => withSettings(c, result.data));
    flagSuccess(t('admin.settings.saved'));
  };

  return (
    <Box xcss={narrow}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack space="space.300" testId="settings-form">
          <FormStatus prefix="settings-form" error={errors.error} placed={errors.placed} onReload={() => void reload()} />
          <Stack space="space.100">
            <Heading size="small" as="h3">
              {t('admin.settings.weights')}
            </Heading>
            <Text color="color.text.subtle">{t('admin.settings.weightsHelp')}</Text>
            <Grid templateColumns="repeat(auto-fit, minmax(140px, 1fr))" gap="space.200">
              {WEIGHTS.map((key) => (
                <Field key={key} id={`settings-weight-${key}`} label={t(`admin.settings.weight.${key}`)} error={errors.at(weightPath(key))}>
                  <Textfield
                    id={`settings-weight-${key}`}
                    testId={`settings-weight-${key}`}
                    type="number"
                    min={0}
                    max={100}
                    value={draft.weights[key]}
                    isInvalid={Boolean(errors.at(weightPath(key)))}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setDraft((d) => ({ ...d, weights: { ...d.weights, [key]: value } }));
                    }}
                  />
                </Field>
              ))}
            </Grid>
          </Stack>
          <Stack space="space.100">
            <Heading size="small" as="h3">
              {t('admin.settings.groups')}
            </Heading>
            <Field id="settings-agent-groups" label={t('admin.settings.agentGroups')} help={t('admin.settings.agentGroupsHelp')} error={errors.at('settings.agentGroups')}>
              <MultiSelect id="settings-agent-groups" options={groups} isCreatable={groups.length === 0} values={draft.agentGroups} onChange={(agentGroups) => setDraft((d) => ({ ...d, agentGroups }))} />
            </Field>
            <Field id="settings-billing-groups" label={t('admin.settings.billingGroups')} help={t('admin.settings.billingGroupsHelp')} error={errors.at('settings.billingGroups')}>
              <MultiSelect id="settings-billing-groups" options={groups} isCreatable={groups.length === 0} values={draft.billingGroups} onChange={(billingGroups) => setDraft((d) => ({ ...d, billingGroups }))} />
            </Field>
          </Stack>
          <Inline space="space.150" alignBlock="center" shouldWrap>
            <Button type="submit" appearance="primary" isLoading={saving} testId="settings-save">
              {t('admin.actions.save')}
            </Button>
            {saved.meta.revision > 0 ? (
              <Text size="small" color="color.text.subtle" testId="settings-meta">
                {t('admin.meta.lastChanged', { name: saved.meta.updatedBy.displayName, time: formatInstant(saved.meta.updatedAt, viewer), revision: saved.meta.revision })}
              </Text>
            ) : null}
          </Inline>
        </Stack>
      </form>
    </Box>
  );
}
