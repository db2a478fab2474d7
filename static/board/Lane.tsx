// A customer's lane: the header with its health (tier, open and breached counts, what the lane leaves out) and
// its items in board order. Where the viewer may re-rank, items move by drag and drop (within the lane only; a
// drop above breached items is never offered) and by keyboard (Move up / Move down, Alt+Arrow Up/Down).
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge/extract-closest-edge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { BoardItem, BoardLane } from '@contract/board';
import { formatNumber } from '../shared/locale';
import { useT } from '../shared/texts';
import { TIER_APPEARANCE } from '../issue-panel/sla-view';
import { useViewer } from './board-context';
import { dropIndex, moveBounds, verticalEdge } from './board-order';
import { DRAG_KIND, ItemRow, type LaneControls } from './ItemRow';

const laneBox = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.large',
  backgroundColor: 'elevation.surface',
  overflow: 'hidden',
});
const header = xcss({
  paddingBlock: 'space.150',
  paddingInline: 'space.200',
  backgroundColor: 'color.background.neutral.subtle',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
});
const name = xcss({ minWidth: '0', overflowWrap: 'anywhere' });
const emptyBox = xcss({ paddingBlock: 'space.200', paddingInline: 'space.200' });

export interface LaneActions {
  /** Move `issueId` to insertion index `index` of its lane. */
  move: (customerKey: string, issueId: string, index: number) => void;
  undo: (customerKey: string, issueId: string) => void;
  /** A keyboard move that cannot go further. */
  blocked: (item: BoardItem, direction: -1 | 1) => void;
}

export interface LaneProps {
  lane: BoardLane;
  /** Set when the viewer may re-rank (staff); a customer's contact sees the lane read-only. */
  actions?: LaneActions;
  /** Filters hide part of the lanes: an empty lane says so. */
  filtered: boolean;
  /** Shows this customer's lane alone, with all its items (offered when the lane is cut short). */
  onShowAll?: (customerKey: string) => void;
}

export const Lane = memo(function Lane({ lane, actions, filtered, onShowAll }: LaneProps) {
  const t = useT();
  const { locale } = useViewer();
  const key = lane.customer.key;
  const items = useRef(lane.items);
  items.current = lane.items;

  const controls = useMemo<LaneControls | undefined>(() => {
    if (!actions) return undefined;
    return {
      customerKey: key,
      getItems: () => items.current,
      move: (issueId, direction) => {
        const bounds = moveBounds(items.current, issueId);
        const item = items.current.find((i) => i.issueId === issueId);
        if (!bounds || !item) return;
        const index = bounds.from + direction;
        if (index < bounds.low || index > bounds.high) actions.blocked(item, direction);
        else actions.move(key, issueId, index);
      },
      undo: (issueId) => actions.undo(key, issueId),
    };
  }, [actions, key]);

  useEffect(() => {
    if (!actions) return undefined;
    return monitorForElements({
      canMonitor: ({ source }) => source.data.kind === DRAG_KIND && source.data.customerKey === key,
      onDrop: ({ source, location }) => {
        const target = location.current.dropTargets[0];
        if (!target) return;
        const edge = verticalEdge(extractClosestEdge(target.data));
        const issueId = String(source.data.issueId);
        const index = edge ? dropIndex(items.current, issueId, String(target.data.issueId), edge) : null;
        if (index !== null) actions.move(key, issueId, index);
      },
    });
  }, [actions, key]);

  const { open, breached } = lane.health;
  return (
    <Box as="section" xcss={laneBox} testId={`board-lane-${key}`} aria-labelledby={`board-lane-${key}-name`}>
      <Box xcss={header}>
        <Inline space="space.150" alignBlock="center" shouldWrap spread="space-between">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Box xcss={name} id={`board-lane-${key}-name`}>
              <Heading size="small" as="h2">
                {lane.customer.name}
              </Heading>
            </Box>
            <Lozenge appearance={TIER_APPEARANCE[lane.customer.tier]} testId={`board-lane-${key}-tier`}>
              {t(`panel.tiers.${lane.customer.tier}`)}
            </Lozenge>
          </Inline>
          <Inline space="space.100" alignBlock="center" shouldWrap testId={`board-lane-${key}-health`}>
            <Text size="small" weight="semibold" testId={`board-lane-${key}-open`}>
              {t('board.lane.open', { count: formatNumber(open, locale) })}
            </Text>
            {breached > 0 ? (
              <Lozenge appearance="removed" isBold testId={`board-lane-${key}-breached`}>
                {t('board.lane.breached', { count: formatNumber(breached, locale) })}
              </Lozenge>
            ) : (
              <Lozenge appearance="success" testId={`board-lane-${key}-breached`}>
                {t('board.lane.noneBreached')}
              </Lozenge>
            )}
            {lane.health.thisMonth.resolved > 0 ? (
              <Text size="small" color="color.text.subtle" testId={`board-lane-${key}-compliance`}>
                {t('board.lane.compliance', {
                  percent: formatNumber(Math.floor((lane.health.thisMonth.withinSla * 100) / lane.health.thisMonth.resolved), locale),
                  resolved: formatNumber(lane.health.thisMonth.resolved, locale),
                })}
              </Text>
            ) : null}
            {lane.health.includedHours !== null && lane.health.hoursUsed !== null ? (
              <Text
                size="small"
                color={lane.health.hoursUsed > lane.health.includedHours ? 'color.text.warning' : 'color.text.subtle'}
                testId={`board-lane-${key}-hours`}
              >
                {t('board.lane.hoursUsed', { used: formatNumber(lane.health.hoursUsed, locale), included: formatNumber(lane.health.includedHours, locale) })}
              </Text>
            ) : lane.health.includedHours !== null ? (
              <Text size="small" color="color.text.subtle">
                {t('board.lane.includedHours', { hours: formatNumber(lane.health.includedHours, locale) })}
              </Text>
            ) : null}
          </Inline>
        </Inline>
        {lane.truncated ? (
          <Box paddingBlockStart="space.050">
            <Inline space="space.100" alignBlock="center">
              <Text size="small" color="color.text.warning" testId={`board-lane-${key}-truncated`}>
                {t('board.lane.truncated', { shown: formatNumber(lane.items.length, locale), total: formatNumber(open, locale) })}
              </Text>
              {onShowAll ? (
                <Button appearance="subtle" spacing="compact" onClick={() => onShowAll(key)} testId={`board-lane-${key}-show-all`}>
                  {t('board.lane.showAll')}
                </Button>
              ) : null}
            </Inline>
          </Box>
        ) : null}
      </Box>
      {lane.items.length === 0 ? (
        <Box xcss={emptyBox} testId={`board-empty-lane-${key}`}>
          <Text color="color.text.subtle">{filtered ? t('board.empty.laneFiltered') : t('board.empty.lane')}</Text>
        </Box>
      ) : (
        <Stack role="list" aria-label={t('board.lane.label', { customer: lane.customer.name })} testId={`board-lane-${key}-items`}>
          {lane.items.map((item, index) => {
            const bounds = controls ? moveBounds(lane.items, item.issueId) : null;
            return (
              <ItemRow
                key={item.issueId}
                item={item}
                position={index + 1}
                testId={`board-item-${item.key}`}
                controls={controls}
                canUp={bounds !== null && bounds.from > bounds.low}
                canDown={bounds !== null && bounds.from < bounds.high}
              />
            );
          })}
        </Stack>
      )}
    </Box>
  );
});
