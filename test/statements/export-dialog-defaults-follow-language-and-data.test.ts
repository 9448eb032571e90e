import { describe, expect, it } from 'vitest';
import { latestFactoringMonth } from '../../src-renderer/statements/latest-factoring-month';
import { rememberedPreset, rememberPreset } from '../../src-renderer/statements/preset-choice';
import { memoryCache } from '../support/memory-cache';
import { ledgerEvent } from '../support/records';

function storage(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('what the export dialog starts with', () => {
  it('offers the preset of the app language until the user picks one, then keeps that one in every language', () => {
    const store = storage();
    expect(rememberedPreset(store, 'en')).toBe('rfc4180');
    expect(rememberedPreset(store, 'sv')).toBe('excel-nordic');
    rememberPreset(store, 'rfc4180');
    expect(rememberedPreset(store, 'sv')).toBe('rfc4180');
    store.setItem('reskontra.csvPreset', 'semicolons please');
    expect(rememberedPreset(store, 'nl')).toBe('excel-nordic');
  });

  it("opens a factoring statement on the month of the connection's latest factoring event", async () => {
    const { db } = memoryCache();
    const origin = { stream: 'events', generation: 0 } as const;
    await db.events.bulkPut([
      { ...ledgerEvent('vettig-1', 'a', { date: '2025-01-31' }), ...origin },
      { ...ledgerEvent('vettig-1', 'b', { type: 'recourse-payment', date: '2025-03-27' }), ...origin },
      // A customer payment is not a factoring event; another connection's events are not this one's.
      { ...ledgerEvent('vettig-1', 'c', { type: 'payment', date: '2025-05-02' }), ...origin },
      { ...ledgerEvent('vettig-2', 'd', { date: '2025-06-30' }), ...origin },
    ]);
    expect(await latestFactoringMonth(db, 'vettig-1')).toBe('2025-03');
    expect(await latestFactoringMonth(db, 'nobody')).toBeNull();
  });
});
