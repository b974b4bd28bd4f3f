/**
 * The profile of a whole document decides what its numbering means: which depth of "1.",
 * "1.1.", "1.1.1." is an axis, an OS, an OO or an action, and how its action sheets are
 * laid out. It is read once, before the pass that builds the tree.
 */
import { FieldTarget, matchLabel } from '../lines/fieldLabels';
import { repeatedLabels } from './repeatedLabels';
import { Level, NumberedHeading, readsLikeStrategicObjective } from '../lines/headings';
import { foldChars } from '../../text/normalize';
import type { DocumentLines } from './documentLines';
import { Role, acceptedNumberedLines, rolesFromAnchors, typedDepths } from './numbering';

export type { Role } from './numbering';

export interface Profile {
  /** Levels named by keywords somewhere in the document. */
  readonly keywordLevels: ReadonlySet<Level>;
  /** The keywords each level is printed with ("Objectif opérationnel", "OO", "Fiche projet"), most used first; one used once only when it is the only one. */
  readonly keywordShapes: ReadonlyMap<Level, readonly string[]>;
  /** Role of a bare numbered heading by depth ("1.1." has depth 2). */
  readonly numberedRole: ReadonlyMap<number, Role>;
  /** Line indexes of accepted bare numbered headings. */
  readonly numberedLines: ReadonlySet<number>;
  /** Role of an unnumbered markdown/Word heading by level, when headings carry the structure. */
  readonly headingRole: ReadonlyMap<number, Role>;
  /** Deepest heading level where the plan's levels are written: a heading at or above it ends an action sheet ("# Annexes"). */
  readonly structuralHeadingLevel: number | null;
  /** Depth of OO codes, when codes tell it (used to place coded actions). */
  readonly ooDepth: number | null;
  /** Action codes go deeper than OO + 1: an unnumbered project-group level sits in between. */
  readonly groupsExpected: boolean;
  /** In action sheets, the OS/OO labels come before the title label (they open the sheet). */
  readonly parentLabelsPrecedeTitle: boolean;
  /** Sheets printed as tables: "DÉPARTEMENT CRÈCHE" is a label and its value without colon. */
  readonly tableSheets: boolean;
  /** Longer labels this document repeats on its sheets ("Priorité du projet"), by label key. */
  readonly learnedLabels: ReadonlyMap<string, FieldTarget>;
}

