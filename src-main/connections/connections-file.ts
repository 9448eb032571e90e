import { z } from 'zod';
import { connectionIdSchema, connectionSchema, type Connection } from '../../src-shared/domain/connection';
import { providerIds } from '../../src-shared/domain/provider';
import type { ConnectionsWarning, EntryProblem, SetAsideEntry } from '../../src-shared/rpc/connections-warning';

export const connectionsFileName = 'connections.json';
export const fileVersion = 1;

/** An entry this version cannot use: kept in the file as it was, and reported. */
export interface SetAside {
  raw: unknown;
  /** Its id when it has a string one: the keychain entry that must not be swept away. */
  id: string | undefined;
  warning: ConnectionsWarning & { kind: 'entry_set_aside' };
}

export type FileReading =
  | { ok: true; version: number; connections: Connection[]; setAside: SetAside[]; trailing: boolean }
  | { ok: false; why: 'not_json' | 'wrong_shape'; detail: string };

const envelopeSchema = z.object({ version: z.number().int().min(1), connections: z.array(z.unknown()) });

/**
 * Reads connections.json entry by entry: one bad entry is set aside, never the whole file. A
 * byte-order mark is skipped; content after the JSON is ignored (`trailing`), so the caller can
 * keep the original aside. A newer version is read too: its `version` tells the caller not to
 * write over it.
 */
export function readConnectionsFile(text: string): FileReading {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const json = parseLeadingJson(body);
  if (!json) return { ok: false, why: 'not_json', detail: 'it is not valid JSON' };
  const envelope = envelopeSchema.safeParse(json.value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return { ok: false, why: 'wrong_shape', detail: `${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'unexpected content'}` };
  }
  const connections: Connection[] = [];
  const setAside: SetAside[] = [];
  const seen = new Set<string>();
  envelope.data.connections.forEach((raw, index) => {
    const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    const entry: SetAsideEntry = { position: index + 1 };
    if (typeof record?.['id'] === 'string') entry.id = record['id'];
    if (typeof record?.['label'] === 'string') entry.label = record['label'];
    const problem = entryProblem(record, seen);
    if (problem) {
      setAside.push({ raw, id: entry.id, warning: setAsideWarning(entry, problem.problem, problem.field, problem.detail) });
      return;
    }
    const connection = connectionSchema.parse(record);
    seen.add(connection.id);
    connections.push(connection);
  });
  return { ok: true, version: envelope.data.version, connections, setAside, trailing: json.trailing };
}

/** The file with the set-aside entries back where they were, so their positions (and warnings) stay. */
export function connectionsFileText(connections: readonly Connection[], setAside: readonly SetAside[]): string {
  const entries: unknown[] = [...connections];
  for (const entry of setAside) entries.splice(entry.warning.entry.position - 1, 0, entry.raw);
  return `${JSON.stringify({ version: fileVersion, connections: entries }, null, 2)}\n`;
}

interface Problem {
  problem: EntryProblem;
  field?: string;
  detail: string;
}

function entryProblem(record: Record<string, unknown> | undefined, seen: ReadonlySet<string>): Problem | undefined {
  if (!record) return { problem: 'not_an_object', detail: 'it is not an object' };
  if (!connectionIdSchema.safeParse(record['id']).success) {
    return { problem: 'bad_id', field: 'id', detail: 'its id, which names its secret in the keychain, is missing or malformed' };
  }
  if (seen.has(record['id'] as string)) return { problem: 'duplicate_id', field: 'id', detail: 'an earlier connection has the same id' };
  if (!(providerIds as readonly unknown[]).includes(record['provider'])) {
    return { problem: 'unknown_provider', field: 'provider', detail: `this version knows no provider "${String(record['provider'])}"` };
  }
  const parsed = connectionSchema.safeParse(record);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const field = [...issue.path, ...issue.keys].join('.');
    return { problem: 'unexpected_field', field, detail: `it has a field this version does not know: ${field}` };
  }
  const field = issue?.path.join('.') || undefined;
  return { problem: 'invalid_value', field, detail: `${field ?? 'a value'}: ${issue?.message ?? 'invalid'}` };
}

function setAsideWarning(entry: SetAsideEntry, problem: EntryProblem, field: string | undefined, detail: string): SetAside['warning'] {
  const name = entry.label ?? entry.id ?? 'no name';
  return {
    kind: 'entry_set_aside',
    entry,
    problem,
    ...(field === undefined ? {} : { field }),
    message: `Connection ${entry.position} in ${connectionsFileName} (“${name}”) was set aside: ${detail}. ` +
      'It stays in the file; fix it there or remove it, and the other connections work meanwhile.',
  };
}

/** The file's JSON value, also when something follows it (which a crash or an editor can leave). */
function parseLeadingJson(text: string): { value: unknown; trailing: boolean } | undefined {
  try {
    return { value: JSON.parse(text), trailing: false };
  } catch {
    const end = endOfFirstValue(text);
    if (end === undefined) return undefined;
    try {
      return { value: JSON.parse(text.slice(0, end)), trailing: true };
    } catch {
      return undefined;
    }
  }
}

/** Where the leading `{…}` closes, counting braces outside strings. */
function endOfFirstValue(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return undefined;
    }
  }
  return undefined;
}
