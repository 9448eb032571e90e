/**
 * Runs the functions it is given one after another, in the order they were given: a
 * read-modify-write never interleaves with another in this process (other processes are kept
 * out by the data folder's instance lock).
 */
export function oneAtATime(): <T>(run: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (run) => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
}
