/**
 * Aptic's "simplified OData" $filter: comparisons (eq ne gt ge lt le), and / or / not,
 * parentheses, single-quoted strings with '' for an inner quote, numbers, true/false/null, dates
 * (quoted '2025-01-01' or bare 2025-01-01), plus contains/startswith/endswith(field,'text').
 * Parsed once per request into a predicate; a bad filter is a FilterError (-> 400 problem details).
 */
import { compareValues, isDateLike, resolveField, type FieldType, type FieldTypes } from './odata-fields';

export class FilterError extends Error {}

type Token =
  | { kind: 'open' | 'close' | 'comma'; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'date'; text: string; at: number };

const COMPARISONS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
type Comparison = (typeof COMPARISONS)[number];
const FUNCTIONS = ['contains', 'startswith', 'endswith'] as const;
type TextFunction = (typeof FUNCTIONS)[number];

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i] ?? '';
    if (/\s/.test(char)) { i += 1; continue; }
    if (char === '(') { tokens.push({ kind: 'open', at: i }); i += 1; continue; }
    if (char === ')') { tokens.push({ kind: 'close', at: i }); i += 1; continue; }
    if (char === ',') { tokens.push({ kind: 'comma', at: i }); i += 1; continue; }
    if (char === "'") {
      const start = i;
      let text = '';
      i += 1;
      for (;;) {
        if (i >= input.length) throw new FilterError(`unterminated string starting at position ${start}`);
        if (input[i] === "'") {
          if (input[i + 1] === "'") { text += "'"; i += 2; continue; }
          i += 1;
          break;
        }
        text += input[i];
        i += 1;
      }
      tokens.push({ kind: 'string', text, at: start });
      continue;
    }
    const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?/i.exec(input.slice(i));
    if (date) { tokens.push({ kind: 'date', text: date[0], at: i }); i += date[0].length; continue; }
    const number = /^-?\d+(\.\d+)?/.exec(input.slice(i));
    if (number) { tokens.push({ kind: 'number', value: Number(number[0]), at: i }); i += number[0].length; continue; }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i));
    if (word) { tokens.push({ kind: 'word', text: word[0], at: i }); i += word[0].length; continue; }
    throw new FilterError(`unexpected character '${char}' at position ${i}`);
  }
  return tokens;
}

export type Predicate = (item: Readonly<Record<string, unknown>>) => boolean;

type Literal = { type: 'string' | 'date'; value: string } | { type: 'number'; value: number } | { type: 'boolean'; value: boolean } | { type: 'null' };

function literalFits(fieldType: FieldType, literal: Literal): boolean {
  switch (literal.type) {
    case 'null': return true;
    case 'number': return fieldType === 'number';
    case 'boolean': return fieldType === 'boolean';
    case 'date': return fieldType === 'date';
    case 'string': return fieldType === 'string' || (fieldType === 'date' && isDateLike(literal.value));
  }
}

function comparisonPredicate(field: string, type: FieldType, op: Comparison, literal: Literal): Predicate {
  if (literal.type === 'null') {
    if (op !== 'eq' && op !== 'ne') throw new FilterError(`null can only be compared with eq or ne (field ${field})`);
    return op === 'eq' ? (item) => item[field] === null || item[field] === undefined : (item) => item[field] !== null && item[field] !== undefined;
  }
  const value = literal.value;
  const test: Record<Comparison, (c: number) => boolean> = { eq: (c) => c === 0, ne: (c) => c !== 0, gt: (c) => c > 0, ge: (c) => c >= 0, lt: (c) => c < 0, le: (c) => c <= 0 };
  const holds = test[op];
  return (item) => {
    const actual = item[field];
    if (actual === null || actual === undefined) return op === 'ne';
    return holds(compareValues(type, actual, value));
  };
}

