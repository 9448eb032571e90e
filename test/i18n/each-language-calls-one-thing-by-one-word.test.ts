import { describe, expect, it } from 'vitest';
import { namespaces, type Namespace } from '../../src-renderer/i18n/all-messages';
import { glossary } from '../../src-renderer/i18n/glossary';
import { supportedLocales } from '../../src-renderer/i18n/locales';

interface Tree {
  [key: string]: string | Tree;
}

function texts(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : texts(value, `${prefix}${key}.`)));
}

describe('the glossary', () => {
  it.each(supportedLocales)('holds in every %s message: no synonym for a word it fixes', (locale) => {
    const messages = (Object.keys(namespaces) as Namespace[]).flatMap((namespace) => texts(namespaces[namespace][locale] as Tree, `${namespace}.`));
    const strays = Object.entries(glossary).flatMap(([concept, words]) =>
      messages.filter(([, text]) => words[locale].not.some((synonym) => synonym.test(text))).map(([key, text]) => `${concept}: ${key}: ${text}`),
    );
    expect(strays).toEqual([]);
    // Each fixed word is in use, so the glossary names the word the app really says.
    for (const words of Object.values(glossary)) expect(messages.some(([, text]) => text.toLowerCase().includes(words[locale].word))).toBe(true);
  });
});
