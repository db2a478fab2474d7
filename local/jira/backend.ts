// The seam between the local Forge runtime and whatever answers Jira REST calls (the emulator, or a test fake).

/** Who a Jira call runs as. `app` = asApp(); `user` = asUser() or a signed-in person; `anonymous` = no credentials. */
export type JiraPrincipal = { kind: 'app' } | { kind: 'user'; accountId: string } | { kind: 'anonymous' };

export interface JiraRequest {
  method: string;
  /** Path and query string exactly as sent, e.g. `/rest/api/3/search/jql?jql=project%20%3D%20SUP`. */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body?: string;
  principal: JiraPrincipal;
  /** True when the call comes from the app's own code: product events it causes carry `selfGenerated: true`. */
  fromApp: boolean;
}

export interface JiraResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface JiraBackend {
  handle(req: JiraRequest): Promise<JiraResponse>;
}

/** A Forge product event as delivered to a `trigger` handler (shapes per Atlassian's events reference). */
export interface ProductEvent {
  eventType: string;
  atlassianId?: string;
  selfGenerated: boolean;
  [field: string]: unknown;
}

export type ProductEventListener = (event: ProductEvent) => void;
