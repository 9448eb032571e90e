import type { Case } from '../../src-shared/domain/records';
import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';
import type { CachedCase } from '../db/cache-database';

const unknownDebtor: Case['debtor'] = { name: null, number: null };

/** A cached case's debtor; a case cached before debtors were read has an unknown one until its next sync. */
export function debtorOf(item: Pick<CachedCase, 'debtor'>): Case['debtor'] {
  return item.debtor ?? unknownDebtor;
}

/**
 * The debtor's name as the screens show it: the case's own, else the customer the ledger knows for
 * its invoice (Confirma's case document names no debtor; Flowtly and Aptic name the customer), else
 * the case's debtor number; null when nobody says.
 */
export function debtorName(debtor: Case['debtor'], entry: Pick<LedgerEntry, 'customerName'> | undefined): string | null {
  return debtor.name ?? entry?.customerName ?? debtor.number;
}
