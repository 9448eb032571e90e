/**
 * Flowtly's errors in API Platform's form: application/problem+json with the hydra aliases, and
 * ConstraintViolationList (422) for bodies that fail validation. Flowtly publishes no error format;
 * this is what an API Platform application answers by default.
 */
import type { BodyIssue } from '../http/validate-body';
import { json, type Reply } from '../http/reply';

const PROBLEM_JSON = { 'content-type': 'application/problem+json; charset=utf-8' };

export function flowtlyProblem(status: number, detail: string, headers: Record<string, string> = {}): Reply {
  return json(
    status,
    {
      '@context': '/contexts/Error',
      '@id': `/errors/${status}`,
      '@type': 'hydra:Error',
      type: `/errors/${status}`,
      title: 'An error occurred',
      detail,
      status,
      'hydra:title': 'An error occurred',
      'hydra:description': detail,
    },
    { ...PROBLEM_JSON, ...headers },
  );
}

export function flowtlyViolations(issues: readonly BodyIssue[]): Reply {
  const detail = issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
  return json(
    422,
    {
      '@context': '/contexts/ConstraintViolationList',
      '@id': '/validation_errors/sandbox',
      '@type': 'ConstraintViolationList',
      type: '/validation_errors/sandbox',
      title: 'An error occurred',
      detail,
      status: 422,
      violations: issues.map((issue) => ({ propertyPath: issue.path, message: issue.message, code: null })),
      'hydra:title': 'An error occurred',
      'hydra:description': detail,
    },
    PROBLEM_JSON,
  );
}
