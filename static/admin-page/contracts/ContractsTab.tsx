// Contracts: the list (customer, period, hours, rate in force today) or one contract's editor.
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { useState } from 'react';
import { useT } from '../../shared/texts';
import { MissingRecord } from '../components/MissingRecord';
import { CellText, RecordTable, RowName } from '../components/RecordTable';
import { SingleSelect } from '../components/Selects';
import { useAdmin } from '../hooks/admin-context';
import { rateCardOn } from '../state/contract-form';
import { formatDate, formatNumber, todayIn } from '../state/format';
import { formatMoney } from '../state/money';
import { matchesQuery } from '../state/search';
import { ContractEditor } from './ContractEditor';

const filterBox = xcss({ width: '260px', maxWidth: '100%' });

export function ContractsTab() {
  const t = useT();
  const { config, viewer } = useAdmin();
  const [search, setSearch] = useState('');
  const [customer, setCustomer] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);

  if (editing) {
    const record = editing.id === null ? null : config.contracts.find((c) => c.id === editing.id);
    if (record === undefined) return <MissingRecord onBack={() => setEditing(null)} />;
    return (
      <ContractEditor
        key={record ? `${record.id}@${record.meta.revision}` : 'new'}
        record={record}
        customerKey={customer}
        onClose={() => setEditing(null)}
      />
    );
  }

  const customerName = new Map(config.customers.map((c) => [c.key, c.name]));
  const today = todayIn(viewer.timeZone);
  const rows = config.contracts
    .map((c) => ({ contract: c, customer: customerName.get(c.customerKey) ?? c.customerKey }))
    .sort((a, b) => a.customer.localeCompare(b.customer) || b.contract.validFrom.localeCompare(a.contract.validFrom))
    .filter(({ contract }) => customer === null || contract.customerKey === customer)
    .filter(({ contract, customer: name }) => matchesQuery(search, [contract.name, contract.id, name, contract.customerKey]));
  const open = (id: string) => setEditing({ id });
  const period = (from: string, to: string | null) =>
    t('admin.contracts.periodValue', { from: formatDate(from, viewer.locale), to: to ? formatDate(to, viewer.locale) : t('admin.contracts.openEnded') });

  return (
    <RecordTable
      prefix="contracts"
      rowPrefix="contract"
      total={config.contracts.length}
      search={search}
      onSearch={setSearch}
      onOpen={open}
      onCreate={() => setEditing({ id: null })}
      filters={
        <Box xcss={filterBox}>
          <SingleSelect
            id="contracts-customer-filter"
            aria-label={t('admin.contracts.customer')}
            placeholder={t('admin.contracts.allCustomers')}
            options={[...config.customers].sort((a, b) => a.name.localeCompare(b.name)).map((c) => ({ value: c.key, label: c.name }))}
            value={customer}
            isClearable
            onChange={setCustomer}
          />
        </Box>
      }
      head={[
        { label: t('admin.contracts.contract'), width: 28 },
        { label: t('admin.contracts.customer'), width: 22 },
        { label: t('admin.contracts.period'), width: 22 },
        { label: t('admin.contracts.hours'), width: 12 },
        { label: t('admin.contracts.rate'), width: 16 },
      ]}
      rows={rows.map(({ contract, customer }) => {
        const card = rateCardOn(contract.rateCards, today);
        return {
          key: contract.id,
          cells: [
            <Stack key="name" space="space.025">
              <RowName onOpen={() => open(contract.id)} testId={`contract-open-${contract.id}`}>
                {contract.name}
              </RowName>
              <Text size="small" color="color.text.subtle">
                {contract.id}
              </Text>
            </Stack>,
            <CellText key="customer">{customer}</CellText>,
            <CellText key="period">{period(contract.validFrom, contract.validTo)}</CellText>,
            <CellText key="hours">{t('admin.contracts.hoursValue', { hours: formatNumber(contract.includedHoursPerMonth, viewer.locale) })}</CellText>,
            <CellText key="rate">{card ? t('admin.contracts.rateValue', { rate: formatMoney(card.defaultRate, contract.currency, viewer.locale) }) : '—'}</CellText>,
          ],
        };
      })}
      texts={{
        search: t('admin.contracts.search'),
        create: t('admin.contracts.create'),
        emptyTitle: t('admin.contracts.emptyTitle'),
        emptyText: config.customers.length === 0 ? t('admin.contracts.emptyNoCustomers') : t('admin.contracts.emptyText'),
        noMatch: t('admin.common.noMatch', { query: search }),
      }}
    />
  );
}
