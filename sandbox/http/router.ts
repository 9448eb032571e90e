/**
 * A route table matched segment by segment. Literal segments match case-insensitively (Aptic's
 * gateway is ASP.NET, where /v1/invoices and /v1/Invoices are the same); `:name` captures.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './reply';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestContext {
  method: Method;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Raw body text ('' for GET). */
  bodyText: string;
  contentType: string;
  /** The credential the request authenticated with (token, API key), when the route needs one. */
  credential: string | null;
}

export interface Route {
  method: Method;
  pattern: string;
  /** Public routes (token endpoints, renew) skip bearer authentication and faults. */
  public?: boolean;
  handle(context: RequestContext): Reply | Promise<Reply>;
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { route: null; pathKnown: boolean };

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w.toLowerCase() !== h.toLowerCase()) return null;
  }
  return params;
}

/** Literal routes win over parameter routes (/invoices/draft before /invoices/:id). */
function specificity(pattern: string): number {
  return pattern.split('/').filter((segment) => segment !== '' && !segment.startsWith(':')).length;
}

export function createRouter(routes: readonly Route[]): (method: string, path: string) => RouteMatch {
  const ordered = [...routes].sort((a, b) => specificity(b.pattern) - specificity(a.pattern));
  return (method, path) => {
    let pathKnown = false;
    for (const route of ordered) {
      const params = matchPattern(route.pattern, path);
      if (!params) continue;
      if (route.method === method) return { route, params };
      pathKnown = true;
    }
    return { route: null, pathKnown };
  };
}
