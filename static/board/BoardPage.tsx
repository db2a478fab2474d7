// The priority board: a lane per customer (ranked, re-rankable by hand) and the team's next work across
// customers, with filters kept in the URL. A customer's contact sees their company's lane only, read-only.
import Button from '@atlaskit/button/new';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import { monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import VisuallyHidden from '@atlaskit/visually-hidden';
import { showFlag } from '@forge/bridge';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { BoardItem, BoardLane, BoardRequest, BoardView } from '@contract/board';
import { callResolver } from '../shared/api';
import { formatTime } from '../shared/locale';
import { useT } from '../shared/texts';
import { openSettings } from '../issue-panel/SlaSection';
import { useNow } from '../issue-panel/useNow';
import { anyTicking } from './board-clock';
import { NowContext, useViewer } from './board-context';
import { activeFilterCount, filtersFor, narrowsLanes, type BoardLocation, type BoardTab } from './board-filters';
import { customerOfItems, emptyChoices, gatherChoices, type FilterChoices } from './board-merge';
import { laneAfterAnswer, planMove, withOrder } from './board-order';
import { BoardFilters } from './BoardFilters';
import { DRAG_KIND, ItemRow } from './ItemRow';
import { Lane, type LaneActions } from './Lane';
import { useBoard } from './useBoard';
import { useBoardLocation, type BoardHistory } from './useBoardLocation';

const page = xcss({ maxWidth: '1440px', minWidth: '0', padding: 'space.200' });
const fullWidth = xcss({ width: '100%' });
const listBox = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.large',
  overflow: 'hidden',
});

/** After moves, ask for the whole board again this long after the last one (the team's list may change). */
const REFRESH_AFTER_MOVE_MS = 1_500;

let flagSequence = 0;
function flagError(title: string, description: string): void {
  flagSequence += 1;
  try {
    void showFlag({ id: `service-board-${flagSequence}`, title, description, type: 'error', isAutoDismiss: true });
  } catch (error) {
    console.error('Service Manager: the flag could not be shown', error);
  }
}

