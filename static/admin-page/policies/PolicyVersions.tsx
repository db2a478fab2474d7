// The policy's saved versions, newest first; each can be viewed (read-only) or copied into the editor.
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { useEffect, useState } from 'react';
import type { PolicySummary, PolicyVersion } from '@contract/config';
import type { ResolverError } from '@contract/result';
import { useT } from '../../shared/texts';
import { ErrorMessageBox } from '../components/FormStatus';
import { useAdmin } from '../hooks/admin-context';
import { formatInstant } from '../state/format';
import { VersionView } from './VersionView';

export function PolicyVersions({ summary, onRestore }: { summary: PolicySummary; onRestore: (version: PolicyVersion) => void }) {
  const t = useT();
  const { call, viewer } = useAdmin();
  const [versions, setVersions] = useState<PolicyVersion[] | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    void call('getSlaPolicyVersions', { id: summary.id }).then((answer) => {
      if (!current) return;
      if (answer.ok) setVersions([...answer.data].sort((a, b) => b.version - a.version));
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [call, summary.id, summary.meta.revision]);

  const shown = versions?.find((v) => v.version === open) ?? null;
  return (
    <Stack space="space.150" testId="policy-versions">
      <Heading size="small" as="h3">
        {t('admin.versions.title', { count: summary.versions })}
      </Heading>
      {error ? <ErrorMessageBox error={error} testId="policy-versions-error" /> : null}
      {!versions && !error ? <Spinner size="small" label={t('common.loading')} /> : null}
      {versions ? (
        <Box testId="policy-versions-table">
          <DynamicTable
            head={{
              cells: [
                { key: 'version', content: t('admin.policies.version'), width: 15 },
                { key: 'saved', content: t('admin.versions.savedAt'), width: 30 },
                { key: 'by', content: t('admin.policies.savedBy'), width: 25 },
                { key: 'actions', content: '', width: 30 },
              ],
            }}
            rows={versions.map((v) => ({
              key: String(v.version),
              testId: `policy-version-row-${v.version}`,
              cells: [
                { key: 'version', content: <Text weight={v.version === summary.latest.version ? 'bold' : 'regular'}>{t('admin.policies.versionValue', { version: v.version })}</Text> },
                { key: 'saved', content: formatInstant(v.savedAt, viewer) },
                { key: 'by', content: v.savedBy.displayName },
                {
                  key: 'actions',
                  content: (
                    <Inline space="space.050">
                      <Button appearance="subtle" spacing="compact" onClick={() => setOpen(open === v.version ? null : v.version)} testId={`policy-version-view-${v.version}`}>
                        {open === v.version ? t('admin.versions.hide') : t('admin.versions.view')}
                      </Button>
                      <Button appearance="subtle" spacing="compact" onClick={() => onRestore(v)} testId={`policy-version-restore-${v.version}`}>
                        {t('admin.versions.restore')}
                      </Button>
                    </Inline>
                  ),
                },
              ],
            }))}
          />
        </Box>
      ) : null}
      {shown ? <VersionView version={shown} /> : null}
    </Stack>
  );
}
