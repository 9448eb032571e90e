/**
 * An SIE 4 reader written for the tests from the format's description (SIE filformat ver 4B), on
 * purpose sharing no code with the app's writer: what it accepts, an importing program would.
 */

/** Code page 437 for the letters Swedish, Dutch and Finnish texts use; any other high byte is an error. */
const pc8: Readonly<Record<number, string>> = {
  0x86: 'å', 0x84: 'ä', 0x94: 'ö', 0x8f: 'Å', 0x8e: 'Ä', 0x99: 'Ö',
  0x82: 'é', 0x90: 'É', 0x81: 'ü', 0x9a: 'Ü', 0x8a: 'è', 0x85: 'à',
};

export interface SieTrans { account: string; ore: number }
export interface SieVoucher { series: string; number: string; date: string; text: string; trans: SieTrans[] }
export interface SieDocument {
  items: Map<string, string[][]>;
  accounts: Map<string, string>;
  vouchers: SieVoucher[];
}

export function decodePc8(bytes: Uint8Array): string {
  let text = '';
  for (const [offset, byte] of bytes.entries()) {
    if (byte < 0x80) text += String.fromCharCode(byte);
    else if (pc8[byte] !== undefined) text += pc8[byte];
    else throw new Error(`byte 0x${byte.toString(16)} at ${offset} is not a letter this reader knows in PC-8`);
  }
  return text;
}

/** Splits a line into fields: quoted text (with \" inside), {object lists}, or bare words. */
export function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '"') {
      let value = '';
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && line[i + 1] === '"') i++;
        value += line[i];
        i++;
      }
      if (line[i] !== '"') throw new Error(`unterminated quotation in: ${line}`);
      i++;
      out.push(value);
    } else if (c === '{') {
      const end = line.indexOf('}', i);
      if (end < 0) throw new Error(`unterminated object list in: ${line}`);
      out.push(line.slice(i, end + 1));
      i = end + 1;
    } else {
      let value = '';
      while (i < line.length && line[i] !== ' ' && line[i] !== '\t') value += line[i++];
      out.push(value);
    }
  }
  return out;
}

/** `-1000.5` → -100050 öre, by text (never floats). */
function ore(amount: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`not an SIE amount: ${amount}`);
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
}

export function readSie(bytes: Uint8Array): SieDocument {
  const text = decodePc8(bytes);
  if (!text.endsWith('\r\n')) throw new Error('the last line has no CR LF');
  const lines = text.slice(0, -2).split('\r\n');
  const document: SieDocument = { items: new Map(), accounts: new Map(), vouchers: [] };
  let open: SieVoucher | null = null;
  let inBlock = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (/[\u0000-\u001f]/.test(raw)) throw new Error(`control character in: ${raw}`);
    if (line === '{') {
      if (!open || inBlock) throw new Error('{ without #VER');
      inBlock = true;
      continue;
    }
    if (line === '}') {
      if (!open || !inBlock) throw new Error('} without {');
      document.vouchers.push(open);
      open = null;
      inBlock = false;
      continue;
    }
    const [label, ...rest] = fields(line);
    if (!label?.startsWith('#')) throw new Error(`not an item: ${line}`);
    if (label === '#TRANS') {
      if (!open || !inBlock) throw new Error('#TRANS outside a voucher');
      const [account, objects, amount] = rest;
      if (!/^\d{4}$/.test(account ?? '') || !objects?.startsWith('{')) throw new Error(`bad #TRANS: ${line}`);
      open.trans.push({ account: account!, ore: ore(amount ?? '') });
      continue;
    }
    if (inBlock) throw new Error(`${label} inside a voucher`);
    if (label === '#VER') {
      const [series, number, date, verText] = rest;
      if (!/^\d{8}$/.test(date ?? '')) throw new Error(`bad #VER date: ${line}`);
      open = { series: series!, number: number!, date: date!, text: verText ?? '', trans: [] };
      continue;
    }
    if (open) throw new Error(`#VER without its { } block before ${label}`);
    if (label === '#KONTO') document.accounts.set(rest[0]!, rest[1] ?? '');
    const list = document.items.get(label) ?? [];
    list.push(rest);
    document.items.set(label, list);
  }
  if (open || inBlock) throw new Error('the file ends inside a voucher');
  return document;
}

/** What an importing program checks before it books: the header, declared accounts, balanced vouchers. */
export function sieProblems(document: SieDocument): string[] {
  const problems: string[] = [];
  const one = (label: string) => document.items.get(label)?.[0]?.join(' ');
  if (one('#FLAGGA') !== '0') problems.push('#FLAGGA is not 0');
  if (one('#FORMAT') !== 'PC8') problems.push('#FORMAT is not PC8');
  if (one('#SIETYP') !== '4') problems.push('#SIETYP is not 4');
  for (const label of ['#PROGRAM', '#GEN', '#FNAMN']) if (!document.items.has(label)) problems.push(`no ${label}`);
  for (const voucher of document.vouchers) {
    const sum = voucher.trans.reduce((total, trans) => total + trans.ore, 0);
    if (sum !== 0) problems.push(`voucher ${voucher.series}${voucher.number} sums to ${sum} öre`);
    if (voucher.trans.length < 2) problems.push(`voucher ${voucher.series}${voucher.number} has fewer than two transactions`);
    for (const trans of voucher.trans) if (!document.accounts.has(trans.account)) problems.push(`account ${trans.account} is not declared`);
  }
  return problems;
}
