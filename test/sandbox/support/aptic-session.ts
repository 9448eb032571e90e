/** An Aptic sandbox with a fresh bearer token for one test file, plus the reference list it serves. */
import { afterAll, beforeAll } from 'vitest';
import { apticFactsFor, apticListItem, createDataset, type ApticListItem } from '../../../sandbox/data';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../sandbox/start-sandbox';
import { bearer, fetchToken } from './sandbox-http';

export interface ApticSession {
  aptic: RunningSandbox;
  headers: Record<string, string>;
}

/** Registers beforeAll/afterAll; call the returned function inside tests. */
export function useApticSandbox(options: SandboxOptions): () => ApticSession {
  let session: ApticSession | null = null;
  beforeAll(async () => {
    const aptic = await startSandbox('aptic', options);
    session = { aptic, headers: bearer(await fetchToken(aptic)) };
  });
  afterAll(() => session?.aptic.close());
  return () => {
    if (!session) throw new Error('the Aptic sandbox is not started yet');
    return session;
  };
}

/** Every list item of a dataset, in index order, built from the data module alone. */
export function apticReferenceItems(seed: number, scale: number): ApticListItem[] {
  const dataset = createDataset(seed, scale);
  return Array.from({ length: scale }, (_, i) => apticListItem(apticFactsFor(seed, dataset.invoiceAt(i))));
}
