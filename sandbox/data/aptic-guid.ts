/**
 * Aptic invoice GUIDs that carry their own index, so GET /v1/Invoices/{guid} finds invoice 87,654
 * of 100,000 without a lookup table: the last group is (index + a per-seed offset) mod 2^48, the
 * rest is hashed from (seed, index), and a GUID only resolves if it regenerates exactly.
 */
import { mix32, STREAM, uuidEndingIn } from './prng';

const SPAN = 2 ** 48;

/** The last seed's offset: every GUID of a page is made with it. */
let lastOffset = { seed: Number.NaN, offset: 0 };

function offsetFor(seed: number): number {
  if (lastOffset.seed !== seed) lastOffset = { seed, offset: (mix32(seed, STREAM.guid, 0xa) % 0x1_0000) * 0x1_0000_0000 + mix32(seed, STREAM.guid, 0xb) };
  return lastOffset.offset;
}

export function apticGuidFor(seed: number, index: number): string {
  const tail = (index + offsetFor(seed)) % SPAN;
  return uuidEndingIn(Math.floor(tail / 0x1_0000_0000), tail >>> 0, seed, STREAM.guid, index);
}

/** The invoice index a GUID names for this seed, or null when it is not one of ours. */
export function apticIndexOf(seed: number, guid: string): number | null {
  const lower = guid.toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(lower)) return null;
  const index = (parseInt(lower.slice(24), 16) - offsetFor(seed) + SPAN) % SPAN;
  return apticGuidFor(seed, index) === lower ? index : null;
}
