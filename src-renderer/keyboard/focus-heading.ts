/**
 * After a move to another screen, keyboard and screen-reader focus goes to its heading. A detail
 * page shows its heading only once it has read its record, so this waits for one (up to a few
 * seconds), unless the person has moved focus somewhere themselves in the meantime.
 */
export function focusHeadingWhenShown(main: HTMLElement, waitMs = 5_000): void {
  const focusNow = (): boolean => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return false;
    heading.focus();
    return true;
  };
  if (focusNow()) return;
  const startedOn = document.activeElement;
  const observer = new MutationObserver(() => {
    if (document.activeElement !== startedOn && document.activeElement !== document.body) return stop();
    if (focusNow()) stop();
  });
  const timer = setTimeout(() => stop(), waitMs);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
}
