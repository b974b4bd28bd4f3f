/**
 * The `$filter` grammar SharePoint's REST service accepts
 * (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/use-odata-query-operations-in-sharepoint-rest-requests,
 * "OData query operators supported in the SharePoint REST service"):
 * comparisons `eq ne lt le gt ge`, `and or not`, parentheses, `startswith(Col,'x')`,
 * `substringof('x',Col)`; literals: strings with `''` escapes, numbers, `true`/`false`,
 * `null`, `datetime'…'`. Properties are paths (`PstActionId`, `PstAction/Id`, `Author/EMail`).
 *
 * This module only parses; items/itemQuery.ts compiles the tree to SQL and
 * odata/entityQuery.ts evaluates it on small in-memory collections (lists, fields, users).
 */
import { badRequest } from '../http/errors';

export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type Literal =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'datetime'; readonly value: string };

export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | { readonly kind: 'compare'; readonly op: ComparisonOperator; readonly property: string; readonly value: Literal }
  | { readonly kind: 'startswith'; readonly property: string; readonly value: string }
  | { readonly kind: 'substringof'; readonly property: string; readonly value: string };

type Token =
  | { kind: 'identifier'; text: string; at: number }
  | { kind: 'literal'; literal: Literal; at: number }
  | { kind: 'punctuation'; text: '(' | ')' | ','; at: number };

const COMPARISONS: readonly string[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];

function invalidFilter(filter: string, detail: string): Error {
  return badRequest(`The $filter expression "${filter}" is not valid: ${detail}.`);
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const c = filter[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punctuation', text: c, at: i });
      i++;
      continue;
    }
    if (c === "'") {
      const [value, end] = readQuoted(filter, i);
      tokens.push({ kind: 'literal', literal: { type: 'string', value }, at: i });
      i = end;
      continue;
    }
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[dDmMlLfF]?/.exec(filter.substring(i));
    if (number && (c !== '-' || /\d/.test(filter[i + 1] ?? ''))) {
      tokens.push({ kind: 'literal', literal: { type: 'number', value: parseFloat(number[0]) }, at: i });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][\w]*(\/[A-Za-z_][\w]*)*/.exec(filter.substring(i));
    if (word) {
      const text = word[0];
      const lower = text.toLowerCase();
      if ((lower === 'datetime' || lower === 'datetimeoffset') && filter[i + text.length] === "'") {
        const [value, end] = readQuoted(filter, i + text.length);
        tokens.push({ kind: 'literal', literal: { type: 'datetime', value }, at: i });
        i = end;
        continue;
      }
      if (lower === 'true' || lower === 'false') tokens.push({ kind: 'literal', literal: { type: 'boolean', value: lower === 'true' }, at: i });
      else if (lower === 'null') tokens.push({ kind: 'literal', literal: { type: 'null' }, at: i });
      else tokens.push({ kind: 'identifier', text, at: i });
      i += text.length;
      continue;
    }
    throw invalidFilter(filter, `unexpected character '${c}' at position ${i}`);
  }
  return tokens;

  function readQuoted(source: string, start: number): [string, number] {
    let value = '';
    let j = start + 1;
    for (;;) {
      if (j >= source.length) throw invalidFilter(source, 'unterminated string literal');
      if (source[j] === "'") {
        if (source[j + 1] === "'") {
          value += "'";
          j += 2;
          continue;
        }
        return [value, j + 1];
      }
      value += source[j];
      j++;
    }
  }
}

