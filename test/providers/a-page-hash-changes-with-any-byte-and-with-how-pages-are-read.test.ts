import { describe, expect, it } from 'vitest';
import { pageHash } from '../../src-main/sync/page-hash';

describe('a sync page hash', () => {
  it('is the same for the same bodies read the same way, and differs with any byte, their split, or the format that reads them', () => {
    const bodies = ['{"total":2,"value":[1]}', '{"total":2,"value":[2]}'];
    const hash = pageHash('aptic/invoices/1/deferred', bodies);
    expect(pageHash('aptic/invoices/1/deferred', [...bodies])).toBe(hash);
    expect(pageHash('aptic/invoices/1/deferred', ['{"total":2,"value":[1]}', '{"total":2,"value":[3]}'])).not.toBe(hash);
    expect(pageHash('aptic/invoices/1/deferred', [bodies[0]!.slice(0, 5), bodies[0]!.slice(5) + bodies[1]!])).not.toBe(hash);
    // A release that reads the same bytes otherwise names another format: its pages are read again.
    expect(pageHash('aptic/invoices/2/deferred', bodies)).not.toBe(hash);
    expect(pageHash('aptic/invoices/1/with-vat', bodies)).not.toBe(hash);
  });
});