function textPredicate(field: string, fn: TextFunction, text: string): Predicate {
  return (item) => {
    const actual = item[field];
    if (typeof actual !== 'string') return false;
    if (fn === 'contains') return actual.includes(text);
    return fn === 'startswith' ? actual.startsWith(text) : actual.endsWith(text);
  };
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[], private readonly fields: FieldTypes) {}

  parse(): Predicate {
    const predicate = this.or();
    const extra = this.tokens[this.position];
    if (extra) throw new FilterError(`unexpected ${this.describe(extra)} at position ${extra.at}`);
    return predicate;
  }

  private peekWord(...words: string[]): boolean {
    const token = this.tokens[this.position];
    return token?.kind === 'word' && words.includes(token.text.toLowerCase());
  }

  private take(): Token {
    const token = this.tokens[this.position];
    if (!token) throw new FilterError('filter ends too early');
    this.position += 1;
    return token;
  }

  private expect(kind: 'open' | 'close' | 'comma'): void {
    const wanted = kind === 'open' ? "'('" : kind === 'close' ? "')'" : "','";
    const token = this.tokens[this.position];
    if (!token) throw new FilterError(`expected ${wanted} but the filter ends`);
    this.position += 1;
    if (token.kind !== kind) throw new FilterError(`expected ${wanted} at position ${token.at}`);
  }

  private describe(token: Token): string {
    switch (token.kind) {
      case 'word': return `'${token.text}'`;
      case 'string': return `string '${token.text}'`;
      case 'number': return `number ${token.value}`;
      case 'date': return `date ${token.text}`;
      default: return token.kind === 'open' ? "'('" : token.kind === 'close' ? "')'" : "','";
    }
  }

  private or(): Predicate {
    let left = this.and();
    while (this.peekWord('or')) {
      this.position += 1;
      const a = left;
      const b = this.and();
      left = (item) => a(item) || b(item);
    }
    return left;
  }

  private and(): Predicate {
    let left = this.unary();
    while (this.peekWord('and')) {
      this.position += 1;
      const a = left;
      const b = this.unary();
      left = (item) => a(item) && b(item);
    }
    return left;
  }

  private unary(): Predicate {
    if (this.peekWord('not')) {
      this.position += 1;
      const operand = this.unary();
      return (item) => !operand(item);
    }
    const token = this.tokens[this.position];
    if (token?.kind === 'open') {
      this.position += 1;
      const inner = this.or();
      this.expect('close');
      return inner;
    }
    return this.comparisonOrCall();
  }

  private field(token: Token): { name: string; type: FieldType } {
    if (token.kind !== 'word') throw new FilterError(`expected a field name at position ${token.at}, found ${this.describe(token)}`);
    const field = resolveField(this.fields, token.text);
    if (!field) throw new FilterError(`unknown field '${token.text}'; filterable fields: ${Object.keys(this.fields).join(', ')}`);
    return field;
  }

  private comparisonOrCall(): Predicate {
    const first = this.take();
    if (first.kind === 'word' && (FUNCTIONS as readonly string[]).includes(first.text.toLowerCase())) {
      this.expect('open');
      const field = this.field(this.take());
      this.expect('comma');
      const text = this.take();
      if (text.kind !== 'string') throw new FilterError(`${first.text} takes a quoted string at position ${text.at}`);
      this.expect('close');
      if (field.type !== 'string') throw new FilterError(`${first.text} needs a text field; ${field.name} is a ${field.type}`);
      return textPredicate(field.name, first.text.toLowerCase() as TextFunction, text.text);
    }
    const field = this.field(first);
    const opToken = this.take();
    const op = opToken.kind === 'word' ? opToken.text.toLowerCase() : '';
    if (!(COMPARISONS as readonly string[]).includes(op)) throw new FilterError(`expected eq, ne, gt, ge, lt or le after ${field.name} at position ${opToken.at}`);
    const literal = this.literal();
    if (!literalFits(field.type, literal)) throw new FilterError(`${field.name} is a ${field.type} field and cannot be compared with a ${literal.type}`);
    return comparisonPredicate(field.name, field.type, op as Comparison, literal);
  }

  private literal(): Literal {
    const token = this.take();
    switch (token.kind) {
      case 'string': return { type: 'string', value: token.text };
      case 'number': return { type: 'number', value: token.value };
      case 'date': return { type: 'date', value: token.text };
      case 'word': {
        const word = token.text.toLowerCase();
        if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true' };
        if (word === 'null') return { type: 'null' };
        break;
      }
      default: break;
    }
    throw new FilterError(`expected a value at position ${token.at}, found ${this.describe(token)}`);
  }
}

export function parseFilter(filter: string, fields: FieldTypes): Predicate {
  const tokens = tokenize(filter);
  if (tokens.length === 0) return () => true;
  return new Parser(tokens, fields).parse();
}
