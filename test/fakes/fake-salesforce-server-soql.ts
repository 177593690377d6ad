import { FakeSalesforceError, type FakeFieldValue } from './fake-salesforce-server-types.js';

/**
 * The SOQL subset Baton emits, parsed strictly:
 * `SELECT f1, f2 FROM Type [WHERE A = 'x' AND B = 1 …] [LIMIT n]` with string, number, boolean
 * and null literals. Anything else is a 400 MALFORMED_QUERY, as Salesforce answers a typo.
 */
export interface ParsedSoql {
  readonly fields: readonly string[];
  readonly type: string;
  readonly conditions: readonly { readonly field: string; readonly value: FakeFieldValue }[];
  readonly limit: number | undefined;
}

type Token =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'symbol'; readonly text: ',' | '=' };

const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?)|([,=]))/y;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

export function parseSoql(soql: string): ParsedSoql {
  const parser = new Parser(tokenize(soql));
  parser.keyword('SELECT');
  const fields = [parser.name()];
  while (parser.symbol(',')) fields.push(parser.name());
  parser.keyword('FROM');
  const type = parser.name();
  const conditions: { field: string; value: FakeFieldValue }[] = [];
  if (parser.optionalKeyword('WHERE')) {
    do {
      const field = parser.name();
      parser.expectSymbol('=');
      conditions.push({ field, value: literal(parser.next()) });
    } while (parser.optionalKeyword('AND'));
  }
  const limit = parser.optionalKeyword('LIMIT') ? parser.count() : undefined;
  parser.end();
  return { fields, type, conditions, limit };
}

class Parser {
  readonly #tokens: readonly Token[];
  #position = 0;

  constructor(tokens: readonly Token[]) {
    this.#tokens = tokens;
  }

  next(): Token | undefined {
    return this.#tokens[this.#position++];
  }

  optionalKeyword(keyword: string): boolean {
    const token = this.#tokens[this.#position];
    const found = token?.kind === 'word' && token.text.toUpperCase() === keyword;
    if (found) this.#position += 1;
    return found;
  }

  keyword(keyword: string): void {
    if (!this.optionalKeyword(keyword)) throw unexpected(this.#tokens[this.#position]);
  }

  symbol(text: ',' | '='): boolean {
    const found = this.#tokens[this.#position]?.text === text;
    if (found) this.#position += 1;
    return found;
  }

  expectSymbol(text: ',' | '='): void {
    if (!this.symbol(text)) throw unexpected(this.#tokens[this.#position]);
  }

  name(): string {
    const token = this.next();
    if (token?.kind !== 'word') throw unexpected(token);
    return token.text;
  }

  count(): number {
    const token = this.next();
    if (token?.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0) throw unexpected(token);
    return token.value;
  }

  end(): void {
    if (this.#position < this.#tokens.length) throw unexpected(this.#tokens[this.#position]);
  }
}

function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (soql.slice(TOKEN.lastIndex).trim() !== '') {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(soql);
    if (match === null) throw malformed(`unexpected token: '${soql.slice(start).trim().split(/\s/)[0] ?? ''}'`);
    const [, word, quoted, number, symbol] = match;
    if (word !== undefined) tokens.push({ kind: 'word', text: word });
    else if (quoted !== undefined) tokens.push({ kind: 'string', value: unescape(quoted), text: `'${quoted}'` });
    else if (number !== undefined) tokens.push({ kind: 'number', value: Number(number), text: number });
    else tokens.push({ kind: 'symbol', text: symbol === ',' ? ',' : '=' });
  }
  return tokens;
}

function unescape(quoted: string): string {
  return quoted.replace(/\\(.)/g, (_, character: string) => {
    const replacement = ESCAPES[character];
    if (replacement === undefined) throw malformed(`Invalid string literal '${quoted}'. Illegal character sequence '\\${character}' in string literal.`);
    return replacement;
  });
}

function literal(token: Token | undefined): FakeFieldValue {
  if (token?.kind === 'string' || token?.kind === 'number') return token.value;
  const word = token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  if (word === 'true' || word === 'false') return word === 'true';
  if (word === 'null') return null;
  throw unexpected(token);
}

function unexpected(token: Token | undefined): FakeSalesforceError {
  return malformed(token === undefined ? 'unexpected end of query' : `unexpected token: '${token.text}'`);
}

function malformed(message: string): FakeSalesforceError {
  return new FakeSalesforceError(400, 'MALFORMED_QUERY', message);
}
