/**
 * Vettig and Confirma publish no error body, only status codes and phrases ("401 Invalid API key",
 * "404 Record not found"). The sandbox answers with the smallest body that carries the phrase:
 * { "message": string, "errors"?: [{ "path", "message" }] } (errors only for validation failures).
 */
import type { BodyIssue } from './validate-body';
import { json, type Reply } from './reply';

export function simpleJsonError(status: number, message: string, errors?: readonly BodyIssue[], headers: Record<string, string> = {}): Reply {
  return json(status, errors && errors.length > 0 ? { message, errors } : { message }, headers);
}
