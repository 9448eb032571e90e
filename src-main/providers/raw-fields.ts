import type { RawFields } from '../../src-shared/domain/records';

/** The flat, JSON-safe provider fields of a record (nested objects and arrays left out). */
export function rawFields(source: object, only?: readonly string[]): RawFields {
  const raw: RawFields = {};
  for (const [key, value] of Object.entries(source)) {
    if (only && !only.includes(key)) continue;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') raw[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) raw[key] = value;
  }
  return raw;
}
