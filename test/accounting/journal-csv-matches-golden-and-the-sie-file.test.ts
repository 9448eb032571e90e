import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { journalStatement } from '../../src-renderer/accounting/journal-statement';
import { periodJournalStatement } from '../../src-renderer/accounting/period-journal-statement';
import { sieStatement } from '../../src-renderer/accounting/sie-statement';
import { statementRows } from '../../src-renderer/statements/statement';
import { readBack } from '../csv/support/read-back';
import { readSie } from '../support/sie-reader';
import { sampleAccounts, sampleCompany, samplePeriod } from './support/sample-period';

const period = { from: '2025-01-01', to: '2025-01-31' };
const entries = samplePeriod();

async function matchesGolden(name: string, text: string): Promise<void> {
  const path = join(import.meta.dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') await writeFile(path, text);
  expect(text).toBe(await readFile(path, 'utf8'));
}

describe('the journal CSV', () => {
  const journal = journalStatement(entries, { ...period, language: 'nl', currency: 'SEK', accounts: sampleAccounts });
  const csv = encodeCsvToString(statementRows(journal), csvFormat('excel-nordic'));

  it('matches its golden file: a pure table, one row per voucher line', async () => {
    await matchesGolden('journal-2025-01.excel-nordic.nl.csv', csv);
    const rows = readBack(csv, csvFormat('excel-nordic'));
    expect(rows[0]).toEqual(['Datum', 'Boekstuk', 'Rekening', 'Debet', 'Credit', 'Btw-code', 'Omschrijving boeking', 'Factuurnummer', 'Klant']);
    expect(rows.length - 1).toBe(journal.rowCount);
  });

  it('holds the same vouchers, accounts and amounts as the SIE file', () => {
    const sie = readSie(sieStatement(entries, { ...period, language: 'nl', accounts: sampleAccounts, company: sampleCompany, program: { name: 'Reskontra', version: '0' }, generated: '2025-02-03' }).file!.bytes);
    const fromSie = sie.vouchers.flatMap((voucher) => voucher.trans.map((trans) => [`${voucher.series}${voucher.number}`, trans.account, trans.ore]));
    const ore = (text: string) => (text === '' ? 0 : Math.round(Number(text.replace(',', '.')) * 100));
    const fromCsv = readBack(csv, csvFormat('excel-nordic')).slice(1).map((row) => [row[1], row[2], ore(row[3]!) - ore(row[4]!)]);
    expect(fromCsv).toEqual(fromSie);
  });
});

describe('the period journal', () => {
  it('matches its golden file: every movement signed, with its invoice and customer', async () => {
    const statement = periodJournalStatement(entries, { ...period, language: 'en', connectionLabels: new Map([['aptic', 'Aptic'], ['vettig', 'Vettig'], ['confirma', 'Confirma']]) });
    await matchesGolden('period-journal-2025-01.rfc4180.en.csv', encodeCsvToString(statementRows(statement), csvFormat('rfc4180')));
    expect(statement.rowCount).toBe(14);
  });
});
