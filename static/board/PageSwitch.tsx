// The app's global page holds two pages (manifest `pages`): the priority board and billable hours. Jira lists
// them beside the page and keeps the route in its URL; the path of the page's history says which one to show.
import { useEffect, useState } from 'react';
import { BillingPage } from '../billing/BillingPage';
import { ViewerContext as BillingViewer } from '../billing/billing-context';
import type { BillingHistory } from '../billing/useBillingLocation';
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
  const [page, setPage] = useState(pageOf(history?.location.pathname));
  useEffect(() => history?.listen((update) => setPage(pageOf(pathnameOf(update)))), [history]);
  return page === 'billing' ? (
    <BillingViewer.Provider value={viewer}>
      <BillingPage history={history} />
    </BillingViewer.Provider>
  ) : (
    <BoardViewer.Provider value={viewer}>
      <BoardPage history={history} />
    </BoardViewer.Provider>
  );
}