/** The keyword as printed at the start of a keyword heading: up to its code, colon or dash. */
const KEYWORD_PRINTED = /^[\p{L}'’. -]{2,40}?(?=\s*(?:n\s?°|\d|[IVX]+\b|[:：–—]|-\s|$)|\s+[A-Za-z]\s*[:：–—-])/u;

export function buildProfile(doc: DocumentLines): Profile {
  const keywordLevels = new Set<Level>();
  const keywordDepths: { [level: string]: number[] } = {};
  const shapeCounts = new Map<Level, Map<string, number>>();
  doc.candidates.forEach((found, i) => {
    for (const c of found) {
      if (c.kind === 'keyword' && c.level !== 'axis') {
        keywordLevels.add(c.level);
        const printed = KEYWORD_PRINTED.exec(doc.lines[i].text);
        if (printed) {
          const counts = shapeCounts.get(c.level) || shapeCounts.set(c.level, new Map()).get(c.level)!;
          counts.set(printed[0].trim(), (counts.get(printed[0].trim()) || 0) + 1);
        }
        if (c.code && /^\d+(?:\.\d+)*(?:\.[A-Z])?$/.test(c.code)) {
          (keywordDepths[c.level] = keywordDepths[c.level] || []).push(c.code.split('.').length);
        }
      }
    }
  });

  // Sheet title labels ("TITRE", "Intitulé de l'action :") and the codes they carry.
  const titleLabelLines: number[] = [];
  const sheetCodeLines = new Set<number>();
  const sheetActionDepths: number[] = [];
  let upperCaseLabels = 0;
  let labelLines = 0;
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i];
    if (line.blank || line.noise || line.bullet) continue;
    const next = doc.nextContentIndex(i);
    const match = matchLabel(line.text, next === null ? null : doc.lines[next].text, { allowUpperCaseWithoutColon: true });
    if (!match) continue;
    // "ACTION 1.1.1 : …" in capitals is a heading, not a sign that labels are written in capitals.
    const codedHeading = doc.candidates[i].some((c) => c.kind === 'keyword' && c.code !== null);
    if (!codedHeading) labelLines++;
    if (!codedHeading && /^[^\p{Ll}]*$/u.test(match.labelText)) upperCaseLabels++;
    if (match.target !== 'title') continue;
    // Only strong title labels open sheets: alone, with a colon, or with a code after them.
    const keywordish = doc.candidates[i].some((c) => c.kind === 'keyword' && c.level === 'action');
    const restCode = /^(\d+(?:\.\d+)+)\s*(?:→|->|=>|[:\-–]|\s)/.exec(match.rest + ' ');
    let codeLine = -1;
    let code: string | null = null;
    if (restCode) {
      code = restCode[1];
      codeLine = i;
    } else if (match.rest === '' && next !== null) {
      const nextCode = /^(\d+(?:\.\d+)+)\.?\s*(?:→|->|=>|[:\-–]|\s)/.exec(doc.lines[next].text + ' ');
      if (nextCode) {
        code = nextCode[1];
        codeLine = next;
      }
    }
    if (match.rest === '' || code !== null || (keywordish && match.rest !== '') || /^[^\p{Ll}]*$/u.test(match.labelText)) {
      titleLabelLines.push(i);
      if (code !== null) {
        sheetCodeLines.add(codeLine);
        sheetActionDepths.push(code.split('.').length);
      }
    }
  }

  const parentLabelsPrecedeTitle = parentLabelsBeforeTitles(doc, titleLabelLines);

  // Bare numbered headings, validated as a consistent numbering; depths that keywords
  // name are not bare heading levels.
  const keywordDocument = keywordLevels.has('os') || keywordLevels.has('oo');
  const anchors = typedDepths(keywordDepths);
  const ownedDepths = new Set<number>(keywordDocument ? Array.from(anchors.values()) : []);
  const numberedLines = acceptedNumberedLines(doc, sheetCodeLines, ownedDepths);
  const depthCounts = new Map<number, number>();
  numberedLines.forEach((i) => {
    const n = doc.numberedAt(i) as NumberedHeading;
    depthCounts.set(n.parts.length, (depthCounts.get(n.parts.length) || 0) + 1);
  });
  const depths = Array.from(depthCounts.keys()).sort((a, b) => a - b);

  let numberedRole = new Map<number, Role>();
  let ooDepth: number | null = null;
  let groupsExpected = false;

  if (keywordDocument) {
    ooDepth = anchors.get('oo') ?? null;
    numberedRole = rolesFromAnchors(depths, anchors);
  } else if (sheetActionDepths.length > 0) {
    const minAction = Math.min(...sheetActionDepths);
    const maxAction = Math.max(...sheetActionDepths);
    ooDepth = minAction - 1;
    groupsExpected = maxAction > minAction;
    for (const d of depths) numberedRole.set(d, roleFromOoDepth(d, ooDepth, maxAction));
  } else if (depths.length > 0) {
    const deepest = depths[depths.length - 1];
    const osLike = depths.find((d) => shareOf(doc, numberedLines, d, (title) => readsLikeStrategicObjective(title)) >= 0.5);
    const bulletsUnderDeepest = shareWithBulletsBelow(doc, numberedLines, deepest) >= 0.5;
    if (osLike !== undefined && osLike < deepest) {
      ooDepth = osLike + 1;
    } else if (bulletsUnderDeepest || deepest <= 2) {
      ooDepth = deepest;
    } else {
      ooDepth = deepest - 1;
    }
    for (const d of depths) numberedRole.set(d, roleFromOoDepth(d, ooDepth, ooDepth + 1));
  }

  // Unnumbered headings (markdown "##", Word heading styles) carry the whole structure
  // when nothing else does; otherwise a heading level is a depth hint, read against the
  // lines whose level is known.
  let headingRole = new Map<number, Role>();
  let structuralHeadingLevel: number | null = null;
  if (keywordLevels.size > 0 || numberedLines.size > 0 || titleLabelLines.length > 0) {
    const titleLabels = new Set(titleLabelLines);
    const hinted = hintedHeadingRoles(doc, (i) => knownRole(doc, i, numberedLines, numberedRole, titleLabels), keywordLevels, numberedRole);
    headingRole = hinted.roles;
    structuralHeadingLevel = hinted.deepest;
  } else {
    const levels = new Map<number, number[]>();
    doc.lines.forEach((line, i) => {
      if (line.headingLevel && !line.noise && doc.candidates[i].length === 0) {
        (levels.get(line.headingLevel) || levels.set(line.headingLevel, []).get(line.headingLevel)!).push(i);
      }
    });
    const headingLevels = Array.from(levels.keys()).sort((a, b) => a - b);
    if (headingLevels.length > 0) {
      const deepest = headingLevels[headingLevels.length - 1];
      const indexes = new Set(levels.get(deepest));
      const bullets = shareWithBulletsBelow(doc, indexes, deepest, true) >= 0.5;
      const osLike = headingLevels.find(
        (level) => (levels.get(level) || []).filter((i) => readsLikeStrategicObjective(doc.lines[i].text)).length >= (levels.get(level) || []).length / 2,
      );
      const oo = osLike !== undefined && osLike < deepest ? headingLevels[headingLevels.indexOf(osLike) + 1] : bullets || headingLevels.length <= 2 ? deepest : headingLevels[headingLevels.length - 2];
      const ooIndex = headingLevels.indexOf(oo);
      headingLevels.forEach((level, index) => {
        const role: Role =
          index === ooIndex ? 'oo' : index === ooIndex - 1 ? 'os' : index < ooIndex - 1 ? 'section' : index === ooIndex + 1 ? 'action' : 'subAction';
        headingRole.set(level, role);
      });
      structuralHeadingLevel = deepest;
    }
  }

  const keywordShapes = new Map<Level, string[]>();
  shapeCounts.forEach((counts, level) => {
    const sorted = Array.from(counts.entries()).sort((a, b) => b[1] - a[1]);
    keywordShapes.set(level, sorted.filter(([, n], k) => k === 0 || n >= 2).map(([shape]) => shape));
  });

  return {
    keywordLevels,
    keywordShapes,
    numberedRole,
    numberedLines,
    headingRole,
    structuralHeadingLevel,
    ooDepth,
    groupsExpected,
    parentLabelsPrecedeTitle,
    tableSheets: titleLabelLines.length > 0 && upperCaseLabels >= labelLines / 2,
    learnedLabels: repeatedLabels(doc),
  };
}

