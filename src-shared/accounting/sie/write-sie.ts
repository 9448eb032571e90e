import { formatMinorUnits } from '../../money/money';
import type { Company } from '../account-map';
import { accountsUsed, voucherSeries, type Voucher } from '../vouchers';
import { encodeCp437 } from './cp437';

export interface SieFile {
  company: Company;
  program: { name: string; version: string };
  /** The day the file was made, YYYY-MM-DD. */
  generated: string;
  /** The name `#KONTO` gives each account used. */
  accountName(account: string): string;
  /** The text of a voucher (`#VER`'s verifikationstext). */
  voucherText(voucher: Voucher): string;
  vouchers: readonly Voucher[];
}

/**
 * A field as SIE 4 writes it (SIE filformat ver 4B, 5.7): inside quotation marks, a quotation
 * mark inside the text escaped with a backslash; control characters are not allowed and become spaces.
 */
export function sieText(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\\/g, '/').replace(/"/g, '\\"');
  return `"${clean}"`;
}

const sieDate = (iso: string) => iso.replaceAll('-', '');
/** Kronor with a decimal point and two decimals, a minus sign for credit: `-1000.00`. */
const sieAmount = (minor: number) => formatMinorUnits(minor, 'SEK', '.');

/** The file as lines (without line ends), in the order SIE 4B lists the items. */
export function sieLines(file: SieFile): string[] {
  const lines = [
    '#FLAGGA 0',
    `#PROGRAM ${sieText(file.program.name)} ${sieText(file.program.version)}`,
    '#FORMAT PC8',
    `#GEN ${sieDate(file.generated)}`,
    '#SIETYP 4',
  ];
  if (file.company.orgNumber !== '') lines.push(`#ORGNR ${file.company.orgNumber}`);
  lines.push(`#FNAMN ${sieText(file.company.name)}`, '#VALUTA SEK');
  for (const account of accountsUsed(file.vouchers)) lines.push(`#KONTO ${account} ${sieText(file.accountName(account))}`);
  for (const voucher of file.vouchers) {
    lines.push(`#VER ${voucherSeries} ${voucher.number} ${sieDate(voucher.date)} ${sieText(file.voucherText(voucher))}`, '{');
    for (const line of voucher.lines) lines.push(`   #TRANS ${line.account} {} ${sieAmount(line.amount)}`);
    lines.push('}');
  }
  return lines;
}

/** The SIE 4I file's bytes: code page 437, CR LF after every line. */
export function writeSie(file: SieFile): Uint8Array {
  return encodeCp437(sieLines(file).map((line) => `${line}\r\n`).join(''));
}
