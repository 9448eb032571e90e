import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { normalizeEach } from '../../src-main/providers/normalize-each';
import { toRpcError } from '../../src-main/providers/provider-failure';
import { validatePage } from '../../src-main/providers/provider-http';
import type { CachedQuarantine } from '../../src-renderer/db/cache-database';
import { createAppI18n } from '../../src-renderer/i18n/i18n';
import { errorSentence, type Translate } from '../../src-renderer/i18n/error-message';
import type { Locale } from '../../src-renderer/i18n/locales';
import { quarantineReason } from '../../src-renderer/i18n/record-problem';
import { parseMinorUnits } from '../../src-shared/money/parse-amount';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { formatCount, intlLocale } from '../../src-renderer/format/use-format';

// Main quarantines what it cannot read with its English reason and the same as a code; the
// screens say the code in the app's language, and an entry an older version stored without a
// code still shows its English.
const schema = z.object({ id: z.string(), amount: z.union([z.number(), z.string()]), currency: z.string() });
const items = [
  { id: 'a', amount: 'abc', currency: 'SEK' },
  { id: 'b', amount: '1.234', currency: 'SEK' },
  { id: 'c', amount: 1, currency: 'sek' },
  { amount: 1, currency: 'SEK' },
  { id: 'e', amount: 'secret-token-1', currency: 'SEK' },
];
const { quarantined } = normalizeEach(
  items,
  {
    kind: 'invoice',
    refOf: (item) => (item as { id?: string }).id ?? null,
    read: (item) => {
      const valid = validatePage(schema, item, 'invoice');
      return { id: valid.id, minor: parseMinorUnits(valid.amount, valid.currency, { record: `invoice ${valid.id}`, field: 'amount' }) };
    },
  },
  (text) => text.replaceAll('secret-token-1', '[redacted]'),
);
const entries = quarantined.map((entry) => ({ ...entry, connectionId: 'c1', stream: 'invoices' }) as CachedQuarantine);

function reasons(locale: Locale, shown: readonly CachedQuarantine[] = entries): string[] {
  const { t } = createAppI18n(locale).global;
  return shown.map((entry) => quarantineReason(t as Translate, entry, (value) => formatCount(intlLocale(locale), value)));
}

describe('a record that could not be read says why in the app language', () => {
  it('is quarantined with a code beside its English reason, the provider’s value redacted', () => {
    expect(quarantined.map((entry) => entry.problem)).toEqual([
      { code: 'amount', field: 'amount', value: 'abc' },
      { code: 'decimals', field: 'amount', value: '1.234', digits: 2 },
      { code: 'currency', field: 'amount', value: 'sek' },
      { code: 'type', field: 'id', expected: 'string' },
      { code: 'amount', field: 'amount', value: '[redacted]' },
    ]);
    expect(quarantined.every((entry) => entry.reason.length > 0)).toBe(true);
  });

  it.each([
    ['sv', ['Fältet amount: ”abc” är inget belopp.', 'Fältet amount: 1.234 har fler än 2 decimaler.', 'Fältet amount: ”sek” är ingen valutakod.', 'Fältet id: saknas eller är inte text.']],
    ['nl', ['Veld amount: “abc” is geen bedrag.', 'Veld amount: 1.234 heeft meer dan 2 decimalen.', 'Veld amount: “sek” is geen valutacode.', 'Veld id: ontbreekt of is geen tekst.']],
    ['fi', ['Kenttä amount: ”abc” ei ole summa.', 'Kenttä amount: luvussa 1.234 on enemmän kuin 2 desimaalia.', 'Kenttä amount: ”sek” ei ole valuuttakoodi.', 'Kenttä id: puuttuu tai ei ole tekstiä.']],
    ['en', ['Field amount: “abc” is not an amount.', 'Field amount: 1.234 has more than 2 decimals.', 'Field amount: “sek” is not a currency code.', 'Field id: missing, or not text.']],
  ] as const)('%s', (locale, expected) => {
    expect(reasons(locale).slice(0, 4)).toEqual(expected);
  });

  it('shows a refusal no code names with the validator’s words quoted, and an older cache’s English as it was', () => {
    const [first] = entries as [CachedQuarantine];
    const unnamed = { ...first, problem: { code: 'field', field: 'items[2].date', said: 'Too big: expected string to have <=10 characters' } } as CachedQuarantine;
    const old: CachedQuarantine = { providerRef: 'x', kind: 'invoice', reason: 'Aptic invoice 7, field amount: "abc" is not a decimal amount.', json: '{}', connectionId: 'c1', stream: 'invoices' };
    expect(reasons('sv', [unnamed, old])).toEqual(['Fältet items[2].date kunde inte läsas: Too big: expected string to have <=10 characters', old.reason]);
  });

  it('says a page it could not read the same way, on the card as a stored error, and an older stored error as it was', () => {
    let thrown: unknown;
    try {
      validatePage(z.object({ value: z.array(z.unknown()) }), { value: 'secret-token-1' }, 'invoices page');
    } catch (error) {
      thrown = error;
    }
    // As the cache keeps it (syncState.lastError) and reads it back.
    const stored = RpcError.fromBody(toRpcError('aptic', thrown, (text) => text).toBody());
    const { t } = createAppI18n('sv').global;
    expect(errorSentence(t as Translate, stored, String)).toBe('Aptic skickade en sida som Reskontra inte kan läsa: ”Fältet value: saknas eller är inte en lista.”. Inget från den sidan sparades; allt som synkats tidigare finns kvar.');
    const notJson = new RpcError('provider_unreadable', 'Aptic sent data Reskontra cannot read: the response is not valid JSON', { provider: 'aptic', said: 'the response is not valid JSON', problem: { code: 'json' } });
    expect(errorSentence(t as Translate, notJson, String)).toContain('”Svaret är inte JSON.”');
    const older = new RpcError('provider_unreadable', 'Aptic sent data Reskontra cannot read: x', { provider: 'aptic', said: 'invoices page: field value: Invalid input' });
    expect(errorSentence(t as Translate, older, String)).toContain('”invoices page: field value: Invalid input”');
  });
});
