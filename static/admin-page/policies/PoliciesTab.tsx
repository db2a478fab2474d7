// SLA policies: the list with each policy's latest version, or one policy's editor (which stays open after a
// save, on the new version).
import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import { useT } from '../../shared/texts';
import { MissingRecord } from '../components/MissingRecord';
import { CellText, RecordTable, RowName } from '../components/RecordTable';
import { useAdmin } from '../hooks/admin-context';
import { formatInstant } from '../state/format';
import { matchesQuery } from '../state/search';
import { PolicyEditor } from './PolicyEditor';

export function PoliciesTab() {
  const t = useT();
  const { config, viewer } = useAdmin();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);

  if (editing) {
    const summary = editing.id === null ? null : config.policies.find((p) => p.id === editing.id);
    if (summary === undefined) return <MissingRecord onBack={() => setEditing(null)} />;
    return (
      <PolicyEditor
        key={summary ? `${summary.id}@${summary.meta.revision}` : 'new'}
        summary={summary}
        onSaved={(id) => setEditing({ id })}
        onClose={() => setEditing(null)}
      />
    );
  }

  const shown = [...config.policies]
    .sort((a, b) => a.latest.name.localeCompare(b.latest.name))
    .filter((p) => matchesQuery(search, [p.latest.name, p.id]));
  const used = (id: string) => config.contracts.filter((c) => c.policyId === id).length;
  const open = (id: string) => setEditing({ id });

  return (
    <RecordTable
      prefix="policies"
      rowPrefix="policy"
      total={config.policies.length}
      search={search}
      onSearch={setSearch}
      onOpen={open}
      onCreate={() => setEditing({ id: null })}
      head={[
        { label: t('admin.policies.name'), width: 30 },
        { label: t('admin.policies.version'), width: 12 },
        { label: t('admin.policies.metrics'), width: 22 },
        { label: t('admin.policies.savedBy'), width: 22 },
        { label: t('admin.calendars.usedBy'), width: 14 },
      ]}
      rows={shown.map((p) => ({
        key: p.id,
        cells: [
          <Stack key="name" space="space.025">
            <RowName onOpen={() => open(p.id)} testId={`policy-open-${p.id}`}>
              {p.latest.name}
            </RowName>
            <Text size="small" color="color.text.subtle">
              {p.id}
            </Text>
          </Stack>,
          <CellText key="version">{t('admin.policies.versionValue', { version: p.latest.version })}</CellText>,
          <CellText key="metrics">{p.latest.metrics.map((m) => m.name).join(', ')}</CellText>,
          <CellText key="saved">{`${p.latest.savedBy.displayName}, ${formatInstant(p.latest.savedAt, viewer)}`}</CellText>,
          <CellText key="used">{String(used(p.id))}</CellText>,
        ],
      }))}
      texts={{
        search: t('admin.policies.search'),
        create: t('admin.policies.create'),
        emptyTitle: t('admin.policies.emptyTitle'),
        emptyText: t('admin.policies.emptyText'),
        noMatch: t('admin.common.noMatch', { query: search }),
      }}
    />
  );
}
