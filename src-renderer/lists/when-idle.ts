/**
 * Runs `work` when the page is next idle (after what is on screen and the input waiting), or
 * a moment later where there is no idle callback: work no one waits for, kept off a load's path.
 */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: 2_000 });
  else setTimeout(work, 0);
}
