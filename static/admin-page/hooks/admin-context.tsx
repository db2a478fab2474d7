// What every tab reads: the loaded configuration and Jira catalog, the viewer, and `call`, the one way to reach
// the backend from the page (a FORBIDDEN answer from any resolver replaces the whole page).
import { createContext, useContext } from 'react';
import type { AdminConfig, JiraCatalog } from '@contract/admin';
import type { RequestOf, ResolverName, ResponseOf } from '@contract/resolvers';
import type { ResolverResult } from '@contract/result';
import type { Viewer } from '../state/format';

export type Call = <N extends ResolverName>(name: N, request: RequestOf<N>) => Promise<ResolverResult<ResponseOf<N>>>;

export interface Admin {
  viewer: Viewer;
  config: AdminConfig;
  catalog: JiraCatalog;
  call: Call;
  /** Applies a saved or deleted record to the loaded configuration. */
  update: (change: (config: AdminConfig) => AdminConfig) => void;
  /** Replaces the page with the "admins only" message (a FORBIDDEN answer seen elsewhere, e.g. in a modal). */
  forbid: () => void;
  /** Loads the configuration again (quietly); false when that failed. */
  reload: () => Promise<boolean>;
}

export const AdminContext = createContext<Admin | null>(null);

export function useAdmin(): Admin {
  const admin = useContext(AdminContext);
  if (!admin) throw new Error('useAdmin() is used outside the admin page.');
  return admin;
}