const LEVEL_ORDER: readonly Role[] = ['os', 'oo', 'action', 'subAction'];

/** The role of a line the keywords, the numbering or a sheet title label already give; null for other lines. */
function knownRole(doc: DocumentLines, i: number, numberedLines: ReadonlySet<number>, numberedRole: ReadonlyMap<number, Role>, titleLabelLines: ReadonlySet<number>): Role | null {
  const found = doc.candidates[i];
  const keyword = found.find((c) => c.kind === 'keyword');
  if (keyword && keyword.kind === 'keyword') return keyword.level === 'axis' ? 'section' : keyword.level;
  if (numberedLines.has(i)) return numberedRole.get((doc.numberedAt(i) as NumberedHeading).parts.length) || null;
  if (titleLabelLines.has(i)) return 'action';
  if (found.some((c) => c.kind === 'section' || c.kind === 'volet')) return 'section';
  return null;
}

/** A heading in a style, with no number, keyword or label of its own ("### Rénover la salle d'attente"). */
function isUnnamedHeading(doc: DocumentLines, i: number): boolean {
  const line = doc.lines[i];
  if (!line.headingLevel || line.noise || line.blank || line.bullet || doc.candidates[i].length > 0) return false;
  const next = doc.nextContentIndex(i);
  return matchLabel(line.text, next === null ? null : doc.lines[next].text, { allowUpperCaseWithoutColon: false }) === null;
}

