/** Aptic's error body: RFC 7807 problem details, as the gateway's reference shows for every error. */
import type { BodyIssue } from '../http/validate-body';
import { json, type Reply } from '../http/reply';

const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
  401: 'https://tools.ietf.org/html/rfc7235#section-3.1',
  404: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
  405: 'https://tools.ietf.org/html/rfc7231#section-6.5.5',
  409: 'https://tools.ietf.org/html/rfc7231#section-6.5.8',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc7231#section-6.6.1',
  502: 'https://tools.ietf.org/html/rfc7231#section-6.6.3',
  503: 'https://tools.ietf.org/html/rfc7231#section-6.6.4',
};

export function problem(status: number, title: string, detail: string, instance: string, issues?: readonly BodyIssue[]): Reply {
  const body: Record<string, unknown> = { type: TYPES[status] ?? 'about:blank', title, status, detail, instance };
  if (issues && issues.length > 0) body.errors = Object.fromEntries(issues.map((issue) => [issue.path || '$', [issue.message]]));
  return json(status, body, { 'content-type': 'application/problem+json; charset=utf-8' });
}
