import fc from 'fast-check';

/**
 * Provider documents as their pages document them, and the liberties the documents allow:
 * an optional field null or left out, an enum value nobody has seen, an extra field, a nested
 * object or list null or empty. `required` lists what a record cannot do without; breaking one
 * of those is the only mutation that may (and must) quarantine the record.
 */
export interface DocumentShape {
  optional: readonly string[];
  enums: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Nested objects (`{}` or null) and lists (`[]` or null). */
  nestedObjects: readonly string[];
  nestedLists: readonly string[];
  /** A required path and a value that cannot be read (undefined: the field is left out). */
  required: readonly { path: string; value: unknown }[];
}

export type Mutation =
  | { op: 'null' | 'drop'; path: string }
  | { op: 'set'; path: string; value: unknown }
  | { op: 'extra'; key: string; value: unknown }
  | { op: 'break'; path: string; value: unknown };

/** A document as served, and whether a mutation broke something it cannot do without. */
export interface Served {
  json: Record<string, unknown>;
  broken: boolean;
}

export function mutationsOf(shape: DocumentShape): fc.Arbitrary<Mutation[]> {
  const pick = (paths: readonly string[]) => fc.constantFrom(...paths);
  const options: fc.Arbitrary<Mutation>[] = [
    fc.record({ op: fc.constantFrom('null' as const, 'drop' as const), path: pick(shape.optional) }),
    fc.record({ key: fc.stringMatching(/^[a-z][A-Za-z0-9]{0,12}$/), value: fc.jsonValue({ maxDepth: 2 }) }).map(({ key, value }) => ({ op: 'extra' as const, key: `extra${key}`, value })),
  ];
  const enumPaths = Object.keys(shape.enums);
  if (enumPaths.length > 0) {
    options.push(fc.constantFrom(...enumPaths).chain((path) => shape.enums[path]!.map((value) => ({ op: 'set' as const, path, value }))));
  }
  if (shape.nestedObjects.length > 0) {
    options.push(fc.record({ path: pick(shape.nestedObjects), value: fc.constantFrom(null, {}, undefined) }).map((m) => ({ op: 'set' as const, ...m })));
  }
  if (shape.nestedLists.length > 0) {
    options.push(fc.record({ path: pick(shape.nestedLists), value: fc.constantFrom(null, [], undefined) }).map((m) => ({ op: 'set' as const, ...m })));
  }
  const liberties = fc.array(fc.oneof(...options), { maxLength: 4 });
  const breakage = fc.option(fc.constantFrom(...shape.required).map(({ path, value }) => ({ op: 'break' as const, path, value })), { freq: 4 });
  return fc.tuple(liberties, breakage).map(([some, broken]) => (broken ? [...some, broken] : some));
}

/** Applies the liberties, then the breakage; `broken` only if the breakage found its field. */
export function mutate(document: Record<string, unknown>, mutations: readonly Mutation[]): Served {
  const json = structuredClone(document);
  let broken = false;
  for (const mutation of mutations) {
    if (mutation.op === 'extra') json[mutation.key] = mutation.value;
    else if (mutation.op === 'null') setPath(json, mutation.path, null);
    else if (mutation.op === 'drop') setPath(json, mutation.path, undefined);
    else if (mutation.op === 'set') setPath(json, mutation.path, mutation.value);
  }
  for (const mutation of mutations) {
    if (mutation.op === 'break' && setPath(json, mutation.path, mutation.value)) broken = true;
  }
  return { json, broken };
}

/** Sets (or, for undefined, deletes) a dotted path; false when a parent is not there. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): boolean {
  const parts = path.split('.');
  let at: unknown = target;
  for (const part of parts.slice(0, -1)) {
    at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined;
  }
  if (typeof at !== 'object' || at === null) return false;
  const last = parts.at(-1)!;
  const holder = at as Record<string, unknown>;
  if (!(last in holder)) return false;
  if (value === undefined) delete holder[last];
  else holder[last] = value;
  return true;
}
