import type { ProviderId, StreamOf, SyncStream } from './provider';

/**
 * What a walk of a stream from its start gives: `everything` the provider holds for it (so a
 * normal sync can remove what is no longer listed), or not (`changes`: a feed of what happened,
 * or a list its document does not promise is complete). A stream of the second kind keeps a
 * record the provider dropped until a full resync, and the connection says so.
 */
export type StreamListing = 'everything' | 'changes';

export const streamListings = {
  // One array per organisation; the document shows query parameters without names, so it may be a window.
  vettig: { events: 'changes' },
  flowtly: { invoices: 'everything', 'invoice-transactions': 'everything' },
  // Cases page through the whole list; payments lists allocations until they are settled, and
  // settlements is a feed (`unfetchedOnly`), so neither says what was withdrawn.
  confirma: { cases: 'everything', payments: 'changes', settlements: 'changes' },
  // Both page through the whole invoice list by index.
  aptic: { invoices: 'everything', 'invoice-details': 'everything' },
} as const satisfies { [P in ProviderId]: { [S in StreamOf<P>]: StreamListing } };

type Listings = typeof streamListings;

/** The streams whose walks cannot tell Reskontra what the provider removed. */
export type ChangesOnlyStream = {
  [P in ProviderId]: { [S in keyof Listings[P]]: Listings[P][S] extends 'changes' ? S : never }[keyof Listings[P]];
}[ProviderId];

export function listsEverything(provider: ProviderId, stream: SyncStream): boolean {
  return (streamListings[provider] as Record<string, StreamListing>)[stream] === 'everything';
}

export function changesOnlyStreams(provider: ProviderId): ChangesOnlyStream[] {
  return Object.entries(streamListings[provider])
    .filter(([, listing]) => listing === 'changes')
    .map(([stream]) => stream as ChangesOnlyStream);
}
