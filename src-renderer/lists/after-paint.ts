/**
 * Once the next frame is painted: what a long piece of work on the main thread (the rest of a
 * load) waits for after changing what is shown, so it is seen before, not after, that work. A
 * hidden page paints no frames, so at most a moment later.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
