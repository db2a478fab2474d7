// Backup: export the whole configuration as a JSON file, and import such a file (replacing what is stored).
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import DownloadIcon from '@atlaskit/icon/core/download';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { ImportSummary } from '@contract/admin';
import type { Backup } from '@contract/config';
import type { ResolverError } from '@contract/result';
import { downloadFile } from '../../shared/download';
import { useT } from '../../shared/texts';
import { FileInput } from '../components/FileInput';
import { ErrorMessageBox } from '../components/FormStatus';
import { useAdmin } from '../hooks/admin-context';
import { flagSuccess } from '../hooks/flag';
import { useConfirmedAction } from '../hooks/useConfirmedAction';
import { backupFileName, readBackup } from '../state/backup';
import { fieldMessages } from '../state/field-errors';
import { todayIn } from '../state/format';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'badFile'; detail: string; isJson: boolean }
  | { kind: 'importing' }
  | { kind: 'failed'; error: ResolverError }
  | { kind: 'done'; summary: ImportSummary };

const narrow = xcss({ maxWidth: '720px' });

export function BackupTab() {
  const t = useT();
  const { call, viewer, reload } = useAdmin();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ResolverError | null>(null);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const confirmAction = useConfirmedAction();

  const exportConfig = async () => {
    setExporting(true);
    setExportError(null);
    const result = await call('exportConfig', {});
    setExporting(false);
    if (!result.ok) {
      setExportError(result.error);
      return;
    }
    const name = backupFileName(todayIn(viewer.timeZone));
    downloadFile(JSON.stringify(result.data, null, 2), name, 'application/json');
    flagSuccess(t('admin.backup.exported'), name);
  };

  const readFile = async (file: File) => {
    const read = readBackup(await file.text());
    if (!read.ok) {
      setState({ kind: 'badFile', detail: read.detail, isJson: read.reason === 'json' });
      return;
    }
    setState({ kind: 'idle' });
    const confirmed = await confirmAction({
      title: t('admin.backup.confirmTitle'),
      body: t('admin.backup.confirmText', { file: file.name, ...read.counts }),
      confirmLabel: t('admin.backup.confirm'),
    });
    if (confirmed) await importConfig(read.backup);
  };

  // The file can be large: it is sent from here, not through the modal's context.
  const importConfig = async (backup: Backup) => {
    setState({ kind: 'importing' });
    const result = await call('importConfig', { backup });
    if (!result.ok) {
      setState({ kind: 'failed', error: result.error });
      return;
    }
    setState({ kind: 'done', summary: result.data });
    flagSuccess(t('admin.backup.importedFlag'));
    await reload();
  };

  return (
    <Box xcss={narrow}>
      <Stack space="space.400">
        <Stack space="space.100" testId="backup-export-section">
          <Heading size="small" as="h3">
            {t('admin.backup.exportTitle')}
          </Heading>
          <Text color="color.text.subtle">{t('admin.backup.exportText')}</Text>
          <Box>
            <Button iconBefore={DownloadIcon} onClick={() => void exportConfig()} isLoading={exporting} testId="backup-export">
              {t('admin.backup.export')}
            </Button>
          </Box>
          {exportError ? <ErrorMessageBox error={exportError} testId="backup-export-error" /> : null}
        </Stack>
        <Stack space="space.100" testId="backup-import-section">
          <Heading size="small" as="h3">
            {t('admin.backup.importTitle')}
          </Heading>
          <Text color="color.text.subtle">{t('admin.backup.importText')}</Text>
          <Box>
            <FileInput id="backup-import-input" accept=".json,application/json" label={t('admin.backup.import')} busy={state.kind === 'importing'} onFile={(f) => void readFile(f)} />
          </Box>
          <ImportOutcome state={state} />
        </Stack>
      </Stack>
    </Box>
  );
}

function ImportOutcome({ state }: { state: ImportState }) {
  const t = useT();
  switch (state.kind) {
    case 'badFile':
      return (
        <SectionMessage appearance="error" title={t('admin.backup.badFileTitle')} testId="backup-import-error">
          <Text>{state.isJson ? t('admin.backup.badJson', { detail: state.detail }) : t('admin.backup.notBackup')}</Text>
        </SectionMessage>
      );
    case 'failed': {
      const fields = fieldMessages(state.error);
      if (fields.length === 0) return <ErrorMessageBox error={state.error} testId="backup-import-error" />;
      return (
        <SectionMessage appearance="error" title={t('admin.backup.invalidTitle', { count: fields.length })} testId="backup-import-error">
          <Stack space="space.050">
            <Text>{t('admin.backup.invalidText')}</Text>
            {fields.map((f, i) => (
              <Text key={`${f.field}-${i}`} testId={`backup-import-error-${i}`}>
                <Text weight="medium">{f.field}</Text>
                {`: ${f.message}`}
              </Text>
            ))}
          </Stack>
        </SectionMessage>
      );
    }
    case 'done':
      return (
        <SectionMessage appearance="success" title={t('admin.backup.importedTitle')} testId="backup-import-result">
          <Text>{t('admin.backup.importedText', { ...state.summary })}</Text>
        </SectionMessage>
      );
    default:
      return null;
  }
}
