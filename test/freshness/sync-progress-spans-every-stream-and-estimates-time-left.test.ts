import { describe, expect, it } from 'vitest';
import { overallFraction, secondsLeft } from '../../src-renderer/sync/sync-estimate';

describe('one progress bar across all of a connection’s streams', () => {
  it('gives each stream an equal share and never falls back when the next stream begins', () => {
    // Aptic: invoices, then invoice details.
    expect(overallFraction({ streamIndex: 0, streamCount: 2, done: 1_000, total: 1_000 })).toBe(0.5);
    expect(overallFraction({ streamIndex: 1, streamCount: 2, done: 0, total: null })).toBe(0.5);
    expect(overallFraction({ streamIndex: 1, streamCount: 2, done: 250, total: 1_000 })).toBe(0.625);
    // Confirma: three streams; a stream without a total counts only as begun.
    expect(overallFraction({ streamIndex: 2, streamCount: 3, done: 40, total: null })).toBeCloseTo(2 / 3);
    // A provider that reports more done than its total does not push past the end.
    expect(overallFraction({ streamIndex: 0, streamCount: 1, done: 12, total: 10 })).toBe(1);
    expect(overallFraction({ streamIndex: 0, streamCount: 0, done: 0, total: null })).toBe(0);
  });

  it('estimates time left at the pace so far, only on a sync long and far enough for it to mean something', () => {
    // 30 s for the first quarter: 90 s for the other three.
    expect(secondsLeft(30_000, 0.25)).toBe(90);
    // 96 s in at 80%: 24 s left.
    expect(secondsLeft(96_000, 0.8)).toBe(24);
    expect(secondsLeft(9_999, 0.5)).toBeNull();
    expect(secondsLeft(60_000, 0.04)).toBeNull();
    expect(secondsLeft(60_000, 1)).toBeNull();
  });
});
