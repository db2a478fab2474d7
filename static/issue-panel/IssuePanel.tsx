import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { useCallback, useEffect, useState } from 'react';
import type { IssuePanelView, StatusCategory } from '@contract/issue-panel';
import type { ResolverError } from '@contract/result';
import { callResolver, onIssueChanged } from '../shared/api';
import { formatInstant } from '../shared/i18n';
import { useT } from '../shared/texts';

type State = { kind: 'loading' } | { kind: 'ready'; view: IssuePanelView } | { kind: 'failed'; error: ResolverError };

const LOZENGE: Record<StatusCategory, 'default' | 'inprogress' | 'success'> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

export function IssuePanel({ issueKey, locale, timeZone }: { issueKey: string; locale: string; timeZone: string }) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });

  /** `quiet` keeps what is shown while fetching, so a refresh after an edit does not flash a spinner. */
  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) setState({ kind: 'loading' });
      const result = await callResolver('getIssuePanel', { issueKey });
      setState(result.ok ? { kind: 'ready', view: result.data } : { kind: 'failed', error: result.error });
    },
    [issueKey],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // Jira's issue view announces edits made on the page; show the new status, priority and assignee at once.
  useEffect(() => onIssueChanged(() => void load(true)), [load]);

  if (state.kind === 'loading') {
    return (
      <Box padding="space.200" testId="panel-loading">
        <Spinner label={t('common.loading')} />
      </Box>
    );
  }
  if (state.kind === 'failed') {
    return (
      <SectionMessage appearance="error" title={t('panel.errorTitle')} testId="panel-error">
        <Stack space="space.100">
          <Text>{state.error.message}</Text>
          <Inline>
            <Button onClick={() => void load()}>{t('common.retry')}</Button>
          </Inline>
        </Stack>
      </SectionMessage>
    );
  }

  const { issue, activity } = state.view;
  const when = (iso: string) => formatInstant(iso, locale, timeZone);
  return (
    <Stack space="space.150" testId="panel-ready">
      <Inline space="space.100" alignBlock="center">
        <Heading size="xsmall">{issue.key}</Heading>
        <Lozenge appearance={LOZENGE[issue.status.category]} testId="panel-status">
          {issue.status.name}
        </Lozenge>
      </Inline>
      <Text>{issue.summary}</Text>
      <Field label={t('panel.priority')} value={issue.priority ?? t('panel.none')} testId="panel-priority" />
      <Field label={t('panel.assignee')} value={issue.assignee ?? t('panel.unassigned')} testId="panel-assignee" />
      <Field label={t('panel.updated')} value={when(issue.updated)} testId="panel-updated" />
      <Heading size="xxsmall">{t('panel.activity')}</Heading>
      {activity ? (
        <Stack space="space.050" testId="panel-activity">
          <Field label={t('panel.lastEvent')} value={`${activity.lastEventType} · ${when(activity.lastEventAt)}`} />
          <Field label={t('panel.events')} value={String(activity.eventCount)} />
        </Stack>
      ) : (
        <Text color="color.text.subtlest" testId="panel-no-activity">
          {t('panel.noActivity')}
        </Text>
      )}
    </Stack>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Inline space="space.100" testId={testId}>
      <Text weight="semibold">{label}</Text>
      <Text>{value}</Text>
    </Inline>
  );
}
