// One SLA policy: name, description and metrics. Saving stores a new version; older versions stay readable,
// and the simulator runs the unsaved draft on a real issue next to the saved version.
import Button from '@atlaskit/button/new';
import AddIcon from '@atlaskit/icon/core/add';
import { Grid, Inline, Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import { useState } from 'react';
import type { PolicyDraft, PolicySummary } from '@contract/config';
import { LIMITS } from '@contract/constants';
import { useT } from '../../shared/texts';
import { EditorLayout } from '../components/EditorLayout';
import { Field, InlineError } from '../components/Field';
import { FormStatus } from '../components/FormStatus';
import { useAdmin } from '../hooks/admin-context';
import { flagSuccess } from '../hooks/flag';
import { useConfirmedAction } from '../hooks/useConfirmedAction';
import { useFormErrors } from '../hooks/useFormErrors';
import { withoutPolicy, withPolicy } from '../state/config-updates';
import type { FieldMessage } from '../state/field-errors';
import { newRecordId } from '../state/ids';
import { emptyMetric, emptyPolicy, formToPolicy, policyPaths, policyToForm, type MetricDraft, type PolicyForm } from '../state/policy-form';
import { MetricEditor } from './MetricEditor';
import { PolicySimulator } from './PolicySimulator';
import { PolicyVersions } from './PolicyVersions';

interface PolicyEditorProps {
  summary: PolicySummary | null;
  onSaved: (id: string) => void;
  onClose: () => void;
}

export function PolicyEditor({ summary, onSaved, onClose }: PolicyEditorProps) {
  const t = useT();
  const { config, call, update, reload } = useAdmin();
  const [form, setForm] = useState<PolicyForm>(() => (summary ? policyToForm(summary.latest) : emptyPolicy()));
  // A new policy's id is fixed on first use, so the simulator and the save name the same policy.
  const [id] = useState(() => summary?.id ?? newRecordId('', config.policies.map((p) => p.id)));
  const [saving, setSaving] = useState(false);
  const confirmAction = useConfirmedAction();
  const errors = useFormErrors(policyPaths(form));
  const set = (patch: Partial<PolicyForm>) => setForm((f) => ({ ...f, ...patch }));
  const setMetric = (i: number, metric: MetricDraft) => set({ metrics: form.metrics.map((m, j) => (j === i ? metric : m)) });

  /** The draft as the server reads it, or null after showing the inputs that are not numbers. */
  const draft = (policyId: string): PolicyDraft | null => {
    const { policy, errors: local } = formToPolicy(form, policyId, { duration: t('admin.targets.badDuration'), number: t('admin.common.badNumber') });
    if (local.length > 0) {
      errors.setLocal(local, t('admin.errors.seeFields'));
      return null;
    }
    return policy;
  };

  const save = async () => {
    const policyId = summary ? id : newRecordId(form.name, config.policies.map((p) => p.id));
    const policy = draft(policyId);
    if (!policy) return;
    setSaving(true);
    const result = await call('saveSlaPolicy', { policy, expectedRevision: summary?.meta.revision ?? null });
    setSaving(false);
    if (!result.ok) {
      errors.setError(result.error);
      return;
    }
    update((c) => withPolicy(c, result.data));
    flagSuccess(t('admin.policies.savedVersion', { version: result.data.latest.version }), result.data.latest.name);
    onSaved(result.data.id);
  };

  const remove = async () => {
    if (!summary) return;
    const done = await confirmAction({
      title: t('admin.policies.deleteTitle', { name: summary.latest.name }),
      body: t('admin.policies.deleteText'),
      confirmLabel: t('admin.actions.delete'),
      action: { name: 'deleteSlaPolicy', request: { id: summary.id, expectedRevision: summary.meta.revision } },
    });
    if (!done) return;
    update((c) => withoutPolicy(c, summary.id));
    flagSuccess(t('admin.policies.deleted', { name: summary.latest.name }));
    onClose();
  };

  const title = summary ? `${summary.latest.name} · ${t('admin.policies.versionValue', { version: summary.latest.version })}` : t('admin.policies.new');

  return (
    <EditorLayout
      prefix="policy"
      title={title}
      meta={summary?.meta}
      saving={saving}
      saveLabel={summary ? t('admin.policies.saveNewVersion', { version: summary.latest.version + 1 }) : t('admin.policies.saveFirst')}
      onSave={() => void save()}
      onCancel={onClose}
      onDelete={summary ? () => void remove() : undefined}
      status={<FormStatus prefix="policy-form" error={errors.error} placed={errors.placed} onReload={() => void reload()} isNew={summary === null} />}
      after={
        <Stack space="space.400">
          <PolicySimulator
            draft={() => draft(id)}
            onPolicyErrors={(fields: FieldMessage[], message: string) => errors.setError({ code: 'INVALID_INPUT', message, fields })}
          />
          {summary ? <PolicyVersions summary={summary} onRestore={(version) => setForm(policyToForm(version))} /> : null}
        </Stack>
      }
    >
      <Stack space="space.300">
        <Grid templateColumns="repeat(auto-fit, minmax(260px, 1fr))" gap="space.200">
          <Field id="policy-name" label={t('admin.policies.name')} error={errors.at('policy.name')}>
            <Textfield id="policy-name" testId="policy-name" value={form.name} isInvalid={Boolean(errors.at('policy.name'))} onChange={(e) => set({ name: e.currentTarget.value })} />
          </Field>
        </Grid>
        <Field id="policy-description" label={t('admin.policies.description')} error={errors.at('policy.description')}>
          <TextArea id="policy-description" testId="policy-description" minimumRows={2} value={form.description} onChange={(e) => set({ description: e.currentTarget.value })} />
        </Field>
        <InlineError id="policy-metrics" error={errors.at('policy.metrics')} />
        {form.metrics.map((metric, i) => (
          <MetricEditor
            key={i}
            index={i}
            metric={metric}
            errorAt={errors.at}
            onChange={(m) => setMetric(i, m)}
            onRemove={form.metrics.length > 1 ? () => set({ metrics: form.metrics.filter((_, j) => j !== i) }) : undefined}
          />
        ))}
        <Inline>
          <Button iconBefore={AddIcon} isDisabled={form.metrics.length >= LIMITS.metrics} onClick={() => set({ metrics: [...form.metrics, emptyMetric()] })} testId="policy-metric-add">
            {t('admin.metrics.add')}
          </Button>
        </Inline>
      </Stack>
    </EditorLayout>
  );
}
