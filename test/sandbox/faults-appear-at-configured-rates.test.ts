import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxFaults } from '../../sandbox/faults/fault-spec';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import { bearer, fetchToken } from './support/sandbox-http';

const SAMPLE = 200;
const RATE = 0.2;
/**
 * ±4 standard deviations of a binomial(SAMPLE, RATE) (0.087–0.313 at 200): a correct sandbox
 * fails about once in 16,000 runs, and a fault that never fires, always fires or fires at half
 * or twice its rate fails every time.
 */
const SPREAD = 4 * Math.sqrt((RATE * (1 - RATE)) / SAMPLE);
const LOW = RATE - SPREAD;
const HIGH = RATE + SPREAD;
/** Long enough that no ordinary request on a busy shared machine is mistaken for a slow one. */
const SLOW_MS = 2_500;

type Outcome = 'ok' | '429' | '500' | '502' | '503' | 'slow' | 'drop' | 'malformed' | 'wrongShape' | '401' | 'other';

async function classify(url: string, token: string, slowExpected: boolean): Promise<Outcome> {
  const started = Date.now();
  let status: number;
  let text: string;
  let retryAfter: string | null;
  let markedSlow: boolean;
  try {
    const response = await fetch(url, { headers: bearer(token) });
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    markedSlow = response.headers.get('x-sandbox-fault') === 'slow';
    text = await response.text();
  } catch {
    return 'drop';
  }
  if (status === 429) return retryAfter ? '429' : 'other';
  if (status === 500 || status === 502 || status === 503 || status === 401) return String(status) as Outcome;
  if (status !== 200) return 'other';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  if (typeof body === 'object' && body !== null && 'unexpected' in body) return 'wrongShape';
  // Slow means delayed on purpose and really late; a busy machine can make an ordinary answer late too.
  if (!markedSlow) return 'ok';
  return slowExpected && Date.now() - started >= SLOW_MS - 20 ? 'slow' : 'other';
}

describe('each fault appears at roughly its configured rate', () => {
  let sandbox: RunningSandbox | null = null;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = null;
  });

  async function sample(faults: SandboxFaults, concurrency: number): Promise<Record<string, number>> {
    sandbox = await startSandbox('aptic', { seed: 77, scale: 20, faults });
    const url = `${sandbox.baseUrl}/v1/Invoices/Ping`;
    let token = await fetchToken(sandbox);
    const counts: Record<string, number> = {};
    let sent = 0;
    const worker = async (): Promise<void> => {
      while (sent < SAMPLE) {
        sent += 1;
        const outcome = await classify(url, token, faults.slow !== undefined);
        counts[outcome] = (counts[outcome] ?? 0) + 1;
        // An expired token is the client's cue to fetch a new one, as a real sync would.
        if (outcome === '401' && sandbox) token = await fetchToken(sandbox);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return counts;
  }

  const cases: [string, SandboxFaults, Outcome, number][] = [
    ['429 with Retry-After', { rate429: RATE }, '429', 16],
    ['500', { rate500: RATE }, '500', 16],
    ['502', { rate502: RATE }, '502', 16],
    ['503', { rate503: RATE }, '503', 16],
    ['slow response', { slow: RATE, slowMs: SLOW_MS }, 'slow', SAMPLE / 2],
    ['dropped connection mid-body', { drop: RATE }, 'drop', 8],
    ['malformed JSON', { malformed: RATE }, 'malformed', 16],
    ['valid JSON of the wrong shape', { wrongShape: RATE }, 'wrongShape', 16],
    ['token expiring mid-sync', { expireToken: RATE }, '401', 1],
  ];

  for (const [name, faults, outcome, concurrency] of cases) {
    it(name, async () => {
      const counts = await sample(faults, concurrency);
      const seen = (counts[outcome] ?? 0) / SAMPLE;
      expect(seen, JSON.stringify(counts)).toBeGreaterThanOrEqual(LOW);
      expect(seen, JSON.stringify(counts)).toBeLessThanOrEqual(HIGH);
      // Everything else succeeds: a fault never leaks into a different failure.
      expect((counts[outcome] ?? 0) + (counts.ok ?? 0), JSON.stringify(counts)).toBe(SAMPLE);
    });
  }

  it('faults are off by default', async () => {
    const counts = await sample({}, 16);
    expect(counts).toEqual({ ok: SAMPLE });
  });
});
