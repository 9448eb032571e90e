import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (Linux's USER_HZ: 100 on every usual build). */
const ticksPerSecond = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  /** User and system CPU, in seconds. */
  cpuS: number;
}

function statOf(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: the fields after its last ')' are plain.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), cpuS: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond };
  } catch {
    return null;
  }
}

function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** The pids of `root` and every process below it. */
function treeOf(root: number, all: readonly ProcStat[]): Set<number> {
  const below = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const stat of all) {
      if (!below.has(stat.pid) && below.has(stat.ppid)) {
        below.add(stat.pid);
        grew = true;
      }
    }
  }
  return below;
}

/** CPU seconds of the processes `pids` that `count` picks (processes that ended are not counted). */
function cpuOf(all: readonly ProcStat[], pids: ReadonlySet<number>, count: (stat: ProcStat) => boolean = () => true): number {
  return all.filter((stat) => pids.has(stat.pid) && count(stat)).reduce((sum, stat) => sum + stat.cpuS, 0);
}

/**
 * CPU seconds so far of the parts of a sync on these cores: main (browser mode's process and its
 * children), Chromium (the browser whose profile is `profileDir`, with every process below it;
 * `renderers` of it: its renderer processes, where the app's JS runs) and this process (the
 * sandbox serves from here). Read from /proc, Linux only.
 */
export function syncProcessesCpuS(mainPid: number, profileDir: string): { main: number; chromium: number; renderers: number; sandbox: number } {
  const all = readdirSync('/proc').flatMap((name) => (/^\d+$/.test(name) ? [statOf(Number(name))].filter((stat): stat is ProcStat => stat !== null) : []));
  const browser = all.find((stat) => cmdlineOf(stat.pid).includes(profileDir) && !cmdlineOf(stat.pid).includes('--type='));
  const chromium = browser ? treeOf(browser.pid, all) : null;
  const own = process.cpuUsage();
  return {
    main: cpuOf(all, treeOf(mainPid, all)),
    chromium: chromium ? cpuOf(all, chromium) : Number.NaN,
    renderers: chromium ? cpuOf(all, chromium, (stat) => cmdlineOf(stat.pid).includes('--type=renderer')) : Number.NaN,
    sandbox: (own.user + own.system) / 1e6,
  };
}
