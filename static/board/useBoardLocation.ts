// The board's filters and tab, kept in the page's URL through Forge's history (`view.createHistory()`): a
// change is a new history entry, so Back goes to the previous view and a copied link opens the same view.
import { useCallback, useEffect, useState } from 'react';
import { boardSearch, parseBoardSearch, type BoardLocation } from './board-filters';

/** The part of Forge's history the board uses (history v4 and v5 listeners both work). */
export interface BoardHistory {
  location: { pathname?: string; search?: string };
  push(path: string): void;
  listen(listener: (update: unknown) => void): () => void;
}

/** The search string of a history listener's argument: a location (v4) or `{ location }` (v5). */
export function searchOf(update: unknown): string {
  if (!update || typeof update !== 'object') return '';
  const location = 'location' in update && update.location && typeof update.location === 'object' ? update.location : update;
  const search = (location as { search?: unknown }).search;
  return typeof search === 'string' ? search : '';
}

export function useBoardLocation(history: BoardHistory | null): [BoardLocation, (next: BoardLocation) => void] {
  const [location, setLocation] = useState<BoardLocation>(() => parseBoardSearch(history?.location.search ?? ''));

  useEffect(() => {
    if (!history) return undefined;
    return history.listen((update) => {
      const next = parseBoardSearch(searchOf(update));
      setLocation((current) => (boardSearch(current) === boardSearch(next) ? current : next));
    });
  }, [history]);

  const navigate = useCallback(
    (next: BoardLocation) => {
      setLocation(next);
      if (!history) return;
      const search = boardSearch(next);
      if (search === (history.location.search ?? '')) return;
      try {
        history.push(`${history.location.pathname || '/'}${search}`);
      } catch (error) {
        console.error('Service Manager: the filters could not be kept in the URL', error);
      }
    },
    [history],
  );

  return [location, navigate];
}
