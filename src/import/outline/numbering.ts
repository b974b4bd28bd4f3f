/**
 * The document's numbering, read as one scheme: which bare numbered lines ("1.1.2 …")
 * continue the codes of the document (its keyword headings' codes included), and what
 * role each depth plays once the levels named by keywords anchor some depths.
 */
import type { Level, NumberedHeading } from '../lines/headings';
import type { DocumentLines } from './documentLines';

export type Role = 'section' | 'os' | 'oo' | 'group' | 'action' | 'subAction' | 'listItem';

const LEVEL_ORDER: readonly Level[] = ['os', 'oo', 'action', 'subAction'];

/**
 * The role of each depth when keywords name some levels at known depths: a depth that
 * no keyword names takes the level as many steps below the nearest named depth above it
 * ("Objectif opérationnel 1.1" then bare "1.1.1 …": projects); above every named depth, a section.
 */
export function rolesFromAnchors(depths: readonly number[], anchors: ReadonlyMap<Level, number>): Map<number, Role> {
  const roles = new Map<number, Role>();
  const anchored = Array.from(anchors.entries()).sort((a, b) => a[1] - b[1]);
  for (const d of depths) {
    const exact = anchored.find(([, depth]) => depth === d);
    if (exact) {
      roles.set(d, exact[0]);
      continue;
    }
    const above = anchored.filter(([, depth]) => depth < d).pop();
    if (!above) {
      roles.set(d, 'section');
      continue;
    }
    const index = LEVEL_ORDER.indexOf(above[0]) + (d - above[1]);
    // A level between two named ones that skips a keyword level is a list, not a heading.
    const below = anchored.find(([, depth]) => depth > d);
    if (index >= LEVEL_ORDER.length || (below && LEVEL_ORDER.indexOf(below[0]) <= index)) roles.set(d, 'listItem');
    else roles.set(d, LEVEL_ORDER[index]);
  }
  return roles;
}

/**
 * Bare numbered headings that form a consistent numbering. Keyword headings with a
 * numeric code ("Objectif opérationnel 2.1") take part in the sequence without being
 * bare headings; a depth that keywords already name (`ownedDepths`) is not a bare
 * heading level: "1. Introduction" or "2. Méthodologie" in a document whose OS are
 * "Objectif stratégique 1" are chapters, not objectives.
 */
export function acceptedNumberedLines(doc: DocumentLines, excluded: ReadonlySet<number>, ownedDepths: ReadonlySet<number> = new Set()): Set<number> {
  const candidates: { index: number; parts: readonly number[]; keyword: boolean }[] = [];
  doc.lines.forEach((line, i) => {
    if (excluded.has(i) || line.bullet) return;
    const keyword = doc.candidates[i].find((c) => c.kind === 'keyword');
    if (keyword && keyword.kind === 'keyword') {
      if (keyword.level !== 'axis' && keyword.code && /^\d+(?:\.\d+)*$/.test(keyword.code) && ownedDepths.size > 0) {
        candidates.push({ index: i, parts: keyword.code.split('.').map(Number), keyword: true });
      }
      return;
    }
    const n = doc.numberedAt(i);
    if (n && !ownedDepths.has(n.parts.length)) candidates.push({ index: i, parts: n.parts, keyword: false });
  });
  const hasDeeper = candidates.some((c) => c.parts.length >= 2);
  // A top-level "2." counts only if the next deeper heading starts with "2.": numbered
  // paragraphs inside descriptions do not open children.
  const filtered = candidates.filter((c, k) => {
    if (c.keyword || c.parts.length !== 1 || !hasDeeper) return true;
    const deeper = candidates.slice(k + 1).find((d) => d.parts.length >= 2);
    return deeper !== undefined && deeper.parts[0] === c.parts[0];
  });
  const accepted = new Set<number>();
  let path: readonly number[] = [];
  for (const c of filtered) {
    if (c.keyword) {
      path = c.parts;
      continue;
    }
    if (fitsPath(c.parts, path)) {
      accepted.add(c.index);
      path = c.parts;
    }
  }
  return accepted;
}

function fitsPath(parts: readonly number[], path: readonly number[]): boolean {
  const d = parts.length;
  const value = parts[d - 1];
  if (d === 1) return path.length === 0 ? value <= 3 : value === path[0] + 1 || value === path[0] + 2;
  const samePrefix = path.length >= d - 1 && parts.slice(0, d - 1).every((p, k) => p === path[k]);
  if (samePrefix) {
    const last = path.length >= d ? path[d - 1] : 0;
    return value === last + 1 || (last > 0 && value === last + 2) || (last === 0 && value <= 2);
  }
  if (d >= 3 && path.length >= d - 2 && parts.slice(0, d - 2).every((p, k) => p === path[k])) {
    // The heading one level up is missing from the document ("1.3.1" before "1.3.1.1").
    const parentLast = path.length >= d - 1 ? path[d - 2] : 0;
    return parts[d - 2] === parentLast + 1 && value === 1;
  }
  return path.length === 0 && parts.every((p) => p <= 2);
}

/** A number shared by at least two keyword headings of a level is the depth the keyword names. */
export function typedDepths(keywordDepths: { readonly [level: string]: readonly number[] }): Map<Level, number> {
  const anchors = new Map<Level, number>();
  for (const level of LEVEL_ORDER) {
    const list = keywordDepths[level];
    if (!list || list.length === 0) continue;
    const counts = new Map<number, number>();
    list.forEach((d) => counts.set(d, (counts.get(d) || 0) + 1));
    anchors.set(level, Array.from(counts.entries()).sort((a, b) => b[1] - a[1])[0][0]);
  }
  return anchors;
}

export function depthOf(doc: DocumentLines, index: number): number {
  return (doc.numberedAt(index) as NumberedHeading).parts.length;
}
