/**
 * Once the next frame is painted: what a long piece of work on the main thread (the rest of a
 * load) waits for after changing what is shown, so it is seen before, not after, that work. A
 * hidden page paints no frames, so at most a moment later.
 *
 * After the frame it goes on by a message, not a timer: Chromium runs posted messages before
 * timers, so behind the search's background reading (a message per slice, invoice-filter-cache.ts)
 * a timer waited for all of it, ~0.3 s of a 100,000-invoice load; a message waits for one slice.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const done = () => {
      clearTimeout(timer);
      channel.port1.close();
      resolve();
    };
    const timer = setTimeout(done, 100);
    channel.port1.onmessage = done;
    requestAnimationFrame(() => channel.port2.postMessage(null));
  });
}

/**
 * Once the page has had a turn: input waiting is answered first (Chromium runs input before the
 * continuation), without waiting for a frame as `afterPaint` does, ~10–17 ms each time.
 */
export function afterInput(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
