// The month and customer kept in the page's URL through Forge's history (`view.createHistory()`), as the board
// keeps its filters: a change is a new history entry, so Back goes to the previous view and a copied link opens
// the same month and customer. A URL without a month is given the default month in place (no extra entry).
import { useCallback, useEffect, useState } from 'react';
import { searchOf } from '../board/useBoardLocation';
import { billingSearch, parseBillingSearch, type BillingLocation } from './billing-location';

/** The part of Forge's history the page uses (history v4 and v5 listeners both work). */
export interface BillingHistory {
  location: { pathname?: string; search?: string };
  push(path: string): void;
  replace?(path: string): void;
  listen(listener: (update: unknown) => void): () => void;
}

/** The shown view: the URL's, with the default month where it names none. */
export interface ShownLocation {
  month: string;
  customerKey: string | null;
}

export function useBillingLocation(history: BillingHistory | null, fallbackMonth: string): [ShownLocation, (next: ShownLocation) => void] {
  const [location, setLocation] = useState<BillingLocation>(() => parseBillingSearch(history?.location.search ?? ''));

  useEffect(() => {
    if (!history) return undefined;
    return history.listen((update) => {
      const next = parseBillingSearch(searchOf(update));
      setLocation((current) => (billingSearch(current) === billingSearch(next) ? current : next));
    });
  }, [history]);

  const write = useCallback(
    (next: BillingLocation, how: 'push' | 'replace') => {
      if (!history) return;
      const search = billingSearch(next);
      if (search === (history.location.search ?? '')) return;
      const path = `${history.location.pathname || '/'}${search}`;
      try {
        if (how === 'replace' && history.replace) history.replace(path);
        else history.push(path);
      } catch (error) {
        console.error('Service Manager: the month and customer could not be kept in the URL', error);
      }
    },
    [history],
  );

  // A link without a month is the default month: say so in the URL, so copying it keeps the month.
  useEffect(() => {
    if (location.month === null) write({ ...location, month: fallbackMonth }, 'replace');
  }, [location, fallbackMonth, write]);

  const navigate = useCallback(
    (next: ShownLocation) => {
      setLocation(next);
      write(next, 'push');
    },
    [write],
  );

  return [{ month: location.month ?? fallbackMonth, customerKey: location.customerKey }, navigate];
}
