// Resolver names and their request/response types: the single contract between static/ and src/resolvers/.
import type { IssuePanelRequest, IssuePanelView } from './issue-panel';

export interface ResolverContract {
  getIssuePanel: { request: IssuePanelRequest; response: IssuePanelView };
}

export type ResolverName = keyof ResolverContract;
export type RequestOf<N extends ResolverName> = ResolverContract[N]['request'];
export type ResponseOf<N extends ResolverName> = ResolverContract[N]['response'];
