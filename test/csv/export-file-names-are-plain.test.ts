import { describe, expect, it } from 'vitest';
import { csvFileNameProblem, exportFileName } from '../../src-shared/csv/export-file-name';

describe('suggested export file names', () => {
  it('read reskontra-<statement>-<period>.csv', () => {
    expect(exportFileName(['factoring', '2025-01'])).toBe('reskontra-factoring-2025-01.csv');
    expect(exportFileName(['invoices'])).toBe('reskontra-invoices.csv');
  });

  it('keep only lower-case ASCII letters, digits and single hyphens', () => {
    expect(exportFileName(['collection', 'Åkesson & Söner / ärende 77'])).toBe('reskontra-collection-akesson-soner-arende-77.csv');
    expect(exportFileName(['history', 'IJsselmeer Müller', '', '--'])).toBe('reskontra-history-ijsselmeer-muller.csv');
    expect(exportFileName(['../../etc/passwd'])).toBe('reskontra-etc-passwd.csv');
  });

  it('stay short enough for every file system and pass the check main applies', () => {
    const name = exportFileName(['invoice-list', 'x'.repeat(500)]);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.csv')).toBe(true);
    expect(csvFileNameProblem(name)).toBeNull();
  });
});

describe('the file-name check', () => {
  it.each([
    'reskontra-factoring-2025-01.csv',
    'Åkesson faktura 10425.CSV',
    'a.csv',
    'report (2).csv',
    'console.csv',
    'COM10.csv',
    'conin.csv',
    `${'x'.repeat(246)}.csv`,
    `${'€'.repeat(82)}.csv`,
  ])('accepts %j', (name) => {
    expect(csvFileNameProblem(name)).toBeNull();
  });

  it.each([
    ['', 'the file name is empty'],
    ['../x.csv', 'may not contain a folder'],
    ['exports/x.csv', 'may not contain a folder'],
    ['C:\\Users\\x.csv', 'may not contain a folder'],
    ['x.txt', 'must end with ".csv"'],
    ['x.csv.exe', 'must end with ".csv"'],
    ['.csv', 'may not start with "."'],
    ['.hidden.csv', 'may not start with "."'],
    ['a:b.csv', 'may not contain < > : " | ? * or control characters'],
    ['a\nb.csv', 'control characters'],
    ['a\u0000.csv', 'control characters'],
    [' x.csv', 'may not start or end with a space'],
    ['x .csv', 'may not start or end with a space'],
    ['CON.csv', 'a name Windows reserves'],
    ['lpt1.csv', 'a name Windows reserves'],
    ['COM¹.csv', 'a name Windows reserves'],
    ['lpt².csv', 'a name Windows reserves'],
    ['LPT³.report.csv', 'a name Windows reserves'],
    ['CONIN$.csv', 'a name Windows reserves'],
    ['conout$.csv', 'a name Windows reserves'],
    ['COM1 .old.csv', 'a name Windows reserves'],
    ['AUX  .csv', 'may not start or end with a space'],
    ['nul..csv', 'a name Windows reserves'],
    [`${'x'.repeat(247)}.csv`, 'longer than 250 bytes'],
    // 116 three-byte characters: 352 bytes in UTF-8, yet only 120 UTF-16 units.
    [`${'€'.repeat(116)}.csv`, 'longer than 250 bytes'],
  ])('rejects %j: %s', (name, reason) => {
    expect(csvFileNameProblem(name)).toContain(reason);
  });
});
