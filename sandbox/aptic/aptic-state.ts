/**
 * What Aptic's write endpoints changed: changed invoices are kept whole (as facts) by index,
 * created invoices are appended after the dataset. Everything else is regenerated on demand.
 */
import { randomUUID } from 'node:crypto';
import { apticFactsFor, type ApticInvoiceFacts } from '../data/aptic-view';
import { apticIndexOf } from '../data/aptic-guid';
import type { SandboxDataset } from '../data/dataset';

export interface ApticState {
  size(): number;
  factsAt(index: number): ApticInvoiceFacts;
  indexOfGuid(guid: string): number | null;
  replace(facts: ApticInvoiceFacts): void;
  create(build: (index: number, guid: string) => ApticInvoiceFacts): ApticInvoiceFacts;
}

export function createApticState(dataset: SandboxDataset): ApticState {
  const changed = new Map<number, ApticInvoiceFacts>();
  const created: ApticInvoiceFacts[] = [];
  const createdByGuid = new Map<string, number>();
  return {
    size: () => dataset.scale + created.length,
    factsAt(index) {
      const override = changed.get(index);
      if (override) return override;
      if (index < dataset.scale) return apticFactsFor(dataset.seed, dataset.invoiceAt(index));
      const made = created[index - dataset.scale];
      if (!made) throw new RangeError(`no Aptic invoice at ${index}`);
      return made;
    },
    indexOfGuid(guid) {
      const base = apticIndexOf(dataset.seed, guid);
      if (base !== null && base < dataset.scale) return base;
      return createdByGuid.get(guid.toLowerCase()) ?? null;
    },
    replace(facts) {
      changed.set(facts.index, facts);
    },
    create(build) {
      const index = dataset.scale + created.length;
      const facts = build(index, randomUUID());
      created.push(facts);
      createdByGuid.set(facts.guid.toLowerCase(), index);
      return facts;
    },
  };
}
