import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../src-renderer/i18n/i18n';
import { errorSentence, type Translate } from '../../src-renderer/i18n/error-message';
import type { Locale } from '../../src-renderer/i18n/locales';
import { formatCount, intlLocale } from '../../src-renderer/format/use-format';
import { RpcError } from '../../src-shared/rpc/rpc-error';

function sentence(locale: Locale, error: unknown): string {
  const { t } = createAppI18n(locale).global;
  return errorSentence(t as Translate, error, (value) => formatCount(intlLocale(locale), value));
}

// What main sends: its English message (for logs), the code and the provider's own words apart.
const said = '400 Bad Request: dueDate must be after 2025-07-31';
const refused = new RpcError('provider_error', `Vettig answered ${said}.`, { provider: 'vettig', said });
const unreachable = new RpcError('provider_unreachable', 'Could not reach Aptic; check the network and the base URL.', { provider: 'aptic' });
const changeRefused = new RpcError('provider_refused', `Aptic refused the change: ${said}.`, { provider: 'aptic', said });
const silent = new RpcError('outcome_unknown', 'Aptic did not answer; the change may or may not have been made.', { provider: 'aptic' });
const keychain = new RpcError('keychain_unavailable', 'Could not read the OS keychain (no Secret Service).');
const notAtProvider = new RpcError('not_found', 'Confirma Finance has no case 77.', { provider: 'confirma' });

describe('an error from main reads as a sentence in the app language', () => {
  it.each([
    ['sv', refused, `Vettig svarade med ett fel: ”${said}”.`],
    ['nl', refused, `Vettig antwoordde met een fout: “${said}”.`],
    ['fi', refused, `Vettig vastasi virheellä: ”${said}”.`],
    ['sv', changeRefused, `Aptic avvisade ändringen: ”${said}”.`],
    ['nl', changeRefused, `Aptic weigerde de wijziging: “${said}”.`],
    ['fi', changeRefused, `Aptic hylkäsi muutoksen: ”${said}”.`],
    ['sv', silent, 'Aptic bekräftade inte ändringen; den kan ha gjorts eller inte.'],
    ['nl', silent, 'Aptic bevestigde de wijziging niet; misschien is ze doorgevoerd, misschien niet.'],
    ['fi', silent, 'Aptic ei vahvistanut muutosta; se on ehkä tehty, ehkä ei.'],
    ['sv', notAtProvider, 'Confirma Finance har inte längre den här posten.'],
    ['fi', notAtProvider, 'Confirma Finance ei enää tunne tätä tietuetta.'],
  ] as const)('%s: %s', (locale, error, expected) => {
    expect(sentence(locale, error)).toBe(expected);
  });

  it.each([
    ['sv', /^Kunde inte nå Aptic: /],
    ['nl', /^Aptic is niet bereikbaar: /],
    ['fi', /^Palveluun Aptic ei saada yhteyttä: /],
  ] as const)('%s: a provider that does not answer is named in the sentence', (locale, start) => {
    expect(sentence(locale, unreachable)).toMatch(start);
  });

  it('never shows main\'s English alone: a code without a sentence of its own quotes it in one', () => {
    for (const locale of ['sv', 'nl', 'fi'] as const) {
      for (const error of [refused, unreachable, changeRefused, silent, notAtProvider]) {
        expect(sentence(locale, error)).not.toContain(error.message);
      }
      const keychainSentence = sentence(locale, keychain);
      expect(keychainSentence).toContain(`${keychain.message}`);
      expect(keychainSentence.startsWith(keychain.message)).toBe(false);
      // An error an older version stored as text.
      expect(sentence(locale, 'Flowtly answered 500.')).toMatch(/^Reskontra .+[”“]Flowtly answered 500\.”\.$/);
    }
    expect(sentence('sv', new RpcError('conflict', '4 exports are already in progress; finish or abort one first.'))).toBe(
      'Reskontra kunde inte göra det: ”4 exports are already in progress; finish or abort one first.”.',
    );
  });
});
