// The compact view in the issue's context area (`jira:issueContext`): whose issue it is and the most urgent clock
// with its live remaining time. The panel below has the rest.
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import type { IssueSlaView } from '@contract/sla';
import { useT } from '../shared/texts';
import { anyTicking, dueText, liveClock, mostUrgent, pausedText, remainingText, resultText, secondsSinceEvaluation, type LiveClock } from './clock-view';
import { keep, TEXT_COLOR } from './ClockCard';
import { LoadError } from '../shared/LoadError';
import { ProgressBar } from './ProgressBar';
import { emptyState, type Viewer } from './sla-view';
import { openSettings, TierLozenge } from './SlaSection';
import { useIssuePanel } from './useIssuePanel';
import { useNow } from './useNow';

const wrap = xcss({ minWidth: '0', overflowWrap: 'anywhere' });
const grow = xcss({ flexGrow: 1, minWidth: '0', overflowWrap: 'anywhere' });

export function IssueContext({ issueKey, viewer }: { issueKey: string; viewer: Viewer }) {
  const t = useT();
  const { state, load } = useIssuePanel(issueKey);
  if (state.kind === 'loading') {
    return (
      <Box padding="space.100" testId="context-loading">
        <Spinner size="small" label={t('common.loading')} />
      </Box>
    );
  }
  if (state.kind === 'failed') return <LoadError error={state.error} onRetry={() => void load()} testId="context-error" titleKey="panel.errorTitle" />;
  const { sla } = state.view;
  return (
    <Box testId="context-ready">
      {sla ? <CompactSla sla={sla} receivedAt={state.receivedAt} viewer={viewer} /> : <Text color="color.text.subtle">{t('panel.context.noClocks')}</Text>}
    </Box>
  );
}

function CompactSla({ sla, receivedAt, viewer }: { sla: IssueSlaView; receivedAt: number; viewer: Viewer }) {
  const t = useT();
  const now = useNow(anyTicking(sla.clocks));
  const since = secondsSinceEvaluation(sla.evaluatedAt, receivedAt, now);
  const urgent = mostUrgent(sla.clocks.map((c) => liveClock(c, since)), now);
  const empty = emptyState(sla, t);
  return (
    <Stack space="space.100">
      {sla.customer ? (
        <Inline space="space.100" alignBlock="center" shouldWrap testId="context-customer">
          <Box xcss={wrap}>
            <Text weight="semibold">{sla.customer.name}</Text>
          </Box>
          <TierLozenge tier={sla.customer.tier} />
        </Inline>
      ) : null}
      {empty ? (
        <Stack space="space.050" testId={`context-empty-${empty.status}`}>
          <Text color="color.text.subtle">{empty.title}</Text>
          <Inline>
            <Button appearance="subtle" spacing="compact" onClick={openSettings}>
              {empty.action}
            </Button>
          </Inline>
        </Stack>
      ) : urgent ? (
        <CompactClock live={urgent} viewer={viewer} now={now} />
      ) : (
        <Text color="color.text.subtle">{t('panel.context.noClocks')}</Text>
      )}
    </Stack>
  );
}

function CompactClock({ live, viewer, now }: { live: LiveClock; viewer: Viewer; now: number }) {
  const t = useT();
  const detail = remainingText(live, t) ?? resultText(live, t);
  const due = dueText(live, t, viewer.locale, viewer.timeZone, now);
  const paused = pausedText(live, t);
  return (
    <Box testId="context-clock" data-key={live.clock.key} data-state={live.clock.state} data-tone={live.tone}>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="start" spread="space-between">
          <Box xcss={grow}>
            <Text>{live.clock.name}</Text>
          </Box>
          <Box xcss={keep}>
            <Lozenge appearance={live.tone}>{t(`panel.states.${live.clock.state}`)}</Lozenge>
          </Box>
        </Inline>
        {detail ? (
          <Text weight="semibold" color={TEXT_COLOR[live.tone]} testId="context-remaining">
            {detail}
          </Text>
        ) : null}
        {due ? (
          <Text size="small" color="color.text.subtle" testId="context-due">
            {due}
          </Text>
        ) : null}
        {live.percent !== null ? (
          <ProgressBar percent={live.percent} tone={live.tone} warnAtPercent={live.clock.warnAtPercent} label={t('panel.clock.progress', { percent: Math.floor(live.percent) })} />
        ) : null}
        {paused ? (
          <Text size="small" color="color.text.subtle" testId="context-paused">
            {paused}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}
