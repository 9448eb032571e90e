import { describe, expect, it } from 'vitest';
import { createReadAhead } from '../../src-main/providers/read-ahead';

describe('a page read ahead', () => {
  it('is taken by the call that asks for exactly that page, once', async () => {
    const ahead = createReadAhead<string>(10_000);
    let fetched = 0;
    ahead.start('1000', async () => {
      fetched += 1;
      return 'page at 1000';
    });
    expect(ahead.take('2000')).toBeNull();
    ahead.start('1000', async () => 'page at 1000');
    await expect(ahead.take('1000')).resolves.toBe('page at 1000');
    expect(ahead.take('1000')).toBeNull();
    expect(fetched).toBe(1);
  });

  it('is dropped once older than the limit, so a late call fetches afresh', () => {
    let clock = 0;
    const ahead = createReadAhead<string>(10_000, () => clock);
    ahead.start('1000', async () => 'old page');
    clock = 10_001;
    expect(ahead.take('1000')).toBeNull();
  });

  it('that failed hands its failure to the call taking it, and never goes unhandled when not taken', async () => {
    const ahead = createReadAhead<string>(10_000);
    ahead.start('1000', async () => {
      throw new Error('provider down');
    });
    await expect(ahead.take('1000')).rejects.toThrow('provider down');
    ahead.start('2000', async () => {
      throw new Error('never taken');
    });
    ahead.start('3000', async () => 'replaces it');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(ahead.take('3000')).resolves.toBe('replaces it');
  });
});
