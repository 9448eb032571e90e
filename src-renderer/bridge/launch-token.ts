const storageKey = 'reskontra.launchToken';
const tokenInAddress = /^#token=([A-Za-z0-9_-]+)$/;

/**
 * Browser mode opens at `/#token=<token>`. The token is taken out of the address at once (so
 * it is not left in history or the router's way) and kept for this tab's session only; a newer
 * one replaces it.
 */
export function takeLaunchToken(location: Location, history: History, storage: Storage): string | null {
  const match = tokenInAddress.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(storageKey, match[1]);
    history.replaceState(history.state, '', `${location.pathname}${location.search}#/`);
    return match[1];
  }
  return storage.getItem(storageKey);
}

export function storedLaunchToken(storage: Storage): string | null {
  return storage.getItem(storageKey);
}

/**
 * A tab left open from an earlier launch revives when the new address is pasted into it: the
 * address changes only after `#`, so the page stays and only these events say so. Registered
 * before the router's own listener, so the router never sees the token as a route.
 */
export function watchLaunchToken(target: Window, onToken: () => void): void {
  const take = (): void => {
    if (!tokenInAddress.test(target.location.hash)) return;
    takeLaunchToken(target.location, target.history, target.sessionStorage);
    onToken();
  };
  target.addEventListener('popstate', take);
  target.addEventListener('hashchange', take);
}
