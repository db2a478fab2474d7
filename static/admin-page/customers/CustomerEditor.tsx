// One customer: key (fixed once created), name, tier, time zone, service manager and contacts.
import { Grid, Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { Customer, WithMeta } from '@contract/config';
import { TIERS } from '@contract/constants';
import { useT } from '../../shared/texts';
import { EditorLayout } from '../components/EditorLayout';
import { Field } from '../components/Field';
import { FormStatus } from '../components/FormStatus';
import { SingleSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { flagSuccess } from '../hooks/flag';
import { useConfirmedAction } from '../hooks/useConfirmedAction';
import { useFormErrors } from '../hooks/useFormErrors';
import { withCustomer, withoutCustomer } from '../state/config-updates';
import { customerPaths, customerToDraft, draftToCustomer, emptyCustomer } from '../state/customer-form';
import { timeZones } from '../state/zones';
import { ContactsEditor } from './ContactsEditor';

export function CustomerEditor({ record, onClose }: { record: WithMeta<Customer> | null; onClose: () => void }) {
  const t = useT();
  const { viewer, catalog, call, update, reload } = useAdmin();
  const [draft, setDraft] = useState<Customer>(() => (record ? customerToDraft(record) : emptyCustomer(viewer.timeZone)));
  const [saving, setSaving] = useState(false);
  const confirmAction = useConfirmedAction();
  const errors = useFormErrors(customerPaths(draft));
  const set = (patch: Partial<Customer>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    setSaving(true);
    const result = await call('saveCustomer', { customer: draftToCustomer(draft), expectedRevision: record?.meta.revision ?? null });
    setSaving(false);
    if (!result.ok) {
      errors.setError(result.error);
      return;
    }
    update((c) => withCustomer(c, result.data));
    flagSuccess(t('admin.customers.saved', { name: result.data.name }));
    onClose();
  };

  const remove = async () => {
    if (!record) return;
    const done = await confirmAction({
      title: t('admin.customers.deleteTitle', { name: record.name }),
      body: t('admin.customers.deleteText'),
      confirmLabel: t('admin.actions.delete'),
      action: { name: 'deleteCustomer', request: { key: record.key, expectedRevision: record.meta.revision } },
    });
    if (!done) return;
    update((c) => withoutCustomer(c, record.key));
    flagSuccess(t('admin.customers.deleted', { name: record.name }));
    onClose();
  };

  return (
    <EditorLayout
      prefix="customer"
      title={record ? record.name : t('admin.customers.new')}
      meta={record?.meta}
      saving={saving}
      onSave={() => void save()}
      onCancel={onClose}
      onDelete={record ? () => void remove() : undefined}
      status={<FormStatus prefix="customer-form" error={errors.error} placed={errors.placed} onReload={() => void reload()} isNew={record === null} />}
    >
      <Stack space="space.200">
        <Grid templateColumns="repeat(auto-fit, minmax(240px, 1fr))" gap="space.200">
          <Field id="customer-key" label={t('admin.customers.key')} error={errors.at('customer.key')} help={t('admin.customers.keyHelp')}>
            <Textfield
              id="customer-key"
              testId="customer-key"
              value={draft.key}
              isDisabled={record !== null}
              isInvalid={Boolean(errors.at('customer.key'))}
              onChange={(e) => set({ key: e.currentTarget.value })}
            />
          </Field>
          <Field id="customer-name" label={t('admin.customers.name')} error={errors.at('customer.name')}>
            <Textfield
              id="customer-name"
              testId="customer-name"
              value={draft.name}
              isInvalid={Boolean(errors.at('customer.name'))}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
          </Field>
          <Field id="customer-tier" label={t('admin.customers.tier')} error={errors.at('customer.tier')}>
            <SingleSelect
              id="customer-tier"
              options={TIERS.map((tier) => ({ value: tier, label: t(`admin.tiers.${tier}`) }))}
              value={draft.tier}
              isInvalid={Boolean(errors.at('customer.tier'))}
              onChange={(v) => v && set({ tier: v as Customer['tier'] })}
            />
          </Field>
          <Field id="customer-timezone" label={t('admin.customers.timeZone')} error={errors.at('customer.timeZone')}>
            <SingleSelect
              id="customer-timezone"
              options={timeZones().map((z) => ({ value: z, label: z }))}
              value={draft.timeZone}
              isInvalid={Boolean(errors.at('customer.timeZone'))}
              onChange={(v) => v && set({ timeZone: v })}
            />
          </Field>
          <Field id="customer-service-manager" label={t('admin.customers.serviceManager')} error={errors.at('customer.serviceManagerAccountId')}>
            <SingleSelect
              id="customer-service-manager"
              options={catalog.users.map((u) => ({ value: u.accountId, label: u.displayName }))}
              value={draft.serviceManagerAccountId}
              isClearable
              placeholder={t('admin.customers.noServiceManager')}
              isInvalid={Boolean(errors.at('customer.serviceManagerAccountId'))}
              onChange={(v) => set({ serviceManagerAccountId: v })}
            />
          </Field>
        </Grid>
        <ContactsEditor contacts={draft.contacts} onChange={(contacts) => set({ contacts })} errorAt={errors.at} />
      </Stack>
    </EditorLayout>
  );
}
