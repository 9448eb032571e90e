// Splits a trace of invoice-index's keystrokes (RESKONTRA_BENCH_TRACE=trace.json, and with
// RESKONTRA_BENCH_PROFILE=keys.cpuprofile the same run's CPU profile) into its keystrokes, by the
// mark the bench sets at each: `tsx scripts/keystroke-trace.ts trace.json [keys.cpuprofile]`.
// Per keystroke: the time to the next one; of it, the main thread's tasks' wall time ("busy", and
// of that their thread time, "on a core") and the rest ("idle": nothing to run, waiting for the
// next frame); the renderer main thread's own thread time by kind (script, style, layout, paint,
// GC), the layouts' dirty and total objects, and where the profile's samples fell. A CPU profile
// alone shows the frame's work as one "(program)" lump.
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name?: string;
  ph?: string;
  pid?: number;
  tid?: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; beginData?: { dirtyObjects?: number; totalObjects?: number } };
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

// Read through `head`: a closed pipe ends the script rather than throwing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const [tracePath, profilePath] = process.argv.slice(2);
if (!tracePath) throw new Error('usage: tsx scripts/keystroke-trace.ts trace.json [keys.cpuprofile]');
const { traceEvents } = JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] };
const threadOf = (event: TraceEvent) => `${event.pid}:${event.tid}`;

// The page's main thread: the renderer main thread with the most timed events.
const mainThreads = new Set(traceEvents.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map(threadOf));
const counts = new Map<string, number>();
for (const event of traceEvents) if (event.ph === 'X' && mainThreads.has(threadOf(event))) counts.set(threadOf(event), (counts.get(threadOf(event)) ?? 0) + 1);
const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
const timed = traceEvents.filter((event) => event.ph === 'X' && threadOf(event) === main && event.ts !== undefined && event.dur !== undefined).sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);

// Each event's own thread time: its thread time less its children's. The outermost events (tasks)
// are kept too: a keystroke's wall time less theirs is time the page had nothing to run (waiting
// for a frame), and their wall time less their thread time is time they waited for a core.
const own = new Map<TraceEvent, number>();
const tasks: TraceEvent[] = [];
const open: TraceEvent[] = [];
for (const event of timed) {
  while (open.length > 0 && open.at(-1)!.ts! + open.at(-1)!.dur! <= event.ts!) open.pop();
  const time = event.tdur ?? event.dur!;
  own.set(event, time);
  if (open.length > 0) own.set(open.at(-1)!, own.get(open.at(-1)!)! - time);
  else tasks.push(event);
  open.push(event);
}
const kindOf = (name: string) =>
  /GC|garbage/i.test(name) ? 'gc'
  : name === 'UpdateLayoutTree' ? 'style'
  : name === 'Layout' ? 'layout'
  : ['Paint', 'PrePaint', 'Layerize', 'Commit', 'UpdateLayer'].includes(name) ? 'paint'
  : /callFunction|FunctionCall|EvaluateScript|TimerFire|EventDispatch|FireAnimationFrame/.test(name) ? 'script'
  : 'other';

const samples: { at: number; name: string }[] = [];
if (profilePath) {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  let at = profile.startTime;
  profile.samples.forEach((id, n) => {
    at += profile.timeDeltas[n]!;
    const { functionName, url } = nodes.get(id)!.callFrame;
    samples.push({ at, name: functionName || url.split('/').at(-1) || '(anonymous)' });
  });
}
const sampleMs = samples.length > 1 ? (samples.at(-1)!.at - samples[0]!.at) / samples.length / 1000 : 0;

const marks = [...new Map(traceEvents.filter((event) => event.name?.startsWith('keystroke ') && event.ph !== 'M').map((event) => [event.ts!, event.name!.slice('keystroke '.length)])).entries()].sort((a, b) => a[0] - b[0]);
const sums = new Map<string, number>();
marks.forEach(([from, text], n) => {
  const to = marks[n + 1]?.[0] ?? from + 1_000_000;
  const kinds = new Map<string, number>();
  const layouts: string[] = [];
  for (const event of timed) {
    if (event.ts! < from || event.ts! >= to) continue;
    const kind = kindOf(event.name!);
    kinds.set(kind, (kinds.get(kind) ?? 0) + own.get(event)! / 1000);
    const layout = event.name === 'Layout' ? event.args?.beginData : undefined;
    if (layout) layouts.push(`${layout.dirtyObjects}/${layout.totalObjects}`);
  }
  for (const [kind, ms] of kinds) sums.set(kind, (sums.get(kind) ?? 0) + ms);
  // The tasks' wall time within this keystroke, and their thread time (in proportion where a task crosses its edges).
  let busy = 0;
  let onCore = 0;
  for (const task of tasks) {
    const overlap = Math.min(to, task.ts! + task.dur!) - Math.max(from, task.ts!);
    if (overlap <= 0) continue;
    busy += overlap;
    onCore += ((task.tdur ?? task.dur!) * overlap) / Math.max(task.dur!, 1);
  }
  const functions = new Map<string, number>();
  for (const sample of samples) if (sample.at >= from && sample.at < to) functions.set(sample.name, (functions.get(sample.name) ?? 0) + sampleMs);
  const top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, ms]) => `${name} ${ms.toFixed(1)}`);
  const split = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, ms]) => `${kind} ${ms.toFixed(1)}`);
  const wall = `busy ${(busy / 1000).toFixed(1)} (on a core ${(onCore / 1000).toFixed(1)}), idle ${((to - from - busy) / 1000).toFixed(1)}`;
  process.stdout.write(`${text.padEnd(9)} ${((to - from) / 1000).toFixed(0).padStart(5)} ms | ${wall} | ${split.join(', ')} | layout ${layouts.join(' ') || '-'}${top.length > 0 ? ` | ${top.join(', ')}` : ''}\n`);
});
process.stdout.write(`all ${marks.length} keystrokes, main thread's own thread time: ${[...sums].map(([kind, ms]) => `${kind} ${ms.toFixed(0)} ms`).join(', ')}\n`);
