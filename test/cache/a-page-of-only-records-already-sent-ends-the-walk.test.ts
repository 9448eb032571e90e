import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../src-shared/domain/records';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import { repeatedPageCheck } from '../../src-renderer/sync/repeated-pages';

/** A page of records of `kind` with these provider references (the check reads nothing else). */
const page = (kind: SyncRecord['kind'], ...refs: string[]): SyncPage => ({
  records: refs.map((providerRef) => ({ kind, providerRef }) as SyncRecord),
  quarantined: [],
  nextCursor: null,
  progress: { done: refs.length },
});

describe('a walk whose provider pages in circles', () => {
  it('goes on while each page brings at least one record new to the walk', () => {
    const check = repeatedPageCheck('aptic');
    check(page('invoice', 'a', 'b'));
    check(page('invoice', 'b', 'c'));
    check(page('invoice'));
    check(page('invoice', 'c', 'd'));
  });

  it('ends at the first page holding only records it already sent', () => {
    const check = repeatedPageCheck('aptic');
    check(page('invoice', 'a', 'b'));
    check(page('invoice', 'c'));
    expect(() => check(page('invoice', 'b', 'a'))).toThrow(/Aptic sent data Reskontra cannot read: it keeps sending pages of records it already sent/);
  });

  it('tells records of different kinds apart, though their references are the same', () => {
    const check = repeatedPageCheck('flowtly');
    check(page('invoice', '7'));
    check(page('ledger-event', '7'));
    check(page('case', '7'));
    expect(() => check(page('ledger-event', '7'))).toThrow(/Flowtly/);
  });

  it('keeps each walk to itself', () => {
    repeatedPageCheck('aptic')(page('invoice', 'a'));
    repeatedPageCheck('aptic')(page('invoice', 'a'));
  });
});
