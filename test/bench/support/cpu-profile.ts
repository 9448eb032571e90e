import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/**
 * Records the page's JavaScript CPU profile while `work` runs, when RESKONTRA_BENCH_PROFILE names
 * a file (the profile is written there, for Chromium's DevTools), and prints the functions that
 * spent most of it: where the next bottleneck is, without guessing.
 */
export async function profiled<T>(page: Page, label: string, work: () => Promise<T>): Promise<T> {
  const file = process.env.RESKONTRA_BENCH_PROFILE;
  if (!file) return work();
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await session.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples?: number[]; startTime: number; endTime: number } };
    await writeFile(file, JSON.stringify(profile));
    const samples = profile.samples?.length ?? 0;
    const msPerSample = samples === 0 ? 0 : (profile.endTime - profile.startTime) / 1000 / samples;
    const keyOf = ({ callFrame: { functionName, url, lineNumber } }: ProfileNode) => `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    const self = new Map<string, number>();
    for (const node of profile.nodes) {
      const key = keyOf(node);
      self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
    }
    // Total time: a function's own samples and those below it, each function counted once per stack.
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const total = new Map<string, number>();
    const walk = (node: ProfileNode, above: ReadonlySet<string>): number => {
      const key = keyOf(node);
      const hits = (node.hitCount ?? 0) + (node.children ?? []).reduce((sum, child) => sum + walk(byId.get(child)!, new Set([...above, key])), 0);
      if (!above.has(key)) total.set(key, (total.get(key) ?? 0) + hits);
      return hits;
    };
    walk(profile.nodes[0]!, new Set());
    const print = (title: string, counts: Map<string, number>) => {
      process.stderr.write(`  ${label}: renderer CPU profile (${file}), ${title}:\n`);
      for (const [key, hits] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stderr.write(`    ${(hits * msPerSample).toFixed(0).padStart(7)} ms  ${key}\n`);
    };
    print('self time', self);
    print('total time', total);
  }
}
