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

/** A pattern split once: each segment a literal (lower-cased) or a `:name` capture. */
interface CompiledRoute {
  route: Route;
  segments: Array<{ literal: string } | { param: string }>;
}

function compile(route: Route): CompiledRoute {
  const segments = route.pattern
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? { param: segment.slice(1) } : { literal: segment.toLowerCase() }));
  return { route, segments };
}

function matchSegments(compiled: CompiledRoute, have: readonly string[]): Record<string, string> | null {
  const { segments } = compiled;
  if (segments.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const want = segments[i]!;
    const segment = have[i]!;
    if ('param' in want) params[want.param] = decodeURIComponent(segment);
    else if (want.literal !== segment.toLowerCase()) return null;
  }
  return params;
}

/** Literal routes win over parameter routes (/invoices/draft before /invoices/:id). */
function specificity(pattern: string): number {
  return pattern.split('/').filter((segment) => segment !== '' && !segment.startsWith(':')).length;
}

/** Patterns are split once, each path once per request: the sandbox answers every call of a benchmark through this. */
export function createRouter(routes: readonly Route[]): (method: string, path: string) => RouteMatch {
  const ordered = [...routes].sort((a, b) => specificity(b.pattern) - specificity(a.pattern)).map(compile);
  return (method, path) => {
    const have = path.split('/').filter(Boolean);
    let pathKnown = false;
    for (const compiled of ordered) {
      const params = matchSegments(compiled, have);
      if (!params) continue;
      if (compiled.route.method === method) return { route: compiled.route, params };
      pathKnown = true;
    }
    return { route: null, pathKnown };
  };
}