export function parseFilter(filter: string): FilterNode {
  const tokens = tokenize(filter);
  let position = 0;

  const peek = (): Token | undefined => tokens[position];
  const isWord = (token: Token | undefined, word: string): boolean =>
    token?.kind === 'identifier' && token.text.toLowerCase() === word;
  const expectPunctuation = (text: '(' | ')' | ','): void => {
    const token = tokens[position];
    if (token?.kind !== 'punctuation' || token.text !== text) {
      throw invalidFilter(filter, `expected '${text}'${token ? ` at position ${token.at}` : ' at the end'}`);
    }
    position++;
  };

  function parseOr(): FilterNode {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      position++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }

  function parseAnd(): FilterNode {
    let left = parseUnary();
    while (isWord(peek(), 'and')) {
      position++;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  }

  function parseUnary(): FilterNode {
    if (isWord(peek(), 'not')) {
      position++;
      return { kind: 'not', operand: parseUnary() };
    }
    return parsePrimary();
  }

  function parsePrimary(): FilterNode {
    const token = peek();
    if (!token) throw invalidFilter(filter, 'unexpected end of expression');
    if (token.kind === 'punctuation' && token.text === '(') {
      position++;
      const inner = parseOr();
      expectPunctuation(')');
      return inner;
    }
    if (token.kind === 'identifier' && tokens[position + 1]?.kind === 'punctuation' && (tokens[position + 1] as { text: string }).text === '(') {
      return parseFunction(token.text);
    }
    return parseComparison();
  }

  function parseFunction(name: string): FilterNode {
    const lower = name.toLowerCase();
    position += 2; // name and '('
    const args: Token[] = [];
    for (;;) {
      const token = tokens[position];
      if (!token || token.kind === 'punctuation') throw invalidFilter(filter, `missing argument of ${name}()`);
      args.push(token);
      position++;
      if (tokens[position]?.kind === 'punctuation' && (tokens[position] as { text: string }).text === ',') {
        position++;
        continue;
      }
      expectPunctuation(')');
      break;
    }
    const property = (t: Token): string => {
      if (t.kind !== 'identifier') throw invalidFilter(filter, `${name}() expects a column name`);
      return t.text;
    };
    const text = (t: Token): string => {
      if (t.kind !== 'literal' || t.literal.type !== 'string') throw invalidFilter(filter, `${name}() expects a string literal`);
      return t.literal.value;
    };
    let node: FilterNode;
    if (lower === 'startswith' && args.length === 2) node = { kind: 'startswith', property: property(args[0]), value: text(args[1]) };
    else if (lower === 'substringof' && args.length === 2) node = { kind: 'substringof', property: property(args[1]), value: text(args[0]) };
    else throw invalidFilter(filter, `the function ${name}() is not supported`);
    // `startswith(Title,'a') eq true`, as some clients write it.
    const next = peek();
    if (next?.kind === 'identifier' && COMPARISONS.includes(next.text.toLowerCase())) {
      const op = next.text.toLowerCase();
      const value = tokens[position + 1];
      if ((op === 'eq' || op === 'ne') && value?.kind === 'literal' && value.literal.type === 'boolean') {
        position += 2;
        return value.literal.value === (op === 'eq') ? node : { kind: 'not', operand: node };
      }
      throw invalidFilter(filter, `${name}() can only be compared with true or false`);
    }
    return node;
  }

  function parseComparison(): FilterNode {
    const first = tokens[position];
    const operator = tokens[position + 1];
    const second = tokens[position + 2];
    if (!first || !operator || !second) throw invalidFilter(filter, 'incomplete comparison');
    if (operator.kind !== 'identifier' || !COMPARISONS.includes(operator.text.toLowerCase())) {
      throw invalidFilter(filter, `expected a comparison operator (eq, ne, lt, le, gt, ge) at position ${operator.at}`);
    }
    position += 3;
    let op = operator.text.toLowerCase() as ComparisonOperator;
    if (first.kind === 'identifier' && second.kind === 'literal') return { kind: 'compare', op, property: first.text, value: second.literal };
    if (first.kind === 'literal' && second.kind === 'identifier') {
      // `5 lt Id` is `Id gt 5`.
      const mirrored: Record<ComparisonOperator, ComparisonOperator> = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };
      op = mirrored[op];
      return { kind: 'compare', op, property: second.text, value: first.literal };
    }
    throw invalidFilter(filter, 'a comparison needs one column and one literal value');
  }

  if (tokens.length === 0) throw invalidFilter(filter, 'empty expression');
  const tree = parseOr();
  if (position < tokens.length) throw invalidFilter(filter, `unexpected '${describe(tokens[position])}' at position ${tokens[position].at}`);
  return tree;
}

function describe(token: Token): string {
  if (token.kind === 'literal') return token.literal.type === 'null' ? 'null' : String((token.literal as { value: unknown }).value);
  return token.text;
}

/** The top-level AND terms of a filter: `a and (b and c)` → [a, b, c]. */
export function topLevelConjuncts(node: FilterNode): FilterNode[] {
  if (node.kind === 'and') return [...topLevelConjuncts(node.left), ...topLevelConjuncts(node.right)];
  return [node];
}
