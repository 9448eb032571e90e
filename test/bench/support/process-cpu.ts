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

/** CPU seconds of `root` and every process below it (processes that ended are not counted). */
function treeCpuS(root: number, all: readonly ProcStat[]): number {
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
  return all.filter((stat) => below.has(stat.pid)).reduce((sum, stat) => sum + stat.cpuS, 0);
}

/**
 * CPU seconds so far of the three parts of a sync on these cores: main (browser mode's process and
 * its children), Chromium (the browser whose profile is `profileDir`, with its renderer and other
 * processes) and this process (the sandbox serves from here). Read from /proc, Linux only.
 */
export function syncProcessesCpuS(mainPid: number, profileDir: string): { main: number; chromium: number; sandbox: number } {
  const all = readdirSync('/proc').flatMap((name) => (/^\d+$/.test(name) ? [statOf(Number(name))].filter((stat): stat is ProcStat => stat !== null) : []));
  const browser = all.find((stat) => cmdlineOf(stat.pid).includes(profileDir) && !cmdlineOf(stat.pid).includes('--type='));
  const own = process.cpuUsage();
  return { main: treeCpuS(mainPid, all), chromium: browser ? treeCpuS(browser.pid, all) : Number.NaN, sandbox: (own.user + own.system) / 1e6 };
}
