/**
 * A (seed, scale) dataset: invoices 0..scale-1 plus the few indexes every provider view needs
 * (which invoices Vettig factored, which are in collection, where each invoice's Flowtly rows and
 * transactions start). The indexes are typed arrays built in one pass on first use, so 100,000
 * invoices cost a few hundred KB, never the invoices themselves.
 */
import { invoiceAt, type SandboxInvoice } from './invoices';

export const DEFAULT_SCALE = 200;

export interface DatasetIndex {
  /** Indices of invoices Vettig financed, ascending. */
  factored: Uint32Array;
  /** Indices of invoices with a Confirma collection case, ascending. */
  collection: Uint32Array;
  /** rowOffsets[i] = number of invoice rows in invoices 0..i-1 (length scale + 1). */
  rowOffsets: Uint32Array;
  /** paymentOffsets[i] = number of direct payments in invoices 0..i-1 (length scale + 1). */
  paymentOffsets: Uint32Array;
}

export interface SandboxDataset {
  readonly seed: number;
  readonly scale: number;
  invoiceAt(index: number): SandboxInvoice;
  index(): DatasetIndex;
}

function buildIndex(seed: number, scale: number): DatasetIndex {
  const factored: number[] = [];
  const collection: number[] = [];
  const rowOffsets = new Uint32Array(scale + 1);
  const paymentOffsets = new Uint32Array(scale + 1);
  for (let i = 0; i < scale; i += 1) {
    const invoice = invoiceAt(seed, i);
    if (invoice.factoring?.factor === 'vettig') factored.push(i);
    if (invoice.collection) collection.push(i);
    rowOffsets[i + 1] = (rowOffsets[i] ?? 0) + invoice.lines.length;
    paymentOffsets[i + 1] = (paymentOffsets[i] ?? 0) + invoice.directPayments.length;
  }
  return { factored: Uint32Array.from(factored), collection: Uint32Array.from(collection), rowOffsets, paymentOffsets };
}

export function createDataset(seed: number, scale: number = DEFAULT_SCALE): SandboxDataset {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(scale) || scale < 1 || scale > 10_000_000) throw new RangeError(`scale must be an integer from 1 to 10,000,000, got ${scale}`);
  let cached: DatasetIndex | null = null;
  return {
    seed,
    scale,
    invoiceAt(index) {
      if (!Number.isInteger(index) || index < 0 || index >= scale) throw new RangeError(`invoice index ${index} is outside 0..${scale - 1}`);
      return invoiceAt(seed, index);
    },
    index() {
      cached ??= buildIndex(seed, scale);
      return cached;
    },
  };
}

/** Finds which invoice holds global item `position` given offsets like rowOffsets (binary search). */
export function ownerOf(offsets: Uint32Array, position: number): { invoiceIndex: number; within: number } {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= position) low = mid;
    else high = mid - 1;
  }
  return { invoiceIndex: low, within: position - (offsets[low] ?? 0) };
}
