import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespaces, type Namespace } from '../../src-renderer/i18n/all-messages';
import { createAppI18n } from '../../src-renderer/i18n/i18n';
import { supportedLocales } from '../../src-renderer/i18n/locales';
import { scanKeypaths } from './support/keypaths-in-source';

const renderer = resolve('src-renderer');
const messagesFolder = join(renderer, 'i18n/messages');

/**
 * Which namespace each screen or component family owns (paths inside src-renderer). Every file
 * that names a message key or imports a message file must be listed; it may read its own
 * namespace and `common`, nothing else.
 */
const families: readonly [RegExp, Namespace][] = [
  [/^App\.vue$/, 'common'],
  [/^i18n\/error-message\.ts$/, 'common'],
  [/^components\/(ConfirmDialog|PageHeader|DateField|MonthField)\.vue$/, 'common'],
  [/^i18n\/validation-messages\.ts$/, 'common'],
  [/^format\/use-record-labels\.ts$/, 'common'],
  [/^(views\/Dashboard\w*|components\/MonthlyCostChart)\.vue$/, 'dashboard'],
  [/^(views|components)\/Invoice\w*\.vue$/, 'invoices'],
  [/^(views|components)\/Customer\w*\.vue$/, 'customers'],
  [/^(views\/Events\w*|components\/Ledger\w*)\.vue$/, 'events'],
  [/^(views|components)\/Case\w*\.vue$/, 'cases'],
  [/^((views|components)\/Connection\w*|components\/QuarantineDialog)\.vue$/, 'connections'],
  [/^i18n\/record-problem\.ts$/, 'common'],
  [/^views\/Settings\w*\.vue$/, 'settings'],
  [/^((views|components)\/Outbox\w*\.vue|outbox\/[\w-]+\.ts)$/, 'outbox'],
  [/^(accounting\/[\w-]+\.(ts|vue)|components\/AccountMap\w*\.vue)$/, 'accounting'],
  [/^(components\/(Welcome|WhatChanged|Freshness)\w*\.vue|freshness\/[\w-]+\.ts)$/, 'freshness'],
  [/^(components\/Export\w*\.vue|components\/export\/[\w-]+\.(vue|ts)|statements\/[\w-]+\.ts)$/, 'statements'],
];

// The registry and the message files themselves name every namespace by design.
const exempt = (file: string) => file === 'i18n/all-messages.ts' || file.startsWith('i18n/messages/');

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a message tree as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
const pluralForms = (text: string) => text.split(' | ').length;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(vue|ts)$/.test(entry.name) ? [relative(renderer, path)] : [];
  });
}

/** What a dotted path names in the English messages: a text, a group of texts, or nothing. */
function lookUp(keypath: string): 'text' | 'group' | 'missing' {
  const [namespace, ...rest] = keypath.split('.');
  let node: string | Tree | undefined = namespaces[namespace as Namespace]?.en;
  for (const segment of rest) node = typeof node === 'object' ? node[segment] : undefined;
  return node === undefined ? 'missing' : typeof node === 'string' ? 'text' : 'group';
}

describe('the message files', () => {
  it('are one file per namespace, named after it', async () => {
    const files = readdirSync(messagesFolder).map((name) => name.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(Object.keys(namespaces).sort());
    for (const namespace of files) {
      const file = (await import(join(messagesFolder, `${namespace}.ts`))) as { default: unknown };
      expect(namespaces[namespace as Namespace], namespace).toBe(file.default);
    }
  });

  describe.each(Object.keys(namespaces) as Namespace[])('%s', (namespace) => {
    const english = leaves(namespaces[namespace].en);

    it.each(['sv', 'nl', 'fi'] as const)('has every key in %s, with the placeholders and plural forms of the English', (locale) => {
      const translated = new Map(leaves(namespaces[namespace][locale]));
      expect([...translated.keys()].sort()).toEqual(english.map(([key]) => key).sort());
      for (const [key, text] of english) {
        expect(placeholders(translated.get(key) ?? ''), `${namespace}.${key}`).toEqual(placeholders(text));
        expect(pluralForms(translated.get(key) ?? ''), `${namespace}.${key}`).toBe(pluralForms(text));
      }
    });

    it.each(supportedLocales)('compiles in vue-i18n and fills every placeholder in %s', (locale) => {
      const { global } = createAppI18n(locale);
      for (const [key, text] of english) {
        const values = Object.fromEntries(placeholders(text).map((name) => [name, 'X']));
        const shown = global.t(`${namespace}.${key}`, values, 2);
        expect(shown, key).not.toBe(`${namespace}.${key}`);
        expect(shown, key).not.toMatch(/\{\w+\}/);
      }
    });
  });

  it.each(['sv', 'nl', 'fi'] as const)('are written in %s, not left in English', (locale) => {
    let same = 0;
    let all = 0;
    for (const byLocale of Object.values(namespaces)) {
      const translated = new Map(leaves(byLocale[locale]));
      for (const [key, text] of leaves(byLocale.en)) {
        all++;
        if (translated.get(key) === text) same++;
      }
    }
    // A few words are the same in both (Status, Saldo, RFC 4180, the language names); most are not.
    expect(same).toBeLessThan(all / 10);
  });
});

describe('each screen and component family', () => {
  const files = sourceFiles(renderer).filter((file) => !exempt(file));

  it.each(files)('%s reads only its own namespace and common, and only keys that exist', (file) => {
    const scan = scanKeypaths(readFileSync(join(renderer, file), 'utf8'));
    expect(scan.unreadable, 'a t() call whose key is not written in it').toEqual([]);
    const imported = scan.importedMessageFiles.map((spec) => relative(messagesFolder, resolve(dirname(join(renderer, file)), spec)));
    if (scan.uses.length === 0 && imported.length === 0) return;

    const own = families.find(([pattern]) => pattern.test(file))?.[1];
    expect(own, `${file} reads messages: add it to the families in this test`).toBeDefined();
    const allowed = ['common', own];
    for (const namespace of imported) expect(allowed, `${file} imports messages/${namespace}`).toContain(namespace);
    for (const { line, keypath, dynamic } of scan.uses) {
      const where = `${file}:${line} ${keypath}`;
      expect(allowed, where).toContain(keypath.split('.')[0]);
      if (dynamic) expect(lookUp(keypath.replace(/\.[^.]*$/, '')), where).toBe('group');
      else expect(lookUp(keypath), where).toBe('text');
    }
  });
});
