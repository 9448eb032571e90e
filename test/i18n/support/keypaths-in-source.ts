/** One message keypath a source file names: `invoices.columns.total`, or the fixed start of a built one. */
export interface KeypathUse {
  line: number;
  keypath: string;
  /** Built at run time (`common.nav.${name}`): `keypath` is the part before the first `${`. */
  dynamic: boolean;
}

export interface KeypathScan {
  uses: KeypathUse[];
  /** Lines with a t()/te() call whose key is not written in the call, so no test can check it. */
  unreadable: number[];
  /** Message files imported directly (the statements do, to build files without vue-i18n). */
  importedMessageFiles: string[];
}

// t(…), te(…), $t(…), $te(…): not preceded by a letter or a dot, so format(…) and i18n.global.t(…) do not count.
const translateCall = /(?<![\w$.])\$?te?\(/g;
const literal = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
const keypathAttribute = /\bkeypath="([^"]+)"/g;
const messageImport = /from '([^']*\/messages\/[\w-]+)'/g;

/** The first argument of the call that starts at `from`: up to the first comma or bracket at its own depth. */
function firstArgument(source: string, from: number): string {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const char = source[i]!;
    if (char === "'" || char === '"' || char === '`') {
      for (i++; i < source.length && source[i] !== char; i++) if (source[i] === '\\') i++;
    } else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) {
      if (depth === 0) return source.slice(from, i);
      depth--;
    } else if (char === ',' && depth === 0) return source.slice(from, i);
  }
  return source.slice(from);
}

const lineAt = (source: string, index: number) => source.slice(0, index).split('\n').length;

export function scanKeypaths(source: string): KeypathScan {
  const scan: KeypathScan = { uses: [], unreadable: [], importedMessageFiles: [] };
  for (const call of source.matchAll(translateCall)) {
    const start = call.index + call[0].length;
    const line = lineAt(source, call.index);
    const argument = firstArgument(source, start).trim();
    const literals = [...argument.matchAll(literal)].map((key) => ({ text: key[1] ?? key[2] ?? key[3] ?? '', template: key[3] !== undefined, whole: key[0] === argument }));
    // A key chosen by an expression (`cond ? 'a.b' : 'a.c'`): its keys are the literals with a dot.
    const keys = literals.length === 1 && literals[0]!.whole ? literals : literals.filter((key) => key.text.includes('.'));
    if (keys.length === 0) scan.unreadable.push(line);
    for (const { text, template } of keys) {
      const built = template && text.includes('${');
      scan.uses.push({ line, keypath: built ? text.slice(0, text.indexOf('${')) : text, dynamic: built });
    }
  }
  for (const attribute of source.matchAll(keypathAttribute)) {
    scan.uses.push({ line: lineAt(source, attribute.index), keypath: attribute[1]!, dynamic: false });
  }
  for (const imported of source.matchAll(messageImport)) scan.importedMessageFiles.push(imported[1]!);
  return scan;
}
