/** Parses a JSON request body against a zod schema; each provider renders the issues in its own error shape. */
import type { z } from 'zod';
import { decodeJson } from './request-body';

export interface BodyIssue {
  /** Dotted path into the body ("invoice.header.number"), '' for the body itself. */
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: BodyIssue[] };

export function validateJsonBody<S extends z.ZodType>(schema: S, bodyText: string): Validated<z.infer<S>> {
  const decoded = decodeJson(bodyText);
  if (!decoded.ok) return { ok: false, issues: [{ path: '', message: decoded.message }] };
  const result = schema.safeParse(decoded.value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

export function describeIssues(issues: readonly BodyIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}
