import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { z } from 'zod';

const fileSchema = z.object({ version: z.literal(1), connections: z.array(z.object({ id: z.string(), baseUrl: z.string() }).loose()) }).strict();
// Loose: main may bind more to an entry (the data folder it belongs to) than these checks read.
const entrySchema = z.object({ sendTo: z.string(), secret: z.record(z.string(), z.string()) }).loose();

/**
 * What a crash must never leave: connections.json that does not parse, a connection without its
 * secret, a secret without its connection, or a temp or part file. Keychain entries are judged
 * only when they point at this run's sandboxes (other tests share the keychain).
 */
/** Every account the keychain holds for Reskontra now. */
export async function keychainAccounts(): Promise<Set<string>> {
  return new Set((await keytar.findCredentials('Reskontra')).map(({ account }) => account));
}

/** `before`: the accounts there before the run (from other tests), never counted as its orphans. */
export async function dataFolderProblems(dataDir: string, sandboxOrigins: readonly string[], before: ReadonlySet<string>): Promise<string[]> {
  const problems: string[] = [];
  let connections: Array<{ id: string; baseUrl: string }> = [];
  try {
    connections = fileSchema.parse(JSON.parse(await readFile(join(dataDir, 'connections.json'), 'utf8'))).connections;
  } catch (error) {
    problems.push(`connections.json does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
  const ours = new Set<string>();
  for (const { account, password } of await keytar.findCredentials('Reskontra')) {
    const entry = entrySchema.safeParse(JSON.parse(password));
    if (!entry.success) continue;
    if (!before.has(account) && sandboxOrigins.some((origin) => entry.data.sendTo.includes(origin))) ours.add(account);
  }
  for (const connection of connections) {
    const stored = await keytar.getPassword('Reskontra', connection.id);
    const entry = stored === null ? null : entrySchema.safeParse(JSON.parse(stored));
    if (!entry?.success) problems.push(`connection ${connection.id} has no readable secret`);
    // sendTo is `[baseUrl, tokenPath]` as JSON (src-main/vault/bound-secret.ts).
    else if ((JSON.parse(entry.data.sendTo) as unknown[])[0] !== connection.baseUrl) problems.push(`connection ${connection.id}'s secret is bound to ${entry.data.sendTo}, not ${connection.baseUrl}`);
    ours.delete(connection.id);
  }
  for (const orphan of ours) problems.push(`keychain entry ${orphan} has no connection`);
  for (const name of await everyFile(dataDir)) {
    if (/\.part$|\.tmp-|\.tmp$/.test(name)) problems.push(`left behind: ${name}`);
  }
  const notes = await readdir(join(dataDir, 'exports-in-progress')).catch(() => []);
  if (notes.length > 0) problems.push(`export notes left behind: ${notes.join(', ')}`);
  return problems;
}

async function everyFile(folder: string, prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) names.push(...(await everyFile(join(folder, entry.name), `${prefix}${entry.name}/`)));
    else names.push(`${prefix}${entry.name}`);
  }
  return names;
}

/** An export file either does not exist or holds exactly what was written: never a part of it. */
export async function exportProblems(dataDir: string, fileName: string, expected: string, mustExist: boolean): Promise<string[]> {
  const text = await readFile(join(dataDir, 'exports', fileName), 'utf8').catch(() => null);
  if (text === null) return mustExist ? [`export ${fileName} is missing`] : [];
  return text === expected ? [] : [`export ${fileName} is ${text.length} characters, not the ${expected.length} written`];
}
