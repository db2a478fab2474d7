// One contract: customer, period, calendar and SLA policy, hours, currency, rate cards, rounding and the
// non-billable rules.
import Heading from '@atlaskit/heading';
import { Grid, Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { Contract, WithMeta } from '@contract/config';
import { ROUNDING_MINUTES, ROUNDING_MODES } from '@contract/constants';
import { useT } from '../../shared/texts';
import { EditorLayout } from '../components/EditorLayout';
import { Field } from '../components/Field';
import { FormStatus } from '../components/FormStatus';
import { MultiSelect, SingleSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { flagSuccess } from '../hooks/flag';
import { useConfirmedAction } from '../hooks/useConfirmedAction';
import { useFormErrors } from '../hooks/useFormErrors';
import { withContract, withoutContract } from '../state/config-updates';
import { contractField, contractPaths, contractToDraft, draftToContract, emptyContract, type ContractDraft } from '../state/contract-form';
import { todayIn } from '../state/format';
import { newRecordId } from '../state/ids';
import { currencies } from '../state/zones';
import { RateCardsEditor } from './RateCardsEditor';

interface ContractEditorProps {
  record: WithMeta<Contract> | null;
  /** The customer a new contract starts with (the list's filter). */
  customerKey?: string | null;
  onClose: () => void;
}

export function ContractEditor({ record, customerKey, onClose }: ContractEditorProps) {
  const t = useT();
  const { viewer, config, catalog, call, update, reload } = useAdmin();
  const [draft, setDraft] = useState<ContractDraft>(() => (record ? contractToDraft(record) : emptyContract(todayIn(viewer.timeZone), customerKey ?? '')));
  const [saving, setSaving] = useState(false);
  const confirmAction = useConfirmedAction();
  const errors = useFormErrors(contractPaths(draft));
  const set = (patch: Partial<ContractDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (...segments: (string | number)[]) => errors.at(contractField(...segments));

  const save = async () => {
    const id = record?.id ?? newRecordId(`${draft.customerKey} ${draft.name}`, config.contracts.map((c) => c.id));
    const { contract, errors: local } = draftToContract(draft, id, { amount: t('admin.contracts.badAmount'), number: t('admin.common.badNumber'), choose: t('admin.common.choose') });
    if (local.length > 0) {
      errors.setLocal(local, t('admin.errors.seeFields'));
      return;
    }
    setSaving(true);
    const result = await call('saveContract', { contract, expectedRevision: record?.meta.revision ?? null });
    setSaving(false);
    if (!result.ok) {
      errors.setError(result.error);
      return;
    }
    update((c) => withContract(c, result.data));
    flagSuccess(t('admin.contracts.saved', { name: result.data.name }));
    onClose();
  };

  const remove = async () => {
    if (!record) return;
    const done = await confirmAction({
      title: t('admin.contracts.deleteTitle', { name: record.name }),
      body: t('admin.contracts.deleteText'),
      confirmLabel: t('admin.actions.delete'),
      action: { name: 'deleteContract', request: { id: record.id, expectedRevision: record.meta.revision } },
    });
    if (!done) return;
    update((c) => withoutContract(c, record.id));
    flagSuccess(t('admin.contracts.deleted', { name: record.name }));
    onClose();
  };

  const text = (key: keyof ContractDraft & string, label: string, type: 'text' | 'date' | 'number' = 'text', help?: string) => {
    const id = `contract-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return (
      <Field id={id} label={label} error={err(key)} help={help}>
        <Textfield
          id={id}
          testId={id}
          type={type}
          value={draft[key] as string}
          isInvalid={Boolean(err(key))}
          onChange={(e) => set({ [key]: e.currentTarget.value } as Partial<ContractDraft>)}
        />
      </Field>
    );
  };

  return (
    <EditorLayout
      prefix="contract"
      title={record ? record.name : t('admin.contracts.new')}
      meta={record?.meta}
      saving={saving}
      onSave={() => void save()}
      onCancel={onClose}
      onDelete={record ? () => void remove() : undefined}
      status={<FormStatus prefix="contract-form" error={errors.error} placed={errors.placed} onReload={() => void reload()} isNew={record === null} />}
    >
      <Stack space="space.300">
        <Grid templateColumns="repeat(auto-fit, minmax(240px, 1fr))" gap="space.200">
          <Field id="contract-customer" label={t('admin.contracts.customer')} error={err('customerKey')}>
            <SingleSelect
              id="contract-customer"
              options={config.customers.map((c) => ({ value: c.key, label: c.name }))}
              value={draft.customerKey || null}
              isInvalid={Boolean(err('customerKey'))}
              onChange={(v) => set({ customerKey: v ?? '' })}
            />
          </Field>
          {text('name', t('admin.contracts.name'))}
          {text('validFrom', t('admin.contracts.validFrom'), 'date')}
          {text('validTo', t('admin.contracts.validTo'), 'date', t('admin.contracts.validToHelp'))}
          <Field id="contract-calendar" label={t('admin.contracts.calendar')} error={err('calendarId')}>
            <SingleSelect
              id="contract-calendar"
              options={config.calendars.map((c) => ({ value: c.id, label: c.name }))}
              value={draft.calendarId || null}
              isInvalid={Boolean(err('calendarId'))}
              onChange={(v) => set({ calendarId: v ?? '' })}
            />
          </Field>
          <Field id="contract-policy" label={t('admin.contracts.policy')} error={err('policyId')}>
            <SingleSelect
              id="contract-policy"
              options={config.policies.map((p) => ({ value: p.id, label: p.latest.name }))}
              value={draft.policyId || null}
              isInvalid={Boolean(err('policyId'))}
              onChange={(v) => set({ policyId: v ?? '' })}
            />
          </Field>
          {text('includedHoursPerMonth', t('admin.contracts.includedHours'), 'text')}
          <Field id="contract-currency" label={t('admin.contracts.currency')} error={err('currency')}>
            <SingleSelect
              id="contract-currency"
              options={currencies().map((c) => ({ value: c, label: c }))}
              value={draft.currency || null}
              isInvalid={Boolean(err('currency'))}
              onChange={(v) => set({ currency: v ?? '' })}
            />
          </Field>
        </Grid>
        <RateCardsEditor cards={draft.rateCards} currency={draft.currency} onChange={(rateCards) => set({ rateCards })} errorAt={errors.at} />
        <Stack space="space.150">
          <Heading size="small" as="h3">
            {t('admin.contracts.billingRules')}
          </Heading>
          <Grid templateColumns="repeat(auto-fit, minmax(240px, 1fr))" gap="space.200">
            <Field id="contract-rounding-mode" label={t('admin.contracts.roundingMode')} error={err('rounding', 'mode')}>
              <SingleSelect
                id="contract-rounding-mode"
                options={ROUNDING_MODES.map((m) => ({ value: m, label: t(`admin.contracts.rounding.${m}`) }))}
                value={draft.rounding.mode}
                onChange={(v) => v && set({ rounding: { ...draft.rounding, mode: v as Contract['rounding']['mode'] } })}
              />
            </Field>
            <Field id="contract-rounding-minutes" label={t('admin.contracts.roundingMinutes')} error={err('rounding', 'minutes')}>
              <SingleSelect
                id="contract-rounding-minutes"
                options={ROUNDING_MINUTES.map((m) => ({ value: String(m), label: t('admin.contracts.minutesValue', { minutes: m }) }))}
                value={String(draft.rounding.minutes)}
                isDisabled={draft.rounding.mode === 'none'}
                onChange={(v) => v && set({ rounding: { ...draft.rounding, minutes: Number(v) as Contract['rounding']['minutes'] } })}
              />
            </Field>
            <Field id="contract-nonbillable-labels" label={t('admin.contracts.nonBillableLabels')} error={err('nonBillable', 'labels')}>
              <MultiSelect
                id="contract-nonbillable-labels"
                options={[]}
                isCreatable
                placeholder={t('admin.matching.typeValues')}
                values={draft.nonBillable.labels}
                onChange={(labels) => set({ nonBillable: { ...draft.nonBillable, labels } })}
              />
            </Field>
            <Field id="contract-nonbillable-types" label={t('admin.contracts.nonBillableIssueTypes')} error={err('nonBillable', 'issueTypes')}>
              <MultiSelect
                id="contract-nonbillable-types"
                options={catalog.issueTypes.map((x) => ({ value: x, label: x }))}
                isCreatable
                values={draft.nonBillable.issueTypes}
                onChange={(issueTypes) => set({ nonBillable: { ...draft.nonBillable, issueTypes } })}
              />
            </Field>
          </Grid>
        </Stack>
      </Stack>
    </EditorLayout>
  );
}
