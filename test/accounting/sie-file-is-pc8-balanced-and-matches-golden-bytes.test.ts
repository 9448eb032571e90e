import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCp437, encodeCp437 } from '../../src-shared/accounting/sie/cp437';
import { sieFileName, sieStatement } from '../../src-renderer/accounting/sie-statement';
import { readSie, sieProblems } from '../support/sie-reader';
import { sampleAccounts, sampleCompany, samplePeriod } from './support/sample-period';

const golden = join(import.meta.dirname, 'golden/sie-2025-01.se');
const statement = sieStatement(samplePeriod(), {
  from: '2025-01-01', to: '2025-01-31', language: 'en', accounts: sampleAccounts, company: sampleCompany,
  program: { name: 'Reskontra', version: '0.1.0' }, generated: '2025-02-03',
});
const bytes = statement.file!.bytes;

describe('the SIE 4I file of a period', () => {
  it('is byte for byte the golden file', async () => {
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(golden, bytes);
    expect(Buffer.from(bytes).equals(await readFile(golden))).toBe(true);
  });

  it('writes å ä ö Å Ä Ö as their PC-8 bytes, never as UTF-8', () => {
    expect([...encodeCp437('åäöÅÄÖ')]).toEqual([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]);
    const fnamn = Buffer.from(bytes).indexOf(Buffer.from('#FNAMN "'));
    expect([...bytes.slice(fnamn + 8, fnamn + 10)]).toEqual([0x8f, 0x6b]); // "Åk"
    expect(Buffer.from(bytes).includes(Buffer.from('Å', 'utf8'))).toBe(false);
    expect(decodeCp437(encodeCp437('Åkesson & Söner'))).toBe('Åkesson & Söner');
  });

  it('is read back by an independent reader: header, declared accounts, every voucher balanced', () => {
    const document = readSie(bytes);
    expect(sieProblems(document)).toEqual([]);
    expect(document.items.get('#FNAMN')).toEqual([['Åkesson & Söner AB']]);
    expect(document.items.get('#ORGNR')).toEqual([['556677-8899']]);
    expect(document.items.get('#GEN')).toEqual([['20250203']]);
    expect(document.vouchers.map((voucher) => voucher.date).every((date) => date >= '20250101' && date <= '20250131')).toBe(true);
    const customer = document.vouchers.find((voucher) => voucher.text.includes('Ängsbacka'));
    expect(customer?.text).toBe('Finansierad 10425 Ängsbacka "Café" ÖÄÅ');
  });

  it('leaves out and lists what it cannot book in kronor or is not the business’s to book', () => {
    expect(statement.problems.map((problem) => problem.code).sort()).toEqual(['factor-owns-invoice', 'other-currency', 'pending-at-agency', 'vat-unknown', 'vat-unknown']);
    expect(statement.totals.map((total) => total.minor)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(statement.totals[0]!.minor).toBe(statement.totals[1]!.minor);
  });

  it('is named as accountants name them', () => {
    expect(statement.file!.name).toBe('Akesson_Soner_AB_202501_SIE4I.se');
    expect(sieFileName({ name: '', orgNumber: '' }, { from: '2025-01-15', to: '2025-02-14' })).toBe('Reskontra_20250115-20250214_SIE4I.se');
  });
});
