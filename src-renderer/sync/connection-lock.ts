/**
 * One writer per connection: its sync, full resync and removal each hold this Web Lock, which the
 * browser shares between every window and tab of the app (Electron's windows too), so they never
 * interleave. The commit's own check (commit-page.ts) is the backstop if one ever did.
 */
const lockName = (connectionId: string) => `reskontra-connection:${connectionId}`;

export type IfFree<T> = { ran: true; value: T } | { ran: false };

/** Runs `work` holding the connection's lock, or does nothing if another window or tab holds it now. */
export async function ifConnectionFree<T>(connectionId: string, work: () => Promise<T>): Promise<IfFree<T>> {
  return navigator.locks.request(lockName(connectionId), { ifAvailable: true }, async (lock): Promise<IfFree<T>> => (lock ? { ran: true, value: await work() } : { ran: false }));
}

/** Waits until no one holds the connection's lock, then runs `work` holding it. */
export async function whenConnectionFree<T>(connectionId: string, work: () => Promise<T>): Promise<T> {
  return navigator.locks.request(lockName(connectionId), async () => work());
}
