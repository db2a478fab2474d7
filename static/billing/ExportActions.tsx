// Export CSV / Export XLSX of what the page shows (one customer, or the whole month): a progress bar while the
// server prepares the file, then the browser's download. A failure is said where the buttons are.
import Button from '@atlaskit/button/new';
import DownloadIcon from '@atlaskit/icon/core/download';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { ExportFormat } from '@contract/billing';
import { useT } from '../shared/texts';
import { ProgressBar } from '../issue-panel/ProgressBar';
import { formatCount } from './billing-format';
import { useViewer } from './billing-context';
import { useExport, type ExportTarget } from './useExport';

const status = xcss({ width: '100%', maxWidth: '22rem' });

export function ExportActions({ target }: { target: ExportTarget }) {
  const t = useT();
  const { locale } = useViewer();
  const { state, start, dismiss } = useExport();
  const running = state.kind === 'running';

  const button = (format: ExportFormat, label: string) => (
    <Button
      iconBefore={DownloadIcon}
      onClick={() => start(target, format)}
      isDisabled={running && state.format !== format}
      isLoading={running && state.format === format}
      testId={`billing-export-${format}`}
    >
      {label}
    </Button>
  );

  return (
    <Box testId="billing-export" data-state={state.kind}>
      <Stack space="space.100" alignInline="end">
        <Inline space="space.100" shouldWrap alignInline="end">
          {button('csv', t('billing.export.csv'))}
          {button('xlsx', t('billing.export.xlsx'))}
        </Inline>
        {state.kind === 'running' ? (
          <Box xcss={status} testId="billing-export-progress">
            <Stack space="space.050">
              <Text size="small" color="color.text.subtle">
                {state.phase === 'preparing'
                  ? t('billing.export.preparing', { format: state.format.toUpperCase(), percent: formatCount(Math.round(state.progress * 100), locale) })
                  : t('billing.export.downloading', { format: state.format.toUpperCase() })}
              </Text>
              <ProgressBar percent={Math.max(2, Math.min(100, state.progress * 100))} tone="information" warnAtPercent={null} label={t('billing.export.progressLabel')} />
            </Stack>
          </Box>
        ) : null}
        {state.kind === 'done' ? (
          <Text size="small" color="color.text.subtle" testId="billing-export-done">
            {t('billing.export.done', { file: state.fileName })}
          </Text>
        ) : null}
        {state.kind === 'failed' ? (
          <Box xcss={status}>
            <SectionMessage
              appearance="warning"
              title={t('billing.export.failed', { format: state.format.toUpperCase() })}
              testId="billing-export-error"
              actions={[
                <SectionMessageAction key="dismiss" onClick={dismiss}>
                  {t('billing.export.dismiss')}
                </SectionMessageAction>,
              ]}
            >
              <Text>{state.message || t('billing.export.failedText')}</Text>
            </SectionMessage>
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}
