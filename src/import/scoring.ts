/**
 * Comparison of an outline read from a document with a hand-made expectation (the
 * `*.expected.json` of shared/samples): precision and recall per level, titles compared
 * after whitespace, case and lone bullet glyph normalisation, and the share of actions (and sub-actions)
 * found under the right parent. Pure; `score.ts` runs it over the samples.
 */
import type { OutlineAction, OutlineDocument } from './toPlan';
import { looseKey } from '../text/normalize';

export interface LevelScore {
  readonly expected: number;
  readonly found: number;
  readonly matched: number;
  readonly precision: number;
  readonly recall: number;
}

export interface OutlineScore {
  readonly strategicObjectives: LevelScore;
  readonly operationalObjectives: LevelScore;
  readonly actions: LevelScore;
  readonly subActions: LevelScore;
  /** Matched actions whose OO is the expected one. */
  readonly actionsUnderRightParent: number;
  /** Matched sub-actions whose action is the expected one. */
  readonly subActionsUnderRightParent: number;
  /** Expected titles not found, per level (for diagnosis). */
  readonly missing: { readonly [level: string]: string[] };
  /** Found titles not expected, per level. */
  readonly extra: { readonly [level: string]: string[] };
}

interface Item {
  readonly key: string;
  readonly title: string;
  /** The parent's identity: its title key, or its code when it has no title. */
  readonly parent: string;
  readonly parentCode: string | null;
}

/**
 * A bullet glyph alone on its line ("-", "•") holds no text: a plain-text copy keeps it in
 * a title, Word and PDF drop the empty list item. Titles are compared without such glyphs.
 */
const LONE_GLYPH = /(^|\s)[-–—•▪◦·*]+(?=\s|$)/g;

function identity(title: string | null | undefined, code: string | null | undefined): string {
  const key = looseKey((title || '').replace(LONE_GLYPH, ' '));
  return key !== '' ? key : `#${code || ''}`;
}

function flatten(outline: OutlineDocument) {
  const os: Item[] = [];
  const oo: Item[] = [];
  const actions: Item[] = [];
  const subActions: Item[] = [];
  const addSubs = (action: OutlineAction) => {
    for (const sub of action.subActions || []) {
      subActions.push({ key: identity(sub.title, sub.code), title: sub.title || '', parent: identity(action.title, action.code), parentCode: action.code || null });
    }
  };
  for (const s of outline.strategicObjectives || []) {
    os.push({ key: identity(s.title, s.code), title: s.title || '', parent: '', parentCode: null });
    for (const o of s.operationalObjectives || []) {
      oo.push({ key: identity(o.title, o.code), title: o.title || '', parent: identity(s.title, s.code), parentCode: s.code || null });
      for (const a of o.actions || []) {
        actions.push({ key: identity(a.title, a.code), title: a.title || '', parent: identity(o.title, o.code), parentCode: o.code || null });
        addSubs(a);
      }
    }
  }
  return { os, oo, actions, subActions };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** Pairs expected and found items by title (each used once); returns the pairs. */
function pair(expected: readonly Item[], found: readonly Item[]): { pairs: [Item, Item][]; missing: Item[]; extra: Item[] } {
  const pool = new Map<string, Item[]>();
  for (const item of found) pool.set(item.key, (pool.get(item.key) || []).concat([item]));
  const pairs: [Item, Item][] = [];
  const missing: Item[] = [];
  for (const item of expected) {
    const candidates = pool.get(item.key) || [];
    if (candidates.length === 0) {
      missing.push(item);
      continue;
    }
    // Prefer the candidate under the same parent (the same title may occur twice).
    const index = Math.max(0, candidates.findIndex((c) => c.parent === item.parent));
    pairs.push([item, candidates[index]]);
    candidates.splice(index, 1);
  }
  const extra: Item[] = [];
  pool.forEach((rest) => extra.push(...rest));
  return { pairs, missing, extra };
}

function levelScore(expected: readonly Item[], found: readonly Item[], matched: number): LevelScore {
  return { expected: expected.length, found: found.length, matched, precision: ratio(matched, found.length), recall: ratio(matched, expected.length) };
}

export function scoreOutline(found: OutlineDocument, expected: OutlineDocument): OutlineScore {
  const f = flatten(found);
  const e = flatten(expected);
  const os = pair(e.os, f.os);
  const oo = pair(e.oo, f.oo);
  const actions = pair(e.actions, f.actions);
  const subs = pair(e.subActions, f.subActions);
  const sameParent = ([x, y]: [Item, Item]) => x.parent === y.parent || (x.parentCode !== null && x.parentCode === y.parentCode);
  const titles = (items: readonly Item[]) => items.map((i) => i.title || i.key);
  return {
    strategicObjectives: levelScore(e.os, f.os, os.pairs.length),
    operationalObjectives: levelScore(e.oo, f.oo, oo.pairs.length),
    actions: levelScore(e.actions, f.actions, actions.pairs.length),
    subActions: levelScore(e.subActions, f.subActions, subs.pairs.length),
    actionsUnderRightParent: ratio(actions.pairs.filter(sameParent).length, actions.pairs.length),
    subActionsUnderRightParent: ratio(subs.pairs.filter(sameParent).length, subs.pairs.length),
    missing: { os: titles(os.missing), oo: titles(oo.missing), actions: titles(actions.missing), subActions: titles(subs.missing) },
    extra: { os: titles(os.extra), oo: titles(oo.extra), actions: titles(actions.extra), subActions: titles(subs.extra) },
  };
}
