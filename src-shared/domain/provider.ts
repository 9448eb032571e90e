/** The providers Reskontra reads from, and the streams each one can be synced by. */
export const providerIds = ['vettig', 'flowtly', 'confirma', 'aptic'] as const;
export type ProviderId = (typeof providerIds)[number];

export const providerNames: Readonly<Record<ProviderId, string>> = {
  vettig: 'Vettig',
  flowtly: 'Flowtly',
  confirma: 'Confirma Finance',
  aptic: 'Aptic',
};

export const streamsByProvider = {
  vettig: ['events'],
  flowtly: ['invoices', 'invoice-transactions'],
  confirma: ['cases', 'payments', 'settlements'],
  aptic: ['invoices', 'invoice-details'],
} as const satisfies Record<ProviderId, readonly string[]>;

export type StreamOf<P extends ProviderId> = (typeof streamsByProvider)[P][number];
export type SyncStream = StreamOf<ProviderId>;

export const syncStreams = [
  ...new Set(Object.values(streamsByProvider).flat()),
] as readonly SyncStream[];

export function isStreamOf<P extends ProviderId>(provider: P, stream: string): stream is StreamOf<P> {
  return (streamsByProvider[provider] as readonly string[]).includes(stream);
}
