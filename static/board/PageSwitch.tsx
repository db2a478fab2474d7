// The app's global page holds two pages (manifest `pages`): the priority board and billable hours. Forge shows
// them in Jira's sidebar; the tabs here do the same inside the page, and the path in the page's URL says which.
import { Box, Inline } from '@atlaskit/primitives';
import Button from '@atlaskit/button/new';
import { useEffect, useState } from 'react';
import { BillingPage } from '../billing/BillingPage';
import { ViewerContext as BillingViewer } from '../billing/billing-context';
import type { BillingHistory } from '../billing/useBillingLocation';
import { useT } from '../shared/texts';
import { ViewerContext as BoardViewer } from './board-context';
import { BoardPage } from './BoardPage';
import type { BoardHistory } from './useBoardLocation';

type PageHistory = BoardHistory & BillingHistory;

const pageOf = (pathname: string | undefined): 'board' | 'billing' => (pathname?.startsWith('/billing') ? 'billing' : 'board');
const pathnameOf = (update: unknown): string | undefined => {
  const u = update as { pathname?: string; location?: { pathname?: string } } | undefined;
  return u?.location?.pathname ?? u?.pathname;
};

export function PageSwitch({ history, viewer }: { history: PageHistory | null; viewer: { locale: string; timeZone: string } }) {
  const t = useT();
  const [page, setPage] = useState(pageOf(history?.location.pathname));
  useEffect(() => history?.listen((update) => setPage(pageOf(pathnameOf(update)))), [history]);
  const go = (next: 'board' | 'billing') => {
    if (history) history.push(next === 'billing' ? '/billing' : '/board');
    setPage(next);
  };
  return (
    <>
      <Box paddingInline="space.200" paddingBlockStart="space.150">
        <Inline space="space.100" role="tablist">
          {(['board', 'billing'] as const).map((p) => (
            <Button key={p} appearance={page === p ? 'primary' : 'subtle'} onClick={() => go(p)} role="tab" aria-selected={page === p} testId={`page-tab-${p}`}>
              {t(p === 'board' ? 'modules.board.title' : 'modules.billing.title')}
            </Button>
          ))}
        </Inline>
      </Box>
      {page === 'billing' ? (
        <BillingViewer.Provider value={viewer}>
          <BillingPage history={history} />
        </BillingViewer.Provider>
      ) : (
        <BoardViewer.Provider value={viewer}>
          <BoardPage history={history} />
        </BoardViewer.Provider>
      )}
    </>
  );
}
