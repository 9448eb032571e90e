/** A sync stopped on purpose: what it wrote is kept, and no error is recorded on its streams. */
export class SyncCancelled extends Error {
  constructor(message = 'Sync cancelled.') {
    super(message);
    this.name = 'SyncCancelled';
  }
}

/**
 * The walk's stored state changed under it: its connection was removed, or another walk (another
 * window, a full resync) took the stream over. Its page was not written.
 */
export class SyncSuperseded extends SyncCancelled {
  constructor(connectionId: string, stream: string) {
    super(`The sync of ${connectionId} ${stream} was superseded; its page was not written.`);
    this.name = 'SyncSuperseded';
  }
}
