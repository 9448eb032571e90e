import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { messagesFor } from '../../src-renderer/i18n/all-messages';
import { pseudoLocalize, pseudoMessage } from '../../src-renderer/i18n/pseudo-locale';

describe('pseudo-English', () => {
  it('accents and brackets each plural form, keeping placeholders and linked messages', () => {
    expect(pseudoMessage('Sync complete: no records. | Sync complete: one record. | Sync complete: {count} records.')).toBe(
      '⟦Šýñç çöɱþļéţé: ñö ŕéçöŕðš.⟧ | ⟦Šýñç çöɱþļéţé: öñé ŕéçöŕð.⟧ | ⟦Šýñç çöɱþļéţé: {count} ŕéçöŕðš.⟧',
    );
    expect(pseudoMessage("{provider} said: {'@'} @:common.app.name")).toBe("⟦{provider} šáíð: {'@'} @:common.app.name⟧");
  });

  it('still pluralises and interpolates through vue-i18n, for every message of every namespace', () => {
    const en = messagesFor('en');
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: pseudoLocalize(en) } });
    const { t } = i18n.global;
    expect(t('connections.syncDone', { count: 3 }, 3)).toBe('⟦Šýñç çöɱþļéţé: 3 ŕéçöŕðš.⟧');
    expect(t('connections.syncDone', 1)).toBe('⟦Šýñç çöɱþļéţé: öñé ŕéçöŕð.⟧');
    // Same shape as English: every key English has, pseudo-English has.
    const keys = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]));
    expect(keys(pseudoLocalize(en))).toEqual(keys(en));
  });
});
