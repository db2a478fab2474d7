// Matches a request to an operation of the OpenAPI document (`METHOD /rest/api/3/...{param}`). Literal segments win
// over parameters (`/project/search` before `/project/{projectIdOrKey}`).
import type { RequestContext, RouteResult } from './context';

export type Handler = (ctx: RequestContext) => RouteResult;

export interface Route {
  method: string;
  template: string;
  handler: Handler;
  /** Answers without credentials (serverInfo). */
  anonymous?: boolean;
}

interface Compiled extends Route {
  segments: string[];
  paramCount: number;
}

export type Match =
  | { kind: 'found'; route: Route; params: Record<string, string>; key: string }
  | { kind: 'wrongMethod'; allowed: string[]; key: string }
  | { kind: 'none' };

export class Router {
  private readonly routes: Compiled[];

  constructor(routes: Route[]) {
    this.routes = routes
      .map((r) => {
        const segments = r.template.split('/').filter((s) => s.length > 0);
        return { ...r, segments, paramCount: segments.filter((s) => s.startsWith('{')).length };
      })
      .sort((a, b) => a.paramCount - b.paramCount);
  }

  match(method: string, pathname: string): Match {
    const parts = pathname.split('/').filter((s) => s.length > 0);
    const allowed: string[] = [];
    let template: string | undefined;
    for (const r of this.routes) {
      const params = matchSegments(r.segments, parts);
      if (!params) continue;
      if (template !== undefined && template !== r.template) continue;
      template = r.template;
      if (r.method === method) return { kind: 'found', route: r, params, key: `${r.method} ${r.template}` };
      allowed.push(r.method);
    }
    if (template !== undefined) return { kind: 'wrongMethod', allowed, key: `${method} ${template}` };
    return { kind: 'none' };
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as string;
    const p = parts[i] as string;
    if (s.startsWith('{')) {
      let value: string;
      try {
        value = decodeURIComponent(p);
      } catch {
        return null;
      }
      params[s.slice(1, -1)] = value;
    } else if (s !== p) {
      return null;
    }
  }
  return params;
}
