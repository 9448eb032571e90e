import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../src-renderer/i18n/i18n';
import { supportedLocales } from '../../src-renderer/i18n/locales';
import statementMessages from '../../src-renderer/i18n/messages/statements';

/** Every leaf of a message tree as [dotted key, text]. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`),
  );
}

const english = leaves(statementMessages.en);

describe('the statement and export texts', () => {
  it.each(supportedLocales)('compile in vue-i18n and fill their placeholders in %s', (locale) => {
    const { global } = createAppI18n(locale);
    const values = { name: 'N', count: 3, type: 'T', line: 'L', path: '/p', fileName: 'f.csv', message: 'M', caseNumber: '7', step: 'S', status: 'St', financing: 'F', paid: '1', outstanding: '2' };
    for (const [key] of english) {
      const text = global.t(`statements.${key}`, values);
      expect(text, key).not.toBe(`statements.${key}`);
      expect(text, key).not.toMatch(/\{(name|count|type|line|path|fileName|message|caseNumber|step)\}/);
    }
  });

  it.each(['sv', 'nl', 'fi'] as const)('are written in %s, with the same placeholders as in English', (locale) => {
    const translated = new Map(leaves(statementMessages[locale]));
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    let same = 0;
    for (const [key, text] of english) {
      expect(placeholders(translated.get(key) ?? ''), key).toEqual(placeholders(text));
      if (translated.get(key) === text) same++;
    }
    // A few words are the same in both (Status, RFC 4180…); most are not.
    expect(same).toBeLessThan(english.length / 10);
  });
});