export function BoardPage({ history }: { history: BoardHistory | null }) {
  const t = useT();
  const viewer = useViewer();
  const [location, navigate] = useBoardLocation(history);
  const [contact, setContact] = useState(false);
  const filters = useMemo(() => filtersFor(contact ? 'contact' : 'staff', location.filters), [contact, location.filters]);
  const board = useBoard(filters);
  const { state } = board;
  const view = state.kind === 'ready' ? state.view : null;
  const [choices, setChoices] = useState<FilterChoices>(emptyChoices);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!view) return;
    setContact(view.viewer.kind === 'contact');
    setChoices((current) => gatherChoices(current, view));
  }, [view]);

  // Moves and undos read the board as shown now, and one lane takes one move at a time.
  const viewRef = useRef<BoardView | null>(view);
  viewRef.current = view;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const busy = useRef(new Set<string>());
  /** When an undo takes its own button away (nothing left to undo), focus goes on to the item's Move up button. */
  const focusNext = useRef<string | null>(null);
  useLayoutEffect(() => {
    const testId = focusNext.current;
    if (!testId) return;
    if (document.activeElement && document.activeElement !== document.body) {
      focusNext.current = null;
      return;
    }
    const element = document.querySelector(`[data-testid="${testId}"]`);
    if (element instanceof HTMLElement) {
      focusNext.current = null;
      element.focus({ preventScroll: true });
    }
  }, [view]);
  const refreshTimer = useRef<number | undefined>(undefined);
  const { setLane, reload, hold } = board;

  const refreshSoon = useCallback(() => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => void reload('background'), REFRESH_AFTER_MOVE_MS);
  }, [reload]);
  useEffect(() => () => window.clearTimeout(refreshTimer.current), []);

  // A drag holds refreshes back until the drop (the drop's own move is applied first).
  useEffect(
    () =>
      monitorForElements({
        canMonitor: ({ source }) => source.data.kind === DRAG_KIND,
        onDragStart: () => hold(true),
        onDrop: () => queueMicrotask(() => hold(false)),
      }),
    [hold],
  );

  const announcePlace = useCallback(
    (textKey: 'board.move.moved' | 'board.move.undone', lane: BoardLane, item: BoardItem) => {
      const index = lane.items.findIndex((i) => i.issueId === item.issueId);
      setAnnouncement(t(textKey, { key: item.key, position: index + 1, count: lane.items.length, customer: lane.customer.name }));
    },
    [t],
  );

  const laneActions = useMemo<LaneActions>(() => {
    const laneOf = (customerKey: string) => viewRef.current?.lanes.find((l) => l.customer.key === customerKey);
    return {
      move: (customerKey: string, issueId: string, index: number) => {
        const lane = laneOf(customerKey);
        const item = lane?.items.find((i) => i.issueId === issueId);
        if (!lane || !item || busy.current.has(customerKey)) return;
        const plan = planMove(lane.items, issueId, index);
        if (!plan) return;
        busy.current.add(customerKey);
        setLane(withOrder(lane, plan.items));
        void callResolver('moveBoardItem', { customerKey, issueId, after: plan.after }).then((result) => {
          busy.current.delete(customerKey);
          if (result.ok) {
            const next = laneAfterAnswer(lane, result.data, narrowsLanes(filtersRef.current));
            setLane(next);
            announcePlace('board.move.moved', next, item);
            refreshSoon();
          } else {
            setLane(lane);
            setAnnouncement(t('board.move.failed', { key: item.key }));
            flagError(t('board.move.failedTitle'), result.error.message);
          }
        });
      },
      undo: (customerKey: string, issueId: string) => {
        const lane = laneOf(customerKey);
        const item = lane?.items.find((i) => i.issueId === issueId);
        if (!lane || !item || busy.current.has(customerKey)) return;
        busy.current.add(customerKey);
        void callResolver('undoBoardMove', { customerKey, issueId }).then((result) => {
          busy.current.delete(customerKey);
          if (result.ok) {
            const next = laneAfterAnswer(lane, result.data, narrowsLanes(filtersRef.current));
            focusNext.current = `board-item-${item.key}-up`;
            setLane(next);
            announcePlace('board.move.undone', next, item);
            refreshSoon();
          } else {
            flagError(t('board.move.undoFailedTitle'), result.error.message);
          }
        });
      },
      blocked: (item: BoardItem, direction: -1 | 1) => {
        setAnnouncement(t(direction < 0 ? 'board.move.cannotUp' : 'board.move.cannotDown', { key: item.key }));
      },
    };
  }, [setLane, announcePlace, refreshSoon, t]);

  const shownItems = useMemo(() => (view ? [...view.lanes.flatMap((l) => l.items), ...view.next] : []), [view]);
  const now = useNow(anyTicking(shownItems));

  const setFilters = (next: BoardRequest) => navigate({ filters: next, tab: location.tab });
  const setTab = (tab: BoardTab) => navigate({ filters: location.filters, tab } satisfies BoardLocation);

  if (state.kind === 'loading') {
    return (
      <Box padding="space.400" testId="board-loading">
        <Spinner label={t('common.loading')} />
      </Box>
    );
  }
  if (state.kind === 'failed') {
    return (
      <Box padding="space.300">
        <SectionMessage appearance="error" title={t('board.loadError.title')} testId="board-error">
          <Stack space="space.100">
            <Text>{state.error.message}</Text>
            <Inline>
              <Button onClick={() => void reload('full')}>{t('common.retry')}</Button>
            </Inline>
          </Stack>
        </SectionMessage>
      </Box>
    );
  }

  const boardView = state.view;
  const isContact = boardView.viewer.kind === 'contact';
  const narrowed = narrowsLanes(filters);
  const lanes = narrowed ? boardView.lanes.filter((l) => l.items.length > 0) : boardView.lanes;
  const filterCount = activeFilterCount(filters);
  const actions = isContact ? undefined : laneActions;
  /** Nothing to filter or rank yet: the page only says where customers are set up. */
  const noCustomers = !isContact && boardView.lanes.length === 0 && filterCount === 0;

  const empty =
    lanes.length > 0 ? null : isContact ? (
      <SectionMessage appearance="information" title={t('board.empty.contact.title')} testId="board-empty-contact">
        <Text>{t('board.empty.contact.text')}</Text>
      </SectionMessage>
    ) : filterCount > 0 ? (
      <SectionMessage
        appearance="information"
        title={t('board.empty.filters.title')}
        testId="board-empty-filters"
        actions={[
          <SectionMessageAction key="clear" onClick={() => setFilters({})} testId="board-empty-filters-clear">
            {t('board.filters.clear')}
          </SectionMessageAction>,
        ]}
      >
        <Text>{t('board.empty.filters.text')}</Text>
      </SectionMessage>
    ) : (
      <SectionMessage
        appearance="information"
        title={t('board.empty.customers.title')}
        testId="board-empty-customers"
        actions={[
          <SectionMessageAction key="settings" onClick={openSettings} testId="board-empty-customers-settings">
            {t('board.empty.customers.action')}
          </SectionMessageAction>,
        ]}
      >
        <Text>{t('board.empty.customers.text')}</Text>
      </SectionMessage>
    );

  const laneList = (
    <Stack space="space.300" testId="board-lanes">
      {empty}
      {lanes.map((lane) => (
        <Lane key={lane.customer.key} lane={lane} actions={actions} filtered={narrowed} onShowAll={isContact ? undefined : (customerKey) => setFilters({ ...filters, customerKey })} />
      ))}
    </Stack>
  );

  return (
    <NowContext.Provider value={now}>
      <Box xcss={page} testId="board" data-viewer={boardView.viewer.kind} data-loading={state.loading ? 'true' : 'false'}>
        <Stack space="space.200">
          {/* The host shows the page's title above the app; the heading is for screen readers' outline. */}
          <VisuallyHidden>
            <h1>{t('board.title')}</h1>
          </VisuallyHidden>
          <Inline space="space.200" alignBlock="center" spread="space-between" shouldWrap>
            {noCustomers ? <span /> : <BoardFilters filters={filters} choices={choices} contact={isContact} onChange={setFilters} />}
            <Inline space="space.100" alignBlock="center">
              {state.loading ? <Spinner size="small" label={t('common.loading')} /> : null}
              <Text size="small" color="color.text.subtle" testId="board-updated">
                {t('board.updated', { time: formatTime(new Date(state.receivedAt).toISOString(), viewer.locale, viewer.timeZone) })}
              </Text>
              <Button appearance="subtle" iconBefore={RefreshIcon} onClick={() => void reload('background')} testId="board-refresh">
                {t('board.refresh')}
              </Button>
            </Inline>
          </Inline>
          {isContact && boardView.lanes[0] ? (
            <Text color="color.text.subtle" testId="board-contact-note">
              {t('board.contactNote', { customer: boardView.lanes[0].customer.name })}
            </Text>
          ) : null}
          {isContact || noCustomers ? (
            laneList
          ) : (
            <Tabs id="board-tabs" selected={location.tab === 'next' ? 1 : 0} onChange={(index) => setTab(index === 1 ? 'next' : 'lanes')} testId="board-tabs">
              <TabList>
                <Tab testId="board-tab-lanes">{t('board.tabs.lanes')}</Tab>
                <Tab testId="board-tab-next">{t('board.tabs.next')}</Tab>
              </TabList>
              <TabPanel testId="board-panel-lanes">
                <Box paddingBlockStart="space.200" xcss={fullWidth}>
                <Stack space="space.150">
                  {lanes.length > 0 ? (
                    <Text size="small" color="color.text.subtle" testId="board-move-hint">
                      {t('board.moveHint')}
                    </Text>
                  ) : null}
                  {laneList}
                </Stack>
                </Box>
              </TabPanel>
              <TabPanel testId="board-panel-next">
                <Box paddingBlockStart="space.200" xcss={fullWidth}>
                  <NextList view={boardView} />
                </Box>
              </TabPanel>
            </Tabs>
          )}
        </Stack>
        <VisuallyHidden>
          <div role="status" aria-live="polite" data-testid="board-announce">
            {announcement}
          </div>
        </VisuallyHidden>
      </Box>
    </NowContext.Provider>
  );
}

/** The team's next work across customers, in order, read-only (the order is changed in the lanes). */
function NextList({ view }: { view: BoardView }) {
  const t = useT();
  const customers = useMemo(() => customerOfItems(view), [view]);
  return (
    <Stack space="space.150" testId="board-next">
      <Text size="small" color="color.text.subtle">
        {t('board.next.intro')}
      </Text>
      {view.next.length === 0 ? (
        <Box testId="board-empty-next">
          <Text color="color.text.subtle">{t('board.next.empty')}</Text>
        </Box>
      ) : (
        <Box xcss={listBox}>
          <Stack role="list" aria-label={t('board.tabs.next')}>
            {view.next.map((item, index) => (
              <ItemRow key={item.issueId} item={item} position={index + 1} testId={`board-next-item-${item.key}`} customerName={customers.get(item.issueId)?.name} />
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
