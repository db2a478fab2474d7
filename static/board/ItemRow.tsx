// One issue on the board: its place, key (opens the issue), summary, type, priority, status, assignee, the SLA
// clock counting down, the score with its explanation (on hover and keyboard focus), who moved it by hand with
// an Undo, and, in a lane the viewer may re-rank, a drag handle and Move up / Move down buttons.
import Button, { IconButton } from '@atlaskit/button/new';
import ArrowDownIcon from '@atlaskit/icon/core/arrow-down';
import ArrowUpIcon from '@atlaskit/icon/core/arrow-up';
import DragHandleIcon from '@atlaskit/icon/core/drag-handle-vertical';
import Lozenge from '@atlaskit/lozenge';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { attachClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge/attach-closest-edge';
import { extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge/extract-closest-edge';
import { Anchor, Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';
import { memo, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { openIssue } from '../shared/open-issue';
import type { BoardItem } from '@contract/board';
import { formatNearInstant, formatNumber } from '../shared/locale';
import { useT } from '../shared/texts';
import { itemClockView } from './board-clock';
import { useBoardNow, useViewer } from './board-context';
import { dropIndex, verticalEdge, type Edge } from './board-order';
import { explainScore } from './board-reasons';

/** What a lane the viewer may re-rank gives its rows (stable across renders). */
export interface LaneControls {
  customerKey: string;
  /** The lane's items as shown now (for where a drop would land). */
  getItems: () => readonly BoardItem[];
  move: (issueId: string, direction: -1 | 1) => void;
  undo: (issueId: string) => void;
}

export const DRAG_KIND = 'service-board-item';

const STATUS: Record<BoardItem['status']['category'], 'default' | 'inprogress' | 'success'> = { new: 'default', indeterminate: 'inprogress', done: 'success' };

const row = xcss({
  position: 'relative',
  display: 'grid',
  gridTemplateColumns: 'auto minmax(0, 1fr) minmax(9rem, 13rem) auto',
  columnGap: 'space.150',
  alignItems: 'start',
  paddingBlock: 'space.100',
  paddingInlineStart: 'space.100',
  paddingInlineEnd: 'space.100',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
  borderInlineStartWidth: 'border.width.selected',
  borderInlineStartStyle: 'solid',
  borderInlineStartColor: 'color.border.disabled',
  backgroundColor: 'elevation.surface',
  ':hover': { backgroundColor: 'elevation.surface.hovered' },
});
/** With the Move up / Move down buttons. */
const editableRow = xcss({ gridTemplateColumns: 'auto minmax(0, 1fr) minmax(9rem, 13rem) auto auto' });
const pinnedRow = xcss({ borderInlineStartColor: 'color.border.danger' });
const draggingRow = xcss({ opacity: 'opacity.disabled' });
const lead = xcss({ display: 'flex', alignItems: 'center', gap: 'space.050', minWidth: '2.5rem' });
const handle = xcss({ cursor: 'grab', color: 'color.text.subtle', display: 'flex' });
const main = xcss({ minWidth: '0' });
/** Two lines at most; the whole summary is in the title. */
const summary: CSSProperties = {
  minWidth: 0,
  overflowWrap: 'anywhere',
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  font: token('font.body'),
  color: token('color.text'),
};
const keep = xcss({ flexShrink: 0 });
const clockCell = xcss({ minWidth: '0', overflowWrap: 'anywhere' });
const actions = xcss({ display: 'flex', gap: 'space.025' });
const indicatorBase = xcss({
  position: 'absolute',
  insetInlineStart: 'space.0',
  insetInlineEnd: 'space.0',
  height: '2px',
  backgroundColor: 'color.background.brand.bold',
  pointerEvents: 'none',
  zIndex: 'card',
});
const indicatorTop = xcss({ top: '-1px' });
const indicatorBottom = xcss({ bottom: '-1px' });

export interface ItemRowProps {
  item: BoardItem;
  /** 1-based place in the lane or list. */
  position: number;
  /** `board-item-<key>` in a lane, `board-next-item-<key>` in the team's list. */
  testId: string;
  /** The customer's name, in the team's list. */
  customerName?: string;
  /** Set when the viewer may re-rank this lane. */
  controls?: LaneControls;
  canUp?: boolean;
  canDown?: boolean;
}

export const ItemRow = memo(function ItemRow({ item, position, testId, customerName, controls, canUp = false, canDown = false }: ItemRowProps) {
  const t = useT();
  const { locale, timeZone } = useViewer();
  const ref = useRef<HTMLDivElement | null>(null);
  const [edge, setEdge] = useState<Edge | null>(null);
  const [dragging, setDragging] = useState(false);
  const pinned = item.score.pinned;

  useEffect(() => {
    const element = ref.current;
    if (!element || !controls) return undefined;
    const { customerKey, getItems } = controls;
    const issueId = item.issueId;
    return combine(
      draggable({
        element,
        getInitialData: () => ({ kind: DRAG_KIND, customerKey, issueId }),
        onDragStart: () => setDragging(true),
        onDrop: () => setDragging(false),
      }),
      dropTargetForElements({
        element,
        canDrop: ({ source }) => source.data.kind === DRAG_KIND && source.data.customerKey === customerKey,
        getData: ({ input }) => attachClosestEdge({ issueId }, { input, element, allowedEdges: ['top', 'bottom'] }),
        onDrag: ({ self, source }) => {
          const closest = verticalEdge(extractClosestEdge(self.data));
          const allowed = closest !== null && dropIndex(getItems(), String(source.data.issueId), issueId, closest) !== null;
          setEdge(allowed ? closest : null);
        },
        onDragLeave: () => setEdge(null),
        onDrop: () => setEdge(null),
      }),
    );
  }, [controls, item.issueId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!controls || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    controls.move(item.issueId, event.key === 'ArrowUp' ? -1 : 1);
  };

  const meta = [item.issueType, item.priority ?? t('board.item.noPriority')].filter((x): x is string => Boolean(x));
  return (
    <Box
      ref={ref}
      xcss={[row, controls && editableRow, pinned && pinnedRow, dragging && draggingRow]}
      testId={testId}
      data-pinned={pinned ? 'true' : 'false'}
      data-issue-id={item.issueId}
      role="listitem"
      onKeyDown={onKeyDown}
    >
      {edge ? <Box xcss={[indicatorBase, edge === 'top' ? indicatorTop : indicatorBottom]} testId={`${testId}-drop-${edge}`} /> : null}
      <Box xcss={lead}>
        {controls ? (
          <Box xcss={handle} aria-hidden="true">
            <span title={t('board.item.drag', { key: item.key })}>
              <DragHandleIcon label="" color="currentColor" />
            </span>
          </Box>
        ) : null}
        <Text size="small" color="color.text.subtlest" testId={`${testId}-position`}>
          {formatNumber(position, locale)}
        </Text>
      </Box>
      <Stack space="space.050" xcss={main}>
        <Inline space="space.100" alignBlock="baseline">
          <Box xcss={keep}>
            <Anchor href={`/browse/${encodeURIComponent(item.key)}`} onClick={(e) => openIssue(e, item.key)} draggable={false} testId={`${testId}-link`}>
              <Text weight="semibold" color="inherit">
                {item.key}
              </Text>
            </Anchor>
          </Box>
          <span style={summary} title={item.summary} data-testid={`${testId}-summary`}>
            {item.summary}
          </span>
        </Inline>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          {customerName ? (
            <Text size="small" weight="semibold" testId={`${testId}-customer`}>
              {customerName}
            </Text>
          ) : null}
          <Text size="small" color="color.text.subtle">
            {meta.join(' · ')}
          </Text>
          <Lozenge appearance={STATUS[item.status.category]} testId={`${testId}-status`}>
            {item.status.name}
          </Lozenge>
          <Text size="small" color="color.text.subtle" testId={`${testId}-assignee`}>
            {item.assignee?.displayName ?? t('board.item.unassigned')}
          </Text>
          {pinned ? <Lozenge appearance="removed">{t('board.item.pinned')}</Lozenge> : null}
        </Inline>
        {item.moved ? (
          <Inline space="space.100" alignBlock="center" shouldWrap testId={`${testId}-moved`}>
            <Text size="small" color="color.text.subtle">
              {t('board.item.moved', { name: item.moved.by, when: formatNearInstant(item.moved.at, locale, timeZone, Date.now()) })}
            </Text>
            {controls && item.moved.undoable ? (
              <Button
                appearance="subtle"
                spacing="compact"
                onClick={() => controls.undo(item.issueId)}
                testId={`${testId}-undo`}
                aria-label={t('board.item.undoLabel', { key: item.key })}
              >
                {t('board.item.undo')}
              </Button>
            ) : null}
          </Inline>
        ) : null}
      </Stack>
      <Box xcss={clockCell}>
        <ClockCell clock={item.clock} testId={`${testId}-clock`} />
      </Box>
      <ScoreBadge item={item} testId={`${testId}-score`} />
      {controls ? (
        <Box xcss={actions}>
          <MoveButton direction="up" enabled={canUp} label={t('board.item.moveUp', { key: item.key })} onMove={() => controls.move(item.issueId, -1)} testId={`${testId}-up`} />
          <MoveButton direction="down" enabled={canDown} label={t('board.item.moveDown', { key: item.key })} onMove={() => controls.move(item.issueId, 1)} testId={`${testId}-down`} />
        </Box>
      ) : null}
    </Box>
  );
});

/**
 * Move up / Move down. At the edge of its group the button stays focusable (aria-disabled, greyed) and says so
 * when pressed, so focus is never lost when an item reaches the top.
 */
const atEdge = xcss({ opacity: 'opacity.disabled' });

function MoveButton({ direction, enabled, label, onMove, testId }: { direction: 'up' | 'down'; enabled: boolean; label: string; onMove: () => void; testId: string }) {
  return (
    <Box xcss={!enabled && atEdge} data-at-edge={enabled ? undefined : 'true'}>
      <IconButton icon={direction === 'up' ? ArrowUpIcon : ArrowDownIcon} label={label} appearance="subtle" spacing="compact" onClick={onMove} testId={testId} aria-disabled={!enabled} />
    </Box>
  );
}

const CLOCK_COLOR = { danger: 'color.text.danger', warning: 'color.text.warning', information: 'color.text', neutral: 'color.text.subtle' } as const;

function ClockCell({ clock, testId }: { clock: BoardItem['clock']; testId: string }) {
  const t = useT();
  const now = useBoardNow();
  const { locale, timeZone } = useViewer();
  const view = itemClockView(clock, now, t, locale, timeZone);
  if (!view) {
    return (
      <Text size="small" color="color.text.subtlest" testId={testId}>
        {t('board.item.noClock')}
      </Text>
    );
  }
  return (
    <Stack space="space.025" testId={testId}>
      <Text weight="semibold" color={CLOCK_COLOR[view.tone]} testId={`${testId}-text`}>
        {view.text}
      </Text>
      <Text size="small" color="color.text.subtle">
        {view.detail}
      </Text>
    </Stack>
  );
}

const scoreButton: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  minWidth: '3.5rem',
  padding: `${token('space.025')} ${token('space.100')}`,
  borderRadius: token('radius.full', '999px'),
  border: `${token('border.width')} solid ${token('color.border')}`,
  background: token('color.background.neutral'),
  color: token('color.text'),
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  cursor: 'help',
};
const reasonList = xcss({ margin: 'space.0', paddingInlineStart: 'space.200' });

/** The score; its explanation shows on hover and on keyboard focus (the tooltip also describes it to readers). */
function ScoreBadge({ item, testId }: { item: BoardItem; testId: string }) {
  const t = useT();
  const { locale } = useViewer();
  const why = explainScore(item, t, locale);
  const content = (
    <Stack space="space.075" testId={`${testId}-why`}>
      <Text weight="semibold" color="inherit">
        {t('board.score.total', { total: why.total })}
      </Text>
      <Box as="ul" xcss={reasonList}>
        {why.reasons.map((reason, index) => (
          <li key={index}>
            <Text size="small" color="inherit">
              {reason}
            </Text>
          </li>
        ))}
      </Box>
      <Text size="small" color="inherit">
        {`${t('board.score.place')}: ${why.placement}`}
      </Text>
    </Stack>
  );
  return (
    <Tooltip content={content} position="left" testId={`${testId}-tooltip`}>
      {({ testId: _tooltipTestId, ...trigger }) => (
        <button type="button" {...trigger} aria-label={t('board.score.label', { total: why.total })} data-testid={testId} style={scoreButton}>
          {why.total}
        </button>
      )}
    </Tooltip>
  );
}
