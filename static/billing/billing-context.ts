// What every part of the billing page reads without it being passed down: who looks (locale and zone, from
// Forge's context).
import { createContext, useContext } from 'react';

/** The person looking: their Jira locale (as `Intl` reads it) and time zone. */
export interface Viewer {
  locale: string;
  timeZone: string;
}

export const ViewerContext = createContext<Viewer>({ locale: 'en-US', timeZone: 'UTC' });
export const useViewer = (): Viewer => useContext(ViewerContext);
