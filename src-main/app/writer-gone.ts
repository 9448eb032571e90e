/**
 * Whether the process that named a file after its pid is gone: not alive, or this process's own
 * id on a file older than this process (the id was reused after a kill or a reboot).
 */
export function writerGone(pid: number, modifiedMs: number): boolean {
  if (pid === process.pid) return modifiedMs < performance.timeOrigin;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: unknown }).code !== 'EPERM';
  }
}
