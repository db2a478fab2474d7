import { LoadError } from '../shared/LoadError';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import type { StatusCategory } from '@contract/issue-panel';
import { formatInstant } from '../shared/i18n';
import { useT } from '../shared/texts';
import type { Viewer } from './sla-view';
import { SlaSection } from './SlaSection';
import { useIssuePanel } from './useIssuePanel';

const LOZENGE: Record<StatusCategory, 'default' | 'inprogress' | 'success'> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

export function IssuePanel({ issueKey, viewer }: { issueKey: string; viewer: Viewer }) {
  const t = useT();
  const { state, load } = useIssuePanel(issueKey);

  if (state.kind === 'loading') {
    return (
      <Box padding="space.200" testId="panel-loading">
        <Spinner label={t('common.loading')} />
      </Box>
    );
  }
  if (state.kind === 'failed') return <LoadError error={state.error} onRetry={() => void load()} testId="panel-error" titleKey="panel.errorTitle" />;

  const { issue, sla } = state.view;
  const when = (iso: string) => formatInstant(iso, viewer.locale, viewer.timeZone);
  return (
    <Stack space="space.150" testId="panel-ready">
      <Inline space="space.100" alignBlock="center">
        <Heading size="xsmall">{issue.key}</Heading>
        <Lozenge appearance={LOZENGE[issue.status.category]} testId="panel-status">
          {issue.status.name}
        </Lozenge>
      </Inline>
      <Text>{issue.summary}</Text>
      <SlaSection sla={sla} receivedAt={state.receivedAt} viewer={viewer} />
      <Field label={t('panel.priority')} value={issue.priority ?? t('panel.none')} testId="panel-priority" />
      <Field label={t('panel.assignee')} value={issue.assignee ?? t('panel.unassigned')} testId="panel-assignee" />
      <Field label={t('panel.updated')} value={when(issue.updated)} testId="panel-updated" />
    </Stack>
  );
}


function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Inline space="space.100" shouldWrap testId={testId}>
      <Text weight="semibold">{label}</Text>
      <Text>{value}</Text>
    </Inline>
  );
}
