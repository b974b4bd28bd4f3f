/**
 * The resource path after `_api/`: segments such as `web`, `lists`, `getByTitle('T')`,
 * `lists(guid'…')`, `items(5)`, `getList('/sites/pst/Lists/X')`,
 * `addroleassignment(principalid=5, roledefid=1073741827)`. Quoted strings keep their
 * `/`, `(` and `''` escapes; `@alias` arguments are taken from the query string, as
 * PnPjs writes `siteusers('!@v::login')` (spqueryable.js `toRequestUrl`).
 */
import { badRequest } from '../http/errors';

export type PathValue = string | number | boolean | null;

export interface PathSegment {
  /** Lower-cased name: SharePoint's REST paths are case-insensitive. */
  readonly name: string;
  readonly rawName: string;
  /** `(…)` present, even empty. */
  readonly called: boolean;
  readonly args: readonly PathValue[];
  readonly named: Readonly<Record<string, PathValue>>;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      if (quoted && text[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    } else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    if (!quoted && depth === 0 && c === separator) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (quoted || depth !== 0) throw badRequest(`The expression "${text}" is not valid.`);
  parts.push(current);
  return parts;
}

function parseValue(raw: string, query: URLSearchParams): PathValue {
  const text = raw.trim();
  if (text.startsWith('@')) {
    const aliased = query.get(text);
    if (aliased === null) throw badRequest(`The parameter alias '${text}' has no value in the query string.`);
    return parseValue(aliased, new URLSearchParams());
  }
  const quoted = /^(?:guid)?'((?:[^']|'')*)'$/i.exec(text);
  if (quoted) return quoted[1].replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (text.toLowerCase() === 'null') return null;
  return text;
}

function parseSegment(raw: string, query: URLSearchParams): PathSegment {
  const open = raw.indexOf('(');
  if (open < 0) return { name: raw.toLowerCase(), rawName: raw, called: false, args: [], named: {} };
  if (!raw.endsWith(')')) throw badRequest(`The expression "${raw}" is not valid.`);
  const rawName = raw.substring(0, open);
  const inside = raw.substring(open + 1, raw.length - 1);
  const args: PathValue[] = [];
  const named: Record<string, PathValue> = {};
  if (inside.trim() !== '') {
    for (const part of splitTopLevel(inside, ',')) {
      const assignment = /^\s*([A-Za-z_]\w*)\s*=(.*)$/s.exec(part);
      if (assignment && !part.trim().startsWith("'")) named[assignment[1].toLowerCase()] = parseValue(assignment[2], query);
      else args.push(parseValue(part, query));
    }
  }
  return { name: rawName.toLowerCase(), rawName, called: true, args, named };
}

/** Segments of the path after `_api/` (already URL-decoded). */
export function parseApiPath(path: string, query: URLSearchParams): PathSegment[] {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return [];
  return splitTopLevel(trimmed, '/').map((segment) => parseSegment(segment, query));
}

export function firstArgument(segment: PathSegment, name?: string): PathValue | undefined {
  if (name && name in segment.named) return segment.named[name];
  return segment.args[0];
}
