const storageKey = 'reskontra.launchToken';

/**
 * Browser mode opens at `/#token=<token>`. The token is taken out of the address at once (so
 * it is not left in history or the router's way) and kept for this tab's session only.
 */
export function takeLaunchToken(location: Location, history: History, storage: Storage): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(storageKey, match[1]);
    history.replaceState(history.state, '', `${location.pathname}${location.search}#/`);
    return match[1];
  }
  return storage.getItem(storageKey);
}
