// One SLA clock: name and state, the live remaining time, when it is due, elapsed against the target, why it is
// paused, and its cycles when there was more than one.
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useId, useState } from 'react';
import type { PanelClock } from '@contract/sla';
import { formatNearInstant, type Translate } from '../shared/locale';
import { useT } from '../shared/texts';
import { dueText, formatDuration, pausedText, remainingText, resultText, type ClockTone, type LiveClock } from './clock-view';
import { ProgressBar } from './ProgressBar';
import type { Viewer } from './sla-view';

const card = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.large',
  padding: 'space.150',
});
const grow = xcss({ flexGrow: 1, minWidth: '0', overflowWrap: 'anywhere' });
/** The state stays whole next to a long metric name (the name wraps instead). */
export const keep = xcss({ flexShrink: 0 });
const cycleList = xcss({ margin: 'space.0', paddingInlineStart: 'space.0', listStyle: 'none' });

/** The remaining time's colour: it turns with the bar. */
export const TEXT_COLOR: Record<ClockTone, 'color.text' | 'color.text.warning' | 'color.text.danger'> = {
  information: 'color.text',
  success: 'color.text',
  neutral: 'color.text',
  warning: 'color.text.warning',
  danger: 'color.text.danger',
};

export function ClockCard({ live, viewer, now }: { live: LiveClock; viewer: Viewer; now: number }) {
  const t = useT();
  const { clock } = live;
  const id = `sla-clock-${clock.key}`;
  const remaining = remainingText(live, t);
  const result = resultText(live, t);
  const due = dueText(live, t, viewer.locale, viewer.timeZone, now);
  const paused = pausedText(live, t);
  return (
    <Box xcss={card} testId={id} data-state={clock.state} data-tone={live.tone}>
      <Stack space="space.075">
        <Inline space="space.100" alignBlock="start" spread="space-between">
          <Box xcss={grow}>
            <Text weight="semibold">{clock.name}</Text>
          </Box>
          <Box xcss={keep}>
            <Lozenge appearance={live.tone} testId={`${id}-state`}>
              {t(`panel.states.${clock.state}`)}
            </Lozenge>
          </Box>
        </Inline>
        {remaining ? (
          <Text weight="semibold" color={TEXT_COLOR[live.tone]} testId={`${id}-remaining`}>
            {remaining}
          </Text>
        ) : null}
        {result ? (
          <Text color="color.text.subtle" testId={`${id}-result`}>
            {result}
          </Text>
        ) : null}
        {due ? (
          <Text size="small" color="color.text.subtle" testId={`${id}-due`}>
            {due}
          </Text>
        ) : null}
        {live.percent !== null ? (
          <ProgressBar
            percent={live.percent}
            tone={live.tone}
            warnAtPercent={clock.warnAtPercent}
            label={t('panel.clock.progress', { percent: Math.floor(live.percent) })}
            testId={`${id}-progress`}
          />
        ) : null}
        {paused ? (
          <Text size="small" color="color.text.subtle" testId={`${id}-paused`}>
            {paused}
          </Text>
        ) : null}
        {clock.cycles.length > 1 ? <Cycles live={live} viewer={viewer} now={now} testId={`${id}-cycles`} /> : null}
      </Stack>
    </Box>
  );
}

function Cycles({ live, viewer, now, testId }: { live: LiveClock; viewer: Viewer; now: number; testId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const { cycles } = live.clock;
  return (
    <Stack space="space.075" testId={testId}>
      <Inline>
        <Button appearance="subtle" spacing="compact" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? t('panel.clock.hideCycles') : t('panel.clock.showCycles', { count: cycles.length })}
        </Button>
      </Inline>
      {open ? (
        <Box as="ul" id={listId} xcss={cycleList}>
          {cycles.map((cycle, index) => (
            <Cycle
              key={`${cycle.startedAt}-${index}`}
              number={index + 1}
              cycle={cycle}
              // The open cycle is the clock's latest: its elapsed time moves with the countdown.
              elapsedSeconds={cycle.stoppedAt === null && index === cycles.length - 1 ? live.elapsedSeconds : cycle.elapsedSeconds}
              hasTarget={live.clock.targetMinutes !== null}
              viewer={viewer}
              now={now}
              t={t}
            />
          ))}
        </Box>
      ) : null}
    </Stack>
  );
}

function Cycle(props: {
  number: number;
  cycle: PanelClock['cycles'][number];
  elapsedSeconds: number;
  hasTarget: boolean;
  viewer: Viewer;
  now: number;
  t: Translate;
}) {
  const { number, cycle, elapsedSeconds, hasTarget, viewer, now, t } = props;
  const when = (iso: string) => formatNearInstant(iso, viewer.locale, viewer.timeZone, now);
  const outcome = cycle.breached ? 'breached' : cycle.stoppedAt !== null ? 'met' : null;
  return (
    <Box as="li" paddingBlock="space.050">
      <Stack space="space.025">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text size="small" weight="semibold">
            {t('panel.clock.cycle', { number })}
          </Text>
          {hasTarget && outcome ? (
            <Lozenge appearance={outcome === 'breached' ? 'danger' : 'success'}>{t(`panel.states.${outcome}`)}</Lozenge>
          ) : null}
        </Inline>
        <Text size="small" color="color.text.subtle">
          {[
            t('panel.clock.cycleStarted', { when: when(cycle.startedAt) }),
            cycle.stoppedAt ? t('panel.clock.cycleStopped', { when: when(cycle.stoppedAt) }) : t('panel.clock.cycleOpen'),
            t('panel.clock.cycleElapsed', { elapsed: formatDuration(elapsedSeconds, t) }),
          ].join(' · ')}
        </Text>
      </Stack>
    </Box>
  );
}
