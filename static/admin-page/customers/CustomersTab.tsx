// Customers: the list (or one customer's editor) and, below the list, the ordered matching rules.
import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import { useT } from '../../shared/texts';
import { MissingRecord } from '../components/MissingRecord';
import { CellText, RecordTable, RowName } from '../components/RecordTable';
import { useAdmin } from '../hooks/admin-context';
import { matchesQuery } from '../state/search';
import { CustomerEditor } from './CustomerEditor';
import { MatchingRules } from './MatchingRules';

export function CustomersTab() {
  const t = useT();
  const { config, catalog } = useAdmin();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ key: string | null } | null>(null);

  if (editing) {
    const record = editing.key === null ? null : config.customers.find((c) => c.key === editing.key);
    if (record === undefined) return <MissingRecord onBack={() => setEditing(null)} />;
    return <CustomerEditor key={record ? `${record.key}@${record.meta.revision}` : 'new'} record={record} onClose={() => setEditing(null)} />;
  }

  const userName = new Map(catalog.users.map((u) => [u.accountId, u.displayName]));
  const contractCount = (key: string) => config.contracts.filter((c) => c.customerKey === key).length;
  const shown = [...config.customers]
    .sort((a, b) => a.name.localeCompare(b.name))
    .filter((c) => matchesQuery(search, [c.name, c.key]));
  const open = (key: string) => setEditing({ key });

  return (
    <Stack space="space.400">
      <RecordTable
        prefix="customers"
        rowPrefix="customer"
        total={config.customers.length}
        search={search}
        onSearch={setSearch}
        onOpen={open}
        onCreate={() => setEditing({ key: null })}
        head={[
          { label: t('admin.customers.name'), width: 30 },
          { label: t('admin.customers.tier'), width: 12 },
          { label: t('admin.customers.timeZone'), width: 18 },
          { label: t('admin.customers.serviceManager'), width: 20 },
          { label: t('admin.customers.contracts'), width: 10 },
        ]}
        rows={shown.map((c) => ({
          key: c.key,
          cells: [
            <Stack key="name" space="space.025">
              <RowName onOpen={() => open(c.key)} testId={`customer-open-${c.key}`}>
                {c.name}
              </RowName>
              <Text size="small" color="color.text.subtle">
                {c.key}
              </Text>
            </Stack>,
            <Lozenge key="tier">{t(`admin.tiers.${c.tier}`)}</Lozenge>,
            <CellText key="zone">{c.timeZone}</CellText>,
            <CellText key="sm">{c.serviceManagerAccountId ? (userName.get(c.serviceManagerAccountId) ?? c.serviceManagerAccountId) : t('admin.common.none')}</CellText>,
            <CellText key="contracts">{String(contractCount(c.key))}</CellText>,
          ],
        }))}
        texts={{
          search: t('admin.customers.search'),
          create: t('admin.customers.create'),
          emptyTitle: t('admin.customers.emptyTitle'),
          emptyText: t('admin.customers.emptyText'),
          noMatch: t('admin.common.noMatch', { query: search }),
        }}
      />
      <MatchingRules />
    </Stack>
  );
}
