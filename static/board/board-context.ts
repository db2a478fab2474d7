// What every part of the board reads without it being passed down: who looks (locale and zone, from Forge's
// context) and the browser's clock for the countdowns (its own context, so only the clocks redraw each second).
import { createContext, useContext } from 'react';

/** The person looking: their Jira locale (as `Intl` reads it) and time zone. */
export interface Viewer {
  locale: string;
  timeZone: string;
}

export const ViewerContext = createContext<Viewer>({ locale: 'en-US', timeZone: 'UTC' });
export const useViewer = (): Viewer => useContext(ViewerContext);

export const NowContext = createContext<number>(0);
export const useBoardNow = (): number => useContext(NowContext);