/**
 * Roles of the heading levels whose lines have no number nor keyword, in a document whose
 * other lines carry the structure. Known lines anchor their heading level (OO in Heading
 * 2); a deeper level takes the levels below it (so Heading 3 is a project). Without such anchors, a level whose headings mostly come right under one
 * known level (an OO line) is the level below it, when nothing else names that level.
 */
function hintedHeadingRoles(
  doc: DocumentLines,
  known: (i: number) => Role | null,
  keywordLevels: ReadonlySet<Level>,
  numberedRole: ReadonlyMap<number, Role>,
): { roles: Map<number, Role>; deepest: number | null } {
  const anchors = new Map<number, Map<Role, number>>();
  const unnamed = new Map<number, number[]>();
  const roleOf = doc.lines.map((line, i) => (line.blank || line.noise ? null : known(i)));
  doc.lines.forEach((line, i) => {
    if (!line.headingLevel || line.noise || line.blank || line.bullet) return;
    const role = roleOf[i];
    if (role !== null) {
      const counts = anchors.get(line.headingLevel) || anchors.set(line.headingLevel, new Map()).get(line.headingLevel)!;
      counts.set(role, (counts.get(role) || 0) + 1);
    } else if (isUnnamedHeading(doc, i)) (unnamed.get(line.headingLevel) || unnamed.set(line.headingLevel, []).get(line.headingLevel)!).push(i);
  });
  const majority = (counts: Map<Role, number>): Role => Array.from(counts.entries()).sort((a, b) => b[1] - a[1])[0][0];
  const anchored = Array.from(anchors.entries())
    .map(([level, counts]) => [level, majority(counts)] as [number, Role])
    .filter(([, role]) => LEVEL_ORDER.indexOf(role) >= 0)
    .sort((a, b) => a[0] - b[0]);
  const named = (role: Role) => keywordLevels.has(role as Level) || Array.from(numberedRole.values()).indexOf(role) >= 0;
  const roles = new Map<number, Role>();
  unnamed.forEach((indexes, level) => {
    if (indexes.length < 2) return;
    // Unnamed headings at the level of known ones are chapters ("# Introduction", "# Annexes").
    if (anchored.some(([l]) => l === level)) return;
    // The same few titles under every sheet ("Description", "Budget") are parts of a sheet, not plan items.
    const texts = new Map<string, number>();
    indexes.forEach((i) => texts.set(foldChars(doc.lines[i].text), (texts.get(foldChars(doc.lines[i].text)) || 0) + 1));
    const repeated = indexes.filter((i) => (texts.get(foldChars(doc.lines[i].text)) as number) > 1).length;
    if (repeated >= indexes.length * 0.3) return;
    const above = anchored.filter(([l]) => l < level).pop();
    if (above) {
      const role = LEVEL_ORDER[LEVEL_ORDER.indexOf(above[1]) + level - above[0]];
      if (role && anchored.every(([l, r]) => l <= level || LEVEL_ORDER.indexOf(r) > LEVEL_ORDER.indexOf(role))) roles.set(level, role);
      return;
    }
    if (anchored.length > 0) return;
    // No known line in a heading style: what the headings of this level come under (one pass per level).
    const under = new Map<Role, number>();
    const own = new Set(indexes);
    let last: Role | null = null;
    doc.lines.forEach((line, j) => {
      if (own.has(j) && last !== null) under.set(last, (under.get(last) || 0) + 1);
      if (line.headingLevel !== level && roleOf[j] !== null) last = roleOf[j];
    });
    if (under.size === 0) return;
    const parent = majority(under);
    const role = LEVEL_ORDER[LEVEL_ORDER.indexOf(parent) + 1];
    if ((under.get(parent) as number) >= indexes.length * 0.6 && role && !named(role)) roles.set(level, role);
  });
  const levels = anchored.map(([l]) => l).concat(Array.from(roles.keys()));
  return { roles, deepest: levels.length > 0 ? Math.max(...levels) : null };
}

function roleFromOoDepth(depth: number, ooDepth: number, actionDepth: number): Role {
  if (depth === ooDepth) return 'oo';
  if (depth === ooDepth - 1) return 'os';
  if (depth < ooDepth - 1) return 'section';
  if (depth < actionDepth) return 'group';
  if (depth === actionDepth) return 'action';
  return 'subAction';
}

function shareOf(doc: DocumentLines, indexes: ReadonlySet<number>, depth: number, test: (title: string) => boolean): number {
  let total = 0;
  let yes = 0;
  indexes.forEach((i) => {
    const n = doc.numberedAt(i) as NumberedHeading;
    if (n.parts.length !== depth) return;
    total++;
    if (test(n.title)) yes++;
  });
  return total === 0 ? 0 : yes / total;
}

/** Share of the headings of one depth (or heading level) followed by bullets before the next heading. */
function shareWithBulletsBelow(doc: DocumentLines, indexes: ReadonlySet<number>, depth: number, byHeadingLevel = false): number {
  let total = 0;
  let withBullets = 0;
  indexes.forEach((i) => {
    const level = byHeadingLevel ? doc.lines[i].headingLevel : (doc.numberedAt(i) as NumberedHeading).parts.length;
    if (level !== depth) return;
    total++;
    for (let j = i + 1; j < doc.lines.length; j++) {
      const line = doc.lines[j];
      if (line.blank || line.noise) continue;
      if (line.headingLevel || doc.candidates[j].some((c) => c.kind !== 'listHeader')) break;
      if (line.bullet) {
        withBullets++;
        break;
      }
    }
  });
  return total === 0 ? 0 : withBullets / total;
}

/**
 * Whether, in action sheets, the OS/OO labels come just before the title label (they
 * open the sheet) rather than inside it. Each OS/OO label is counted for the title
 * label it touches: no other label between them.
 */
function parentLabelsBeforeTitles(doc: DocumentLines, titleLines: readonly number[]): boolean {
  if (titleLines.length === 0) return false;
  const titles = new Set(titleLines);
  const kindOf = (i: number): 'parent' | 'title' | 'label' | null => {
    const line = doc.lines[i];
    if (line.blank || line.noise || line.bullet) return null;
    if (titles.has(i)) return 'title';
    const folded = foldChars(line.text);
    if (/^(?:objectif\s+(?:strategique|operationnel)|o\.?s\.?\s*[:\d]|o\.?o\.?\s*[:\d])/.test(folded) || /^objectif\s*$/.test(folded)) return 'parent';
    const next = doc.nextContentIndex(i);
    const label = matchLabel(line.text, next === null ? null : doc.lines[next].text, { allowUpperCaseWithoutColon: true });
    return label ? 'label' : null;
  };
  const kinds = doc.lines.map((_l, i) => kindOf(i));
  // Each run of OS/OO lines counts once: followed by a title, it opens the sheet; followed
  // by other labels, it is inside the sheet (a summary list before the first sheet is one run).
  let before = 0;
  let after = 0;
  let inRun = false;
  kinds.forEach((kind) => {
    if (kind === null) return;
    if (kind === 'parent') {
      inRun = true;
      return;
    }
    if (inRun) {
      if (kind === 'title') before++;
      else after++;
    }
    inRun = false;
  });
  return before > after;
}
