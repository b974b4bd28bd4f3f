/**
 * Structure recognition of a PST document, independent of its format: the readers give
 * lines of text, this parser gives the outline (volets, sections, OS → OO → actions →
 * sub-actions, with the labelled fields of action sheets) in the shape of
 * `OutlineDocument`, and the anomalies it met, each with its source line.
 *
 * It reads the structure rather than recognising particular documents:
 *
 * 1. Every line is cleaned (markup, bullets, page numbers, running headers, placeholders)
 *    and the structural readings of each line are listed (keyword headings such as
 *    "Objectif stratégique 1 :", numbered headings "1.1.2.", roman sections, volets,
 *    "Actions :" list headers, sheet title labels such as "TITRE" or "Intitulé").
 * 2. A profile of the whole document decides what the numbering means: which depth of
 *    "1.", "1.1.", "1.1.1." is an axis, an OS, an OO or an action. Keywords win when the
 *    document has them; otherwise the action sheets (their codes) or the bullet lists
 *    under the deepest headings anchor the levels from the bottom, and OS are recognised
 *    by their usual wording ("Être un CPAS qui…") when nothing else tells.
 * 3. One pass builds the tree with a small state machine: outside sheets, lines are
 *    headings, title continuations, list items or unclaimed text; inside an action sheet
 *    every line belongs to the last label until the next label or heading (blank lines
 *    never end anything: some pages are double-spaced).
 *
 * Nothing is invented: a level that is missing (an action coded 1.3.1.1.1 with no OO
 * 1.3.1 printed) gives an OO with no title and an anomaly; a code that does not fit
 * its place is kept as printed with `codeAnomaly`.
 */
import type {
  OutlineAction,
  OutlineActionFields,
  OutlineDocument,
  OutlineOperationalObjective,
  OutlineProjectGroup,
  OutlineStrategicObjective,
} from '../toPlan';
import { titleKey } from '../toPlan';
import { isParseError, parsePeriod, parseProgress } from '../../domain/parsing';
import type { Volet } from '../../domain/vocabularies';
import { FieldTarget, LabelMatch, looksLikeLabelStart, matchLabel } from '../lines/fieldLabels';
import {
  HeadingCandidate,
  KeywordHeading,
  Level,
  NumberedHeading,
  headingCandidates,
  looksLikeCapitalisedTitle,
  normaliseCode,
  readsLikeStrategicObjective,
} from '../lines/headings';
import { Line, SourceLine, isPlaceholder, prepareLines } from '../lines/sourceLines';
import { foldChars, joinWrapped, squeeze, startsLowerCase, startsUpperCase } from '../../text/normalize';
import type { ParseAnomaly, ParsedOutline } from './parseResult';
import { bulletGlyph, findOrganisation, findPeriod, listItems, MULTILINE_FIELDS, paragraphs, shortTitleOf, SINGLE_VALUE_FIELDS, splitCodedTitle } from './values';

// ---------------------------------------------------------------- profile

type Role = 'section' | 'os' | 'oo' | 'group' | 'action' | 'subAction' | 'listItem';

interface Profile {
  /** Levels named by keywords somewhere in the document. */
  readonly keywordLevels: ReadonlySet<Level>;
  /** Role of a bare numbered heading by depth ("1.1." has depth 2). */
  readonly numberedRole: ReadonlyMap<number, Role>;
  /** Line indexes of accepted bare numbered headings. */
  readonly numberedLines: ReadonlySet<number>;
  /** Role of an unnumbered markdown/Word heading by level, when headings carry the structure. */
  readonly headingRole: ReadonlyMap<number, Role>;
  /** Depth of OO codes, when codes tell it (used to place coded actions). */
  readonly ooDepth: number | null;
  /** Action codes go deeper than OO + 1: an unnumbered project-group level sits in between. */
  readonly groupsExpected: boolean;
  /** In action sheets, the OS/OO labels come before the title label (they open the sheet). */
  readonly parentLabelsPrecedeTitle: boolean;
  /** Sheets printed as tables: "DÉPARTEMENT CRÈCHE" is a label and its value without colon. */
  readonly tableSheets: boolean;
}

const TIMING_LINE =
  /^(?:depuis|a partir|des |au cours|courant|d'ici|avant|apres|en |pour |fin |debut|mi-|premier|1er|second|deuxieme|2e|troisieme|dernier|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|trimestre|semestre|quadrimestre|annee)\b.*\b(?:19|20)\d\d\b/;

/** "PROGRAMME STRATÉGIQUE TRANSVERSAL 2019-2024": the document's title, not a section. */
function isDocumentTitle(text: string): boolean {
  const folded = foldChars(text);
  return /\b(?:programme strategique|plan strategique|pst)\b/.test(folded) || /\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b/.test(folded);
}

function isTimingLine(text: string): boolean {
  const folded = foldChars(text).trim();
  if (folded.split(/\s+/).length > 12 || /[.;]$/.test(folded)) return false;
  if (TIMING_LINE.test(folded)) return true;
  const period = parsePeriod(text);
  return period !== null && !isParseError(period);
}

const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;

// ---------------------------------------------------------------- parser state

/** The levels of the parser's context, outermost first. */
const CONTEXT_LEVELS = ['volet', 'section', 'axis', 'os', 'oo', 'action', 'subAction'] as const;
type ContextLevel = (typeof CONTEXT_LEVELS)[number];

interface SectionEntry {
  readonly code: string | null;
  readonly text: string;
  readonly rank: number;
  /** The title without its keyword and code ("Social" for "Axe 1 : Social"), when known. */
  readonly title?: string;
}

interface FieldCapture {
  readonly target: FieldTarget;
  readonly label: LabelMatch;
  readonly labelLine: Line;
  /** Value written on the label's own line. */
  readonly inline: string;
  readonly lines: Line[];
}

interface Sheet {
  readonly action: OutlineAction;
  readonly origin: 'titleLabel' | 'keyword' | 'list' | 'numbered';
  readonly fields: FieldCapture[];
  /** Title lines of a "TITRE" sheet until the first label. */
  readonly titleLines: Line[];
  titleInline: string;
  current: FieldCapture | null;
  /** The list level of the item the sheet belongs to (list sheets end at the next item). */
  readonly listLevel: number;
}

interface TitleTarget {
  readonly owner: { title: string | null };
  readonly kind: 'os' | 'oo' | 'action' | 'subAction' | 'section' | 'group';
  lastLine: Line;
  count: number;
  blankSince: boolean;
  /** The title was announced alone ("Objectif stratégique :"); its text follows. */
  awaitingText: boolean;
  /** Section entries are rebuilt when a section title continues. */
  readonly onChange?: (title: string) => void;
}

interface ListContext {
  readonly level: 'action' | 'subAction';
  /** Glyphs in order of first appearance: their rank is the nesting level when indentation is lost. */
  readonly glyphs: string[];
  /** Indentations in order of first appearance. */
  readonly indents: number[];
  timing: string | null;
  sawBullet: boolean;
  lastItem: OutlineAction | null;
  lastItemLevel: number;
  lastLine: Line | null;
  blankSince: boolean;
}

interface OsContext {
  readonly os: OutlineStrategicObjective;
  readonly line: Line;
}

interface OoContext {
  readonly oo: OutlineOperationalObjective;
  readonly os: OsContext;
  /** Set by headings; 'fields' when the OO was named inside an action sheet. */
  readonly source: 'heading' | 'fields' | 'implied';
  group: { code: string | null; title: string | null } | null;
}

// ---------------------------------------------------------------- entry point

export function parseOutline(source: readonly SourceLine[], options: { sourceName?: string } = {}): ParsedOutline {
  return new OutlineParser(prepareLines(source), options.sourceName).parse();
}

class OutlineParser {
  private readonly outline: OutlineDocument;
  private readonly anomalies: ParseAnomaly[] = [];
  private readonly candidates: HeadingCandidate[][];
  private profile!: Profile;

  private volet: { volet: Volet; text: string; code: string | null } | null = null;
  private sections: SectionEntry[] = [];
  private axis: { code: string | null; title: string; sourceLine: number; text: string } | null = null;
  private os: OsContext | null = null;
  private oo: OoContext | null = null;
  private action: OutlineAction | null = null;
  private subAction: OutlineAction | null = null;
  private sheet: Sheet | null = null;
  private list: ListContext | null = null;
  private title: TitleTarget | null = null;
  private pending: Line[] = [];
  private preamble: Line[] = [];
  private started = false;
  /** Sheets left without a parent OO until their fields are read. */
  private readonly actionLines = new Map<OutlineAction, Line>();
  private readonly actionParents = new Map<OutlineAction, OoContext | null>();
  /**
   * The last lines of the last sheet when they may be the heading of the next project
   * group (table layouts start a heading on a new page, right after a value): kept
   * apart until the next action tells whether a group heading is needed.
   */
  private sheetTail: { action: OutlineAction; fields: OutlineActionFields; capture: FieldCapture; lines: Line[]; strong: boolean } | null = null;

  constructor(
    private readonly lines: Line[],
    sourceName?: string,
  ) {
    this.outline = { source: sourceName, title: null, organisation: null, period: null, strategicObjectives: [] };
    this.candidates = lines.map((line) => (line.blank || line.noise ? [] : headingCandidates(line.text)));
  }

  parse(): ParsedOutline {
    this.profile = this.buildProfile();
    for (let i = 0; i < this.lines.length; i++) {
      i = this.step(i);
    }
    this.closeSheet();
    this.settleSheetTail(true);
    this.flushPending();
    this.finish();
    return { outline: this.outline, anomalies: this.anomalies.sort((a, b) => a.line - b.line), fieldCounts: this.fieldCounts() };
  }

  // ================================================================ profile

  private buildProfile(): Profile {
    const keywordLevels = new Set<Level>();
    const keywordDepths: { [level: string]: number[] } = {};
    this.candidates.forEach((found) => {
      for (const c of found) {
        if (c.kind === 'keyword' && c.level !== 'axis') {
          keywordLevels.add(c.level);
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
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (line.blank || line.noise || line.bullet) continue;
      const next = this.nextContentIndex(i);
      const match = matchLabel(line.text, next === null ? null : this.lines[next].text, { allowUpperCaseWithoutColon: true });
      if (!match) continue;
      labelLines++;
      if (/^[^\p{Ll}]*$/u.test(match.labelText)) upperCaseLabels++;
      if (match.target !== 'title') continue;
      // Only strong title labels open sheets: alone, with a colon, or with a code after them.
      const keywordish = this.candidates[i].some((c) => c.kind === 'keyword' && c.level === 'action');
      const restCode = /^(\d+(?:\.\d+)+)\s*(?:→|->|=>|[:\-–]|\s)/.exec(match.rest + ' ');
      let codeLine = -1;
      let code: string | null = null;
      if (restCode) {
        code = restCode[1];
        codeLine = i;
      } else if (match.rest === '' && next !== null) {
        const nextCode = /^(\d+(?:\.\d+)+)\.?\s*(?:→|->|=>|[:\-–]|\s)/.exec(this.lines[next].text + ' ');
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

    const parentLabelsPrecedeTitle = this.parentLabelsBeforeTitles(titleLabelLines);

    // Bare numbered headings, validated as a consistent numbering.
    const numberedLines = this.acceptedNumberedLines(sheetCodeLines);
    const depthCounts = new Map<number, number>();
    numberedLines.forEach((i) => {
      const n = this.numberedAt(i) as NumberedHeading;
      depthCounts.set(n.parts.length, (depthCounts.get(n.parts.length) || 0) + 1);
    });
    const depths = Array.from(depthCounts.keys()).sort((a, b) => a - b);

    const numberedRole = new Map<number, Role>();
    let ooDepth: number | null = null;
    let groupsExpected = false;
    const typedDepth = (level: Level): number | null => {
      const list = keywordDepths[level];
      if (!list || list.length === 0) return null;
      const counts = new Map<number, number>();
      list.forEach((d) => counts.set(d, (counts.get(d) || 0) + 1));
      return Array.from(counts.entries()).sort((a, b) => b[1] - a[1])[0][0];
    };

    if (keywordLevels.has('os') || keywordLevels.has('oo')) {
      const osD = typedDepth('os');
      const ooD = typedDepth('oo');
      const actionD = typedDepth('action');
      ooDepth = ooD;
      for (const d of depths) {
        if (d === osD) numberedRole.set(d, 'os');
        else if (d === ooD) numberedRole.set(d, 'oo');
        else if (d === actionD) numberedRole.set(d, 'action');
        else if (osD !== null && d < osD) numberedRole.set(d, 'section');
        else if (actionD !== null && d > actionD) numberedRole.set(d, 'subAction');
        else numberedRole.set(d, 'listItem');
      }
    } else if (sheetActionDepths.length > 0) {
      const minAction = Math.min(...sheetActionDepths);
      const maxAction = Math.max(...sheetActionDepths);
      ooDepth = minAction - 1;
      groupsExpected = maxAction > minAction;
      for (const d of depths) numberedRole.set(d, this.roleFromOoDepth(d, ooDepth, maxAction));
    } else if (depths.length > 0) {
      const deepest = depths[depths.length - 1];
      const osLike = depths.find((d) => this.shareOf(numberedLines, d, (title) => readsLikeStrategicObjective(title)) >= 0.5);
      const bulletsUnderDeepest = this.shareWithBulletsBelow(numberedLines, deepest) >= 0.5;
      if (osLike !== undefined && osLike < deepest) {
        ooDepth = osLike + 1;
      } else if (bulletsUnderDeepest || deepest <= 2) {
        ooDepth = deepest;
      } else {
        ooDepth = deepest - 1;
      }
      for (const d of depths) numberedRole.set(d, this.roleFromOoDepth(d, ooDepth, ooDepth + 1));
    }

    // Unnumbered headings (markdown "##", Word heading styles) carry the structure only
    // when nothing else does.
    const headingRole = new Map<number, Role>();
    if (keywordLevels.size === 0 && numberedLines.size === 0 && titleLabelLines.length === 0) {
      const levels = new Map<number, number[]>();
      this.lines.forEach((line, i) => {
        if (line.headingLevel && !line.noise && this.candidates[i].length === 0) {
          (levels.get(line.headingLevel) || levels.set(line.headingLevel, []).get(line.headingLevel)!).push(i);
        }
      });
      const headingLevels = Array.from(levels.keys()).sort((a, b) => a - b);
      if (headingLevels.length > 0) {
        const deepest = headingLevels[headingLevels.length - 1];
        const indexes = new Set(levels.get(deepest));
        const bullets = this.shareWithBulletsBelow(indexes, deepest, true) >= 0.5;
        const osLike = headingLevels.find(
          (level) => (levels.get(level) || []).filter((i) => readsLikeStrategicObjective(this.lines[i].text)).length >= (levels.get(level) || []).length / 2,
        );
        const oo = osLike !== undefined && osLike < deepest ? headingLevels[headingLevels.indexOf(osLike) + 1] : bullets || headingLevels.length <= 2 ? deepest : headingLevels[headingLevels.length - 2];
        const ooIndex = headingLevels.indexOf(oo);
        headingLevels.forEach((level, index) => {
          const role: Role =
            index === ooIndex ? 'oo' : index === ooIndex - 1 ? 'os' : index < ooIndex - 1 ? 'section' : index === ooIndex + 1 ? 'action' : 'subAction';
          headingRole.set(level, role);
        });
      }
    }

    return {
      keywordLevels,
      numberedRole,
      numberedLines,
      headingRole,
      ooDepth,
      groupsExpected,
      parentLabelsPrecedeTitle,
      tableSheets: titleLabelLines.length > 0 && upperCaseLabels >= labelLines / 2,
    };
  }

  private roleFromOoDepth(depth: number, ooDepth: number, actionDepth: number): Role {
    if (depth === ooDepth) return 'oo';
    if (depth === ooDepth - 1) return 'os';
    if (depth < ooDepth - 1) return 'section';
    if (depth < actionDepth) return 'group';
    if (depth === actionDepth) return 'action';
    return 'subAction';
  }

  private numberedAt(index: number): NumberedHeading | undefined {
    return this.candidates[index].find((c): c is NumberedHeading => c.kind === 'numbered');
  }

  private shareOf(indexes: ReadonlySet<number>, depth: number, test: (title: string) => boolean): number {
    let total = 0;
    let yes = 0;
    indexes.forEach((i) => {
      const n = this.numberedAt(i) as NumberedHeading;
      if (n.parts.length !== depth) return;
      total++;
      if (test(n.title)) yes++;
    });
    return total === 0 ? 0 : yes / total;
  }

  /** Share of the headings of one depth (or heading level) followed by bullets before the next heading. */
  private shareWithBulletsBelow(indexes: ReadonlySet<number>, depth: number, byHeadingLevel = false): number {
    let total = 0;
    let withBullets = 0;
    indexes.forEach((i) => {
      const level = byHeadingLevel ? this.lines[i].headingLevel : (this.numberedAt(i) as NumberedHeading).parts.length;
      if (level !== depth) return;
      total++;
      for (let j = i + 1; j < this.lines.length; j++) {
        const line = this.lines[j];
        if (line.blank || line.noise) continue;
        if (line.headingLevel || this.candidates[j].some((c) => c.kind !== 'listHeader')) break;
        if (line.bullet) {
          withBullets++;
          break;
        }
      }
    });
    return total === 0 ? 0 : withBullets / total;
  }

  private acceptedNumberedLines(excluded: ReadonlySet<number>): Set<number> {
    const candidates: { index: number; parts: readonly number[] }[] = [];
    this.lines.forEach((line, i) => {
      if (excluded.has(i) || line.bullet) return;
      const n = this.numberedAt(i);
      // A keyword line ("Action 1.1.1 …") is not a bare numbered heading.
      if (n && !this.candidates[i].some((c) => c.kind === 'keyword')) candidates.push({ index: i, parts: n.parts });
    });
    const hasDeeper = candidates.some((c) => c.parts.length >= 2);
    // A top-level "2." counts only if the next deeper heading starts with "2.": numbered
    // paragraphs inside descriptions do not open children.
    const filtered = candidates.filter((c, k) => {
      if (c.parts.length !== 1 || !hasDeeper) return true;
      const deeper = candidates.slice(k + 1).find((d) => d.parts.length >= 2);
      return deeper !== undefined && deeper.parts[0] === c.parts[0];
    });
    const accepted = new Set<number>();
    let path: readonly number[] = [];
    for (const c of filtered) {
      const d = c.parts.length;
      const value = c.parts[d - 1];
      let ok = false;
      if (d === 1) {
        ok = path.length === 0 ? value <= 3 : value === path[0] + 1 || value === path[0] + 2;
      } else {
        const samePrefix = path.length >= d - 1 && c.parts.slice(0, d - 1).every((p, k) => p === path[k]);
        if (samePrefix) {
          const last = path.length >= d ? path[d - 1] : 0;
          ok = value === last + 1 || (last > 0 && value === last + 2) || (last === 0 && value <= 2);
        } else if (d >= 3 && path.length >= d - 2 && c.parts.slice(0, d - 2).every((p, k) => p === path[k])) {
          // The heading one level up is missing from the document ("1.3.1" before "1.3.1.1").
          const parentLast = path.length >= d - 1 ? path[d - 2] : 0;
          ok = c.parts[d - 2] === parentLast + 1 && value === 1;
        } else if (path.length === 0 && c.parts.every((p) => p <= 2)) {
          ok = true;
        }
      }
      if (ok) {
        accepted.add(c.index);
        path = c.parts;
      }
    }
    return accepted;
  }

  /**
   * Whether, in action sheets, the OS/OO labels come just before the title label (they
   * open the sheet) rather than inside it. Each OS/OO label is counted for the title
   * label it touches: no other label between them.
   */
  private parentLabelsBeforeTitles(titleLines: readonly number[]): boolean {
    if (titleLines.length === 0) return false;
    const titles = new Set(titleLines);
    const kindOf = (i: number): 'parent' | 'title' | 'label' | null => {
      const line = this.lines[i];
      if (line.blank || line.noise || line.bullet) return null;
      if (titles.has(i)) return 'title';
      const folded = foldChars(line.text);
      if (/^(?:objectif\s+(?:strategique|operationnel)|o\.?s\.?\s*[:\d]|o\.?o\.?\s*[:\d])/.test(folded) || /^objectif\s*$/.test(folded)) return 'parent';
      const next = this.nextContentIndex(i);
      const label = matchLabel(line.text, next === null ? null : this.lines[next].text, { allowUpperCaseWithoutColon: true });
      return label ? 'label' : null;
    };
    const kinds = this.lines.map((_l, i) => kindOf(i));
    let before = 0;
    let after = 0;
    kinds.forEach((kind, i) => {
      if (kind !== 'parent') return;
      for (let j = i + 1; j < kinds.length; j++) {
        if (kinds[j] === 'title') {
          before++;
          break;
        }
        if (kinds[j] === 'label') break;
      }
      for (let j = i - 1; j >= 0; j--) {
        if (kinds[j] === 'title') {
          after++;
          break;
        }
        if (kinds[j] === 'label') break;
      }
    });
    return before > after;
  }

  // ================================================================ helpers

  /** Forgets every level under `level`: a heading closes what was open below it. */
  private closeBelow(level: ContextLevel): void {
    const below = (other: ContextLevel): boolean => CONTEXT_LEVELS.indexOf(other) > CONTEXT_LEVELS.indexOf(level);
    if (below('section')) this.sections = [];
    if (below('axis')) this.axis = null;
    if (below('os')) this.os = null;
    if (below('oo')) this.oo = null;
    if (below('action')) this.action = null;
    if (below('subAction')) this.subAction = null;
  }

  private nextContentIndex(index: number): number | null {
    for (let j = index + 1; j < this.lines.length; j++) {
      if (!this.lines[j].blank && !this.lines[j].noise) return j;
    }
    return null;
  }

  private anomaly(kind: ParseAnomaly['kind'], line: Line | null, message: string): void {
    this.anomalies.push({ kind, line: line ? line.n : 0, page: line ? line.page : undefined, message });
  }

  private sectionPathTexts(): string[] {
    const path: string[] = [];
    if (this.volet) path.push(this.volet.text);
    for (const s of this.sections) path.push(s.text);
    return path;
  }

  // ================================================================ main loop

  /** Handles line `i`; returns the index of the last line consumed. */
  private step(i: number): number {
    const line = this.lines[i];
    if (line.blank) {
      if (this.title) this.title.blankSince = true;
      if (this.list) this.list.blankSince = true;
      return i;
    }
    if (line.noise) {
      // A placeholder is a value that is not there: an empty label stays empty.
      return i;
    }
    if (line.text === '') {
      // A bullet glyph alone: part of a sheet's text, nothing elsewhere.
      if (this.sheet) this.appendToSheet(line);
      return i;
    }
    if (URL_LINE.test(line.text) && (this.sheet || this.action)) {
      const target = this.sheet ? this.sheet.action : (this.action as OutlineAction);
      const fields = (target.fields = target.fields || {});
      fields.links = (fields.links || []).concat([line.text]);
      return i;
    }

    const candidates = this.candidates[i];
    const nextIndex = this.nextContentIndex(i);
    const next = nextIndex === null ? null : this.lines[nextIndex];

    // ---- volet ("PARTIE II : LE VOLET EXTERNE")
    const volet = candidates.find((c) => c.kind === 'volet');
    if (volet && volet.kind === 'volet' && !(this.sheet && this.sheet.current && this.sheet.current.target !== 'title' && !line.headingLevel && !line.emphasized && volet.code === null)) {
      this.endBlock();
      this.volet = { volet: volet.volet, text: line.text, code: volet.code };
      this.closeBelow('volet');
      return i;
    }

    // ---- sheet labels (inside a sheet, labels come before everything but strong headings)
    const label = this.labelAt(line, next);
    if (this.sheet && label && !this.isStrongHeading(i, label)) {
      return this.onLabel(i, line, label, nextIndex);
    }

    // ---- keyword headings
    const keyword = candidates.find((c): c is KeywordHeading => c.kind === 'keyword');
    const header = candidates.find((c) => c.kind === 'listHeader');
    if (header && header.kind === 'listHeader' && !this.sheet && (!keyword || keyword.title === '') && (!keyword || keyword.code === null)) {
      // "Action :" followed by a title line (not a bullet) announces one action, not a list.
      const announcesOne = keyword !== undefined && next !== null && !next.bullet && !this.nextIsStructural(nextIndex as number);
      if (!announcesOne || header.level === 'subAction') {
        this.startList(header.level);
        return i;
      }
    }
    if (keyword && !(this.sheet && keyword.code === null && (keyword.level === 'action' || keyword.level === 'axis'))) {
      return this.onKeyword(i, line, keyword);
    }

    // ---- bare numbered headings ("1.1.2. Renforcer …")
    if (this.profile.numberedLines.has(i)) {
      const numbered = this.numberedAt(i) as NumberedHeading;
      const role = this.profile.numberedRole.get(numbered.parts.length) || 'listItem';
      if (role !== 'listItem') return this.onNumbered(i, line, numbered, role);
    }

    // ---- sheet title label outside a sheet ("TITRE", "Intitulé de l'action :")
    if (label && label.target === 'title') {
      return this.onLabel(i, line, label, nextIndex);
    }

    // ---- sections: roman codes, markdown/Word headings, capitalised titles between blocks
    const section = candidates.find((c) => c.kind === 'section');
    if (section && section.kind === 'section' && !this.sheet) {
      this.openSection(line, section.code, line.text, section.code ? section.code.split('.').length : 1);
      return i;
    }
    if (line.headingLevel && !this.sheet && !(this.started === false && isDocumentTitle(line.text))) {
      const role = this.profile.headingRole.get(line.headingLevel);
      if (role && role !== 'section') return this.onNumbered(i, line, null, role);
      this.openSection(line, null, line.text, 10 + line.headingLevel);
      return i;
    }

    // ---- a label right after an action opens its sheet ("Responsable : X")
    if (label && !this.sheet && (this.subAction || this.action) && this.currentItemIsFresh()) {
      return this.onLabel(i, line, label, nextIndex);
    }

    if (this.sheet) {
      // List sheets end at the next item of their list.
      if (this.sheet.origin === 'list' && line.bullet && this.list && this.listLevelOf(line) <= this.sheet.listLevel) {
        this.closeSheet();
      } else {
        this.appendToSheet(line);
        return i;
      }
    }

    // ---- numbered lines that are list items in keyword documents ("1. Recruter …")
    const numbered = this.numberedAt(i);
    const listItem = line.bullet !== null || (numbered !== undefined && this.oo !== null && !this.profile.numberedLines.has(i) && (this.list !== null || this.ooHasNoItems()));

    if (listItem && this.oo) {
      if (this.tryContinueTitle(line)) return i;
      return this.onListItem(i, line, numbered && !line.bullet ? numbered.title : line.text);
    }

    // ---- plain text
    if (this.tryContinueTitle(line)) return i;
    if (this.list && this.oo) {
      if (this.onListText(line)) return i;
    }
    if (
      !this.sheet &&
      !this.list &&
      looksLikeCapitalisedTitle(line.text) &&
      !(this.started === false && isDocumentTitle(line.text)) &&
      !line.bullet &&
      this.sectionFollows(nextIndex)
    ) {
      this.openSection(line, null, line.text, 9);
      return i;
    }
    this.pending.push(line);
    // What follows continues this text, not the heading before it.
    this.title = null;
    return i;
  }

  private labelAt(line: Line, next: Line | null): LabelMatch | null {
    if (line.bullet || line.headingLevel) return null;
    return matchLabel(line.text, next ? next.text : null, { allowUpperCaseWithoutColon: this.profile.tableSheets, requireUpperCase: this.profile.tableSheets });
  }

  /** Structural lines that end a sheet even when they could be read as a label. */
  private isStrongHeading(index: number, label: LabelMatch): boolean {
    const candidates = this.candidates[index];
    if (this.profile.numberedLines.has(index)) {
      const numbered = this.numberedAt(index) as NumberedHeading;
      const role = this.profile.numberedRole.get(numbered.parts.length);
      if (role && role !== 'listItem') return true;
    }
    if (label.target === 'title') return false;
    const keyword = candidates.find((c): c is KeywordHeading => c.kind === 'keyword');
    if (!keyword) return false;
    if (keyword.level === 'os' || keyword.level === 'oo') return this.profile.parentLabelsPrecedeTitle;
    return keyword.code !== null;
  }

  private nextIsStructural(index: number): boolean {
    return this.candidates[index].some((c) => c.kind !== 'section') || this.profile.numberedLines.has(index);
  }

  /** Whether the line after `index` (skipping text) opens an OS, a section or a volet. */
  private sectionFollows(index: number | null): boolean {
    if (index === null) return false;
    for (let j = index, seen = 0; j < this.lines.length && seen < 3; j++) {
      const line = this.lines[j];
      if (line.blank || line.noise) continue;
      seen++;
      const found = this.candidates[j];
      if (found.some((c) => c.kind === 'volet' || c.kind === 'section' || (c.kind === 'keyword' && (c.level === 'os' || c.level === 'axis')))) return true;
      if (this.profile.numberedLines.has(j)) {
        const role = this.profile.numberedRole.get((this.numberedAt(j) as NumberedHeading).parts.length);
        return role === 'section' || role === 'os';
      }
      if (line.headingLevel) return true;
      if (!looksLikeCapitalisedTitle(line.text)) return false;
    }
    return false;
  }

  private currentItemIsFresh(): boolean {
    return this.list === null || this.list.lastItem === (this.subAction || this.action);
  }

  private ooHasNoItems(): boolean {
    return this.oo !== null && this.oo.oo.actions.length === 0;
  }

  // ================================================================ blocks

  /** Ends whatever is open before a new heading. */
  private endBlock(settleTail = true, flush = true): void {
    this.closeSheet();
    if (settleTail) this.settleSheetTail(true);
    if (flush) this.flushPending();
    this.list = null;
    this.title = null;
  }

  private startList(level: 'action' | 'subAction'): void {
    this.closeSheet();
    this.flushPending();
    this.title = null;
    this.list = {
      level,
      glyphs: [],
      indents: [],
      timing: null,
      sawBullet: false,
      lastItem: null,
      lastItemLevel: 0,
      lastLine: null,
      blankSince: false,
    };
  }

  private openSection(line: Line, code: string | null, text: string, rank: number, bareTitle?: string): void {
    this.endBlock();
    if (code) {
      const parts = code.split('.');
      // The volet "PARTIE II" is the root of sections "II.1", "II.II.3".
      while (this.sections.length > 0) {
        const top = this.sections[this.sections.length - 1];
        const topParts = top.code ? top.code.split('.') : null;
        if (topParts && topParts.length < parts.length && topParts.every((p, k) => p === parts[k])) break;
        this.sections.pop();
      }
    } else {
      while (this.sections.length > 0 && this.sections[this.sections.length - 1].rank >= rank) this.sections.pop();
    }
    const entry: SectionEntry = { code, text: squeeze(text), rank, title: bareTitle };
    this.sections.push(entry);
    this.closeBelow('section');
    const index = this.sections.length - 1;
    const holder = { title: entry.text as string | null };
    this.title = {
      owner: holder,
      kind: 'section',
      lastLine: line,
      count: 1,
      blankSince: false,
      awaitingText: false,
      onChange: (title) => {
        this.sections[index] = { ...this.sections[index], text: title };
      },
    };
  }

  // ================================================================ OS / OO

  private newOs(line: Line, code: string | null, title: string): OsContext {
    this.started = true;
    const key = titleKey(title);
    // The same OS named again (sheets that repeat their parents): the same objective.
    if (key !== '') {
      for (const os of this.outline.strategicObjectives) {
        if (titleKey(os.title || '') === key && (os.code || null) === code) {
          const found = { os, line: this.lineOfOs(os) || line };
          this.os = found;
          return found;
        }
      }
    }
    const sectionPath = this.sectionPathTexts();
    const os: OutlineStrategicObjective = {
      code,
      title: title === '' ? null : title,
      volet: this.volet ? this.volet.volet : null,
      section: this.axis ? this.axis.text : sectionPath.length > 0 ? sectionPath[sectionPath.length - 1] : null,
      sectionPath: this.axis && !this.volet ? null : sectionPath.length > 0 ? (this.axis ? sectionPath.concat([this.axis.text]) : sectionPath) : null,
      axis: this.axis ? { code: this.axis.code, title: this.axis.title, sourceLine: this.axis.sourceLine } : null,
      description: null,
      operationalObjectives: [],
      sourceLine: line.n,
    };
    this.outline.strategicObjectives.push(os);
    const context = { os, line };
    this.osLines.set(os, line);
    this.os = context;
    return context;
  }

  private readonly osLines = new Map<OutlineStrategicObjective, Line>();
  private lineOfOs(os: OutlineStrategicObjective): Line | undefined {
    return this.osLines.get(os);
  }

  private newOo(line: Line, code: string | null, title: string | null, source: OoContext['source']): OoContext {
    this.started = true;
    let os = this.os;
    if (!os && source !== 'fields' && (this.axis || this.sections.length > 0)) {
      // "Axe 1 : …" then "Objectif opérationnel 1.1": the axis plays the part of the OS.
      const heading = this.axis
        ? { code: this.axis.code, title: this.axis.title }
        : (() => {
            const last = this.sections[this.sections.length - 1];
            const split = /^((?:[IVX]+|\d+)(?:\.(?:[IVX]+|\d+))*)\.?\s+(.*)$/.exec(last.text);
            return { code: last.code, title: last.title || (split ? split[2] : last.text) };
          })();
      if (this.axis) this.axis = null;
      else this.sections.pop();
      os = this.newOs(line, heading.code, heading.title);
      this.anomaly('missingLevel', line, `Objectif opérationnel « ${title || code || ''} » sans objectif stratégique au-dessus : le titre « ${heading.title} » est repris comme objectif stratégique.`);
    }
    if (!os) {
      // An OO before any OS: the OS level is missing.
      os = this.newOs(line, code && code.indexOf('.') > 0 ? code.slice(0, code.lastIndexOf('.')) : null, '');
      this.anomaly('missingLevel', line, `Objectif opérationnel « ${title || code || ''} » sans objectif stratégique au-dessus : un OS sans intitulé a été créé.`);
    }
    const key = titleKey(title || '');
    if (key !== '' || code) {
      for (const oo of os.os.operationalObjectives) {
        const sameTitle = key !== '' && titleKey(oo.title || '') === key;
        if (sameTitle && (oo.code || null) === code) {
          const found = this.ooContexts.get(oo) as OoContext;
          this.oo = found;
          return found;
        }
      }
    }
    const oo: OutlineOperationalObjective = { code, title, description: null, actions: [], sourceLine: line.n };
    if (source === 'implied') {
      oo.impliedByActionCodes = true;
      delete oo.sourceLine;
    }
    os.os.operationalObjectives.push(oo);
    const context: OoContext = { oo, os, source, group: null };
    this.ooContexts.set(oo, context);
    this.oo = context;
    return context;
  }

  private readonly ooContexts = new Map<OutlineOperationalObjective, OoContext>();

  // ================================================================ headings

  private onKeyword(i: number, line: Line, keyword: KeywordHeading): number {
    const title = keyword.title;
    switch (keyword.level) {
      case 'axis': {
        this.endBlock();
        this.openSection(line, keyword.code, line.text, keyword.code ? keyword.code.split('.').length : 1, keyword.title || undefined);
        return i;
      }
      case 'os': {
        this.endBlock();
        this.closeBelow('os');
        const os = this.newOs(line, keyword.code, title);
        this.title = this.titleTarget(os.os, 'os', line, title === '');
        return i;
      }
      case 'oo': {
        this.endBlock();
        this.closeBelow('oo');
        const oo = this.newOo(line, keyword.code, title === '' ? null : title, 'heading');
        this.title = this.titleTarget(oo.oo, 'oo', line, title === '');
        return i;
      }
      case 'action': {
        this.endBlock();
        const action = this.newAction(line, keyword.code, keyword.codeAsPrinted, title, 'keyword');
        this.title = this.titleTarget(action, 'action', line, title === '');
        return i;
      }
      case 'subAction': {
        this.endBlock();
        const sub = this.newSubAction(line, keyword.code, keyword.codeAsPrinted, title);
        this.title = this.titleTarget(sub, 'subAction', line, title === '');
        return i;
      }
    }
    return i;
  }

  private titleTarget(owner: { title: string | null }, kind: TitleTarget['kind'], line: Line, awaitingText: boolean): TitleTarget {
    return { owner, kind, lastLine: line, count: 1, blankSince: false, awaitingText };
  }

  private onNumbered(i: number, line: Line, numbered: NumberedHeading | null, role: Role): number {
    const code = numbered ? numbered.code : null;
    const title = numbered ? numbered.title : line.text;
    switch (role) {
      case 'section': {
        this.endBlock();
        this.sections = this.sections.filter((s) => s.rank < 100);
        this.axis = { code, title, sourceLine: line.n, text: line.text };
        this.closeBelow('axis');
        const holder = { title: title as string | null };
        this.title = {
          owner: holder,
          kind: 'section',
          lastLine: line,
          count: 1,
          blankSince: false,
          awaitingText: false,
          onChange: (t) => {
            if (this.axis) this.axis = { ...this.axis, title: t, text: (code ? `${code}. ` : '') + t };
          },
        };
        return i;
      }
      case 'os': {
        this.endBlock();
        this.closeBelow('os');
        const os = this.newOs(line, code, title);
        this.title = this.titleTarget(os.os, 'os', line, title === '');
        return i;
      }
      case 'oo': {
        this.endBlock();
        this.closeBelow('oo');
        if (code && this.os && this.os.os.code && code.split('.').length > 1) {
          const prefix = code.slice(0, code.lastIndexOf('.'));
          if (prefix !== this.os.os.code) this.ensureOsForCode(line, prefix);
        }
        const oo = this.newOo(line, code, title === '' ? null : title, 'heading');
        this.title = this.titleTarget(oo.oo, 'oo', line, title === '');
        return i;
      }
      case 'group': {
        this.endBlock();
        if (!this.oo) return i;
        const group: OutlineProjectGroup = { code, title, sourceLine: line.n };
        this.oo.oo.projectGroups = (this.oo.oo.projectGroups || []).concat([group]);
        this.oo.group = { code, title };
        const holder = { title: title as string | null };
        this.title = {
          owner: holder,
          kind: 'group',
          lastLine: line,
          count: 1,
          blankSince: false,
          awaitingText: false,
          onChange: (t) => {
            group.title = t;
            if (this.oo && this.oo.group) this.oo.group.title = t;
          },
        };
        return i;
      }
      case 'action': {
        this.endBlock();
        const action = this.newAction(line, code, null, title, 'numbered');
        this.title = this.titleTarget(action, 'action', line, title === '');
        return i;
      }
      case 'subAction': {
        this.endBlock();
        const sub = this.newSubAction(line, code, null, title);
        this.title = this.titleTarget(sub, 'subAction', line, title === '');
        return i;
      }
      default:
        return i;
    }
  }

  private ensureOsForCode(line: Line, osCode: string): void {
    const existing = this.outline.strategicObjectives.find((os) => os.code === osCode);
    if (existing) {
      this.os = { os: existing, line: this.lineOfOs(existing) || line };
      return;
    }
    this.newOs(line, osCode, '');
    this.anomaly('missingLevel', line, `Le code ${osCode} n'apparaît pas comme objectif stratégique dans le document : un OS ${osCode} sans intitulé a été créé.`);
  }

  // ================================================================ actions

  /**
   * Places an action under the OO its code names when the document numbers its levels:
   * a missing OO heading is implied; an action printed under another OO keeps its place
   * and gets a code anomaly (keyword documents print every OO).
   */
  private ooForCodedAction(line: Line, code: string | null): OoContext | null {
    const ooDepth = this.profile.ooDepth;
    if (!code || ooDepth === null || !/^\d+(?:\.\d+)*$/.test(code)) return this.oo;
    const parts = code.split('.');
    if (parts.length <= ooDepth) return this.oo;
    const ooCode = parts.slice(0, ooDepth).join('.');
    if (this.oo && (this.oo.oo.code === ooCode || this.oo.oo.code === null || this.oo.oo.code === undefined)) return this.oo;
    const keywordOos = this.profile.keywordLevels.has('oo');
    if (keywordOos && this.oo) return this.oo;
    // Numbered documents: the OO heading is missing; the action's code tells which OO it is.
    const known = this.findOo(ooCode);
    if (known && this.oo && known !== this.oo) return this.oo;
    if (known) return known;
    const osCode = ooDepth > 1 ? parts.slice(0, ooDepth - 1).join('.') : null;
    if (osCode && (!this.os || this.os.os.code !== osCode)) this.ensureOsForCode(line, osCode);
    const implied = this.newOo(line, ooCode, null, 'implied');
    this.anomaly(
      'missingLevel',
      line,
      `L'action ${code} appartient à l'objectif opérationnel ${ooCode}, qui n'est pas imprimé dans le document : un OO ${ooCode} sans intitulé a été créé (à compléter).`,
    );
    return implied;
  }

  private findOo(code: string): OoContext | null {
    for (const os of this.outline.strategicObjectives) {
      for (const oo of os.operationalObjectives) if (oo.code === code) return this.ooContexts.get(oo) || null;
    }
    return null;
  }

  private newAction(line: Line, code: string | null, codeAsPrinted: string | null, title: string, origin: Sheet['origin'] | 'bullet'): OutlineAction {
    this.started = true;
    const action: OutlineAction = { code, title: title === '' ? null : title, description: null, fields: {}, subActions: [], sourceLine: line.n };
    if (codeAsPrinted) {
      action.codeAsPrinted = codeAsPrinted;
      action.codeAnomaly = `code imprimé avec une espace parasite : « ${codeAsPrinted} »`;
    }
    let parent = origin === 'bullet' ? this.oo : this.ooForCodedAction(line, code);
    // After a sheet that named its own parents, the next sheet names its own too.
    if (parent && parent.source === 'fields' && origin !== 'bullet') parent = null;
    if (!parent && this.os && !(this.oo && this.oo.source === 'fields')) {
      // Actions right under an OS: the OO level is missing; one OO without title holds them.
      parent = this.newOo(line, null, null, 'implied');
      this.anomaly('missingLevel', line, `Actions directement sous l'objectif stratégique « ${this.os.os.title || this.os.os.code || ''} » : un objectif opérationnel sans intitulé a été créé pour les porter (à compléter).`);
    }
    if (parent && code && /^\d+(?:\.\d+)+$/.test(code) && parent.oo.code && /^\d+(?:\.\d+)*$/.test(parent.oo.code) && !action.codeAnomaly) {
      const prefix = code.slice(0, code.lastIndexOf('.'));
      const fits = prefix === parent.oo.code || prefix.indexOf(parent.oo.code + '.') === 0;
      if (!fits && this.profile.ooDepth !== null && code.split('.').length === this.profile.ooDepth + 1) {
        action.codeAnomaly = `code ${code} imprimé sous l'objectif opérationnel ${parent.oo.code} (attendu ${parent.oo.code}.x)`;
      }
    }
    if (parent) this.attachAction(parent, action, line, code);
    this.actionParents.set(action, parent);
    this.actionLines.set(action, line);
    this.action = action;
    this.closeBelow('action');
    return action;
  }

  private attachAction(parent: OoContext, action: OutlineAction, line: Line, code: string | null): void {
    this.oo = parent;
    this.os = parent.os;
    // Project groups: an unnumbered heading between the OO and its actions ("1.1.2.1").
    if (code && this.profile.ooDepth !== null && /^\d+(?:\.\d+)*$/.test(code)) {
      const parts = code.split('.');
      if (parts.length >= this.profile.ooDepth + 2) {
        const groupCode = parts.slice(0, parts.length - 1).join('.');
        if (!parent.group || parent.group.code !== groupCode) this.openGroupForAction(parent, groupCode, line);
      } else {
        parent.group = null;
      }
    }
    if (parent.group) {
      const fields = (action.fields = action.fields || {});
      fields.projectGroup = parent.group.title;
      fields.projectGroupCode = parent.group.code;
    }
    parent.oo.actions.push(action);
  }

  /** The group heading is the unclaimed text before the sheet, or the tail of the previous sheet. */
  private openGroupForAction(parent: OoContext, groupCode: string, line: Line): void {
    let lines = this.pending.splice(0, this.pending.length);
    if (lines.length === 0 && this.sheetTail) {
      lines = this.sheetTail.lines.splice(0, this.sheetTail.lines.length);
      this.settleSheetTail(false);
    }
    const title = lines.length > 0 ? joinWrapped(lines.map((l) => l.text)) : null;
    const existing = (parent.oo.projectGroups || []).find((g) => g.code === groupCode);
    if (!existing) {
      const group: OutlineProjectGroup = { code: groupCode, title, sourceLine: lines.length > 0 ? lines[0].n : line.n };
      parent.oo.projectGroups = (parent.oo.projectGroups || []).concat([group]);
    }
    parent.group = { code: groupCode, title: existing ? existing.title || title : title };
  }

  /**
   * Lines at the end of a sheet's last field that may be the next heading: in table
   * layouts a heading starts on a new page, with an indent. After a one-line value
   * written on the label's line ("T.AVANCEMENT 60 %") every following line is one
   * ("strong"); otherwise from the last indented capitalised line.
   */
  private splitTail(capture: FieldCapture): { lines: Line[]; strong: boolean } {
    const lines = capture.lines;
    if (lines.length === 0) return { lines: [], strong: false };
    const singleValued = capture.inline !== '' && SINGLE_VALUE_FIELDS.indexOf(capture.target) >= 0;
    if (singleValued && !lines[0].bullet) return { lines: lines.splice(0, lines.length), strong: true };
    for (let k = lines.length - 1; k >= 0; k--) {
      if (lines[k].indent > 0 && startsUpperCase(lines[k].text) && !lines[k].bullet) return { lines: lines.splice(k, lines.length - k), strong: false };
    }
    return { lines: [], strong: false };
  }

  /**
   * The tail of the last sheet was not a group heading: it goes back to its field; or,
   * before a new OO, a strong tail is a project group without actions.
   */
  private settleSheetTail(atHeading: boolean): void {
    const tail = this.sheetTail;
    if (!tail) return;
    this.sheetTail = null;
    if (tail.lines.length > 0 && atHeading && tail.strong && this.oo && this.oo.oo.actions.indexOf(tail.action) >= 0) {
      const groups = this.oo.oo.projectGroups || [];
      const code = this.oo.oo.code ? `${this.oo.oo.code}.${groups.length + 1}` : null;
      const title = joinWrapped(tail.lines.map((l) => l.text));
      this.oo.oo.projectGroups = groups.concat([{ code, title, derivedCode: true, hasNoActions: true, sourceLine: tail.lines[0].n }]);
      tail.lines.length = 0;
    }
    tail.capture.lines.push(...tail.lines);
    this.storeField(tail.action, tail.fields, tail.capture);
  }

  private newSubAction(line: Line, code: string | null, codeAsPrinted: string | null, title: string): OutlineAction {
    this.started = true;
    const sub: OutlineAction = { code, title: title === '' ? null : title, sourceLine: line.n };
    if (codeAsPrinted) {
      sub.codeAsPrinted = codeAsPrinted;
      sub.codeAnomaly = `code imprimé avec une espace parasite : « ${codeAsPrinted} »`;
    }
    const parent = this.action;
    if (parent && code && parent.code && code.indexOf(parent.code + '.') !== 0 && /^\d/.test(code)) {
      sub.codeAnomaly = `code ${code} imprimé sous l'action ${parent.code}`;
    }
    if (!parent) {
      // A sub-action with no action above it: it is reported and kept as an action.
      this.anomaly('orphanAction', line, `Sous-action « ${title || code || ''} » sans action au-dessus : elle est reprise comme action.`);
      const action = this.newAction(line, code, codeAsPrinted, title, 'keyword');
      return action;
    }
    parent.subActions = (parent.subActions || []).concat([sub]);
    this.actionLines.set(sub, line);
    this.subAction = sub;
    return sub;
  }

  // ================================================================ lists

  private listLevelOf(line: Line): number {
    const list = this.list;
    if (!list || line.bullet === null) return 0;
    // "a)", "b)" are one kind of item; so are "1)", "2)".
    const glyph = line.bullet.replace(/^[a-z]\)$/, 'a)').replace(/^\d+\)$/, '1)');
    if (list.indents.indexOf(line.indent) < 0) list.indents.push(line.indent);
    if (list.glyphs.indexOf(glyph) < 0) list.glyphs.push(glyph);
    const indents = list.indents.slice().sort((a, b) => a - b);
    // Indentation tells the nesting when it varies; otherwise the glyph does (• then o then ▪).
    const byIndent = indents.filter((n) => n < line.indent - 1).length;
    const indentLevels = indents.filter((n, k) => k === 0 || n - indents[k - 1] > 1).length;
    if (indentLevels > 1) {
      let level = 0;
      for (let k = 1; k < indents.length; k++) if (indents[k] - indents[k - 1] > 1 && indents[k] <= line.indent) level++;
      return Math.min(level, byIndent);
    }
    return list.glyphs.indexOf(glyph);
  }

  private onListItem(i: number, line: Line, text: string): number {
    if (!this.list) {
      this.closeSheet();
      this.flushPending();
      this.list = { level: 'action', glyphs: [], indents: [], timing: null, sawBullet: false, lastItem: null, lastItemLevel: 0, lastLine: null, blankSince: false };
    }
    const list = this.list;
    const level = this.listLevelOf(line) + (list.level === 'subAction' ? 1 : 0);
    list.sawBullet = true;
    let item: OutlineAction;
    if (level > 0 && (this.action || list.lastItem)) {
      item = this.newSubAction(line, null, null, text);
    } else {
      this.flushPending();
      item = this.newAction(line, null, null, text, 'bullet');
      if (list.timing) (item.fields = item.fields || {}).timing = list.timing;
    }
    list.lastItem = item;
    list.lastItemLevel = level;
    list.lastLine = line;
    list.blankSince = false;
    this.title = this.titleTarget(item, level > 0 ? 'subAction' : 'action', line, false);
    return i;
  }

  /** Text inside a list: a timing sub-heading, or an item of a list whose bullets were lost. */
  private onListText(line: Line): boolean {
    const list = this.list as ListContext;
    if (isTimingLine(line.text)) {
      list.timing = line.text;
      return true;
    }
    if (!list.sawBullet && list.lastItem === null && startsUpperCase(line.text) && line.text.split(/\s+/).length >= 2) {
      // "Actions :" followed by plain lines: the bullet glyphs were lost in extraction.
      this.onListItem(line.n, { ...line, bullet: '' }, line.text);
      list.sawBullet = false;
      return true;
    }
    if (!list.sawBullet && list.lastItem !== null && (list.blankSince || /[.;!?]$/.test(list.lastItem.title || '')) && startsUpperCase(line.text)) {
      const item = this.newAction(line, null, null, line.text, 'bullet');
      if (list.timing) (item.fields = item.fields || {}).timing = list.timing;
      list.lastItem = item;
      list.blankSince = false;
      this.title = this.titleTarget(item, 'action', line, false);
      return true;
    }
    return false;
  }

  // ================================================================ titles

  /** Whether the line continues the last title (titles are often cut over lines). */
  private tryContinueTitle(line: Line): boolean {
    const target = this.title;
    if (!target || line.headingLevel) return false;
    if (line.bullet && !target.awaitingText) return false;
    const previous = target.owner.title || '';
    let continues = false;
    if (target.awaitingText) continues = true;
    else if (target.count >= 8 || previous.length > 600) continues = false;
    else if (/\p{L}-$/u.test(previous)) continues = true;
    else if (startsLowerCase(line.text)) continues = !/[.!?]$/.test(previous) || !target.blankSince;
    else if (/^[(«"“]/.test(line.text) && !target.blankSince) continues = true;
    else if (!target.blankSince) {
      const indentedMore = line.indent > target.lastLine.indent + 1 && target.kind !== 'group';
      continues = !indentedMore && !/[.!?;:]$/.test(previous) && !looksLikeLabelStart(line.text);
    }
    if (!continues) return false;
    const joined = target.awaitingText && previous === '' ? squeeze(line.text) : joinWrapped([previous, line.text]);
    target.owner.title = joined;
    if (target.onChange) target.onChange(joined);
    target.lastLine = line;
    target.count++;
    target.blankSince = false;
    target.awaitingText = false;
    if (this.list && this.list.lastItem === target.owner) this.list.blankSince = false;
    return true;
  }

  // ================================================================ sheets

  private onLabel(i: number, line: Line, label: LabelMatch, nextIndex: number | null): number {
    const consumedTo = label.lineCount === 2 && nextIndex !== null ? nextIndex : i;
    if (label.target === 'title') {
      if (!this.sheet && this.action && !this.subAction && !this.action.title && this.actionLines.get(this.action) === this.title?.lastLine) {
        // "Fiche action n° 3" then "Intitulé : …": the title of that action.
        this.title = null;
        this.action.title = label.rest === '' ? null : label.rest;
        this.sheet = { action: this.action, origin: 'titleLabel', fields: [], titleLines: [], titleInline: label.rest, current: null, listLevel: 0 };
        return consumedTo;
      }
      if (this.sheet && (this.sheet.action.title === null || this.sheet.action.title === '') && this.sheet.titleLines.length === 0 && this.sheet.titleInline === '') {
        // "Fiche action n° 3" then "Intitulé : …": one sheet.
        this.sheet.titleInline = label.rest;
        this.sheet.current = null;
        return consumedTo;
      }
      // The text before the sheet may be its group heading: it is read when the action is placed.
      this.endBlock(false, false);
      // "TITRE 1.1.1.1.4 → …", or "TITRE" with the code on the next line.
      let rest = label.rest;
      let consumed = consumedTo;
      if (rest === '' && nextIndex !== null && label.lineCount === 1) {
        const nextLine = this.lines[nextIndex];
        if (/^\d+(?:\.\d+)+\.?\s*(?:→|->|=>|[:\-–]|\s|$)/.test(nextLine.text) && !nextLine.bullet) {
          rest = nextLine.text;
          consumed = nextIndex;
        }
      }
      const code = /^(\d+(?:\.\d+)+)\.?\s*(?:(?:→|->|=>|[:\-–])\s*|\s+|$)/.exec(rest);
      const codeText = code ? code[1] : null;
      const title = code ? rest.slice(code[0].length).trim() : rest;
      const action = this.newSheetAction(line, codeText, title);
      this.settleSheetTail(false);
      this.flushPendingBefore(action);
      this.sheet = { action, origin: 'titleLabel', fields: [], titleLines: [], titleInline: title, current: null, listLevel: 0 };
      return consumed;
    }
    if (!this.sheet) {
      const owner = this.subAction || this.action;
      if (!owner) {
        this.pending.push(line);
        return i;
      }
      this.title = null;
      this.sheet = {
        action: owner,
        origin: this.list && this.list.lastItem === owner ? 'list' : 'keyword',
        fields: [],
        titleLines: [],
        titleInline: owner.title || '',
        current: null,
        listLevel: this.list ? this.list.lastItemLevel : 0,
      };
    }
    const capture: FieldCapture = { target: label.target, label, labelLine: line, inline: label.rest, lines: [] };
    this.sheet.fields.push(capture);
    this.sheet.current = capture;
    return consumedTo;
  }

  private newSheetAction(line: Line, code: string | null, title: string): OutlineAction {
    const level = code && this.profile.ooDepth !== null ? code.split('.').length - this.profile.ooDepth : 1;
    // A sheet coded one level below the previous action is its sub-action ("1.1.1.2" after "1.1.1").
    if (code && this.action && this.action.code && code.indexOf(this.action.code + '.') === 0 && level > 1 && !this.profile.groupsExpected) {
      return this.newSubAction(line, code, null, title);
    }
    return this.newAction(line, code, null, title, 'titleLabel');
  }

  private appendToSheet(line: Line): void {
    const sheet = this.sheet as Sheet;
    if (sheet.current) sheet.current.lines.push(line);
    else if (sheet.origin === 'titleLabel') sheet.titleLines.push(line);
    else {
      // Text after an action heading and before any label: its description.
      const capture: FieldCapture = {
        target: 'description',
        label: { target: 'description', lineCount: 1, rest: '', labelText: '' },
        labelLine: line,
        inline: '',
        lines: [line],
      };
      sheet.fields.push(capture);
      sheet.current = capture;
    }
  }

  private closeSheet(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    this.sheet = null;
    this.title = null;
    const action = sheet.action;
    if (sheet.origin === 'titleLabel') {
      const parts = [sheet.titleInline].concat(sheet.titleLines.map((l) => (l.bullet ? `${bulletGlyph(l.bullet)} ${l.text}` : l.text)));
      const title = joinWrapped(parts);
      action.title = title === '' ? null : title;
      const short = shortTitleOf([sheet.titleInline].concat(sheet.titleLines.map((l) => l.text)).filter((t) => t.trim() !== ''));
      if (short && short !== title) action.shortTitle = short;
    }
    const fields: OutlineActionFields = (action.fields = action.fields || {});
    const last = sheet.fields.length > 0 ? sheet.fields[sheet.fields.length - 1] : null;
    this.settleSheetTail(false);
    for (const capture of sheet.fields) {
      if (capture === last && this.profile.groupsExpected && sheet.origin === 'titleLabel') {
        const tail = this.splitTail(capture);
        if (tail.lines.length > 0) {
          this.sheetTail = { action, fields, capture, lines: tail.lines, strong: tail.strong };
          continue;
        }
      }
      this.storeField(action, fields, capture);
    }
    this.resolveSheetParents(action, fields);
  }

  private storeField(action: OutlineAction, fields: OutlineActionFields, capture: FieldCapture): void {
    const inlineBullet = /^([•▪◦●■\uf0b7\uf0a7-])\s+(.*)$/.exec(capture.inline);
    const inline = inlineBullet ? { text: inlineBullet[2], bullet: inlineBullet[1] as string | null } : { text: capture.inline, bullet: null as string | null };
    const items = (capture.inline !== '' ? [inline] : []).concat(
      capture.lines.map((l) => ({ text: l.text, bullet: l.bullet })),
    );
    const meaningful = items.filter((item) => !isPlaceholder(item.text));
    const target = capture.target;
    if (target === 'title') {
      const title = joinWrapped(meaningful.map((m) => m.text));
      if (title && !action.title) action.title = title;
      return;
    }
    if (target === 'code') {
      const code = joinWrapped(meaningful.map((m) => m.text));
      if (code && !action.code) action.code = normaliseCode(code);
      return;
    }
    if (target === 'description') {
      const text = paragraphs(meaningful);
      action.description = action.description ? `${action.description}\n${text}` : text || action.description || null;
      return;
    }
    const key = target as keyof OutlineActionFields;
    let value: unknown;
    if (meaningful.length === 0) value = null;
    else if (target === 'risks') {
      const items = listItems(meaningful);
      // "manque de personnel ; délais de recrutement": one line listing several risks.
      value = items.length === 1 && meaningful.every((m) => !m.bullet) ? items[0].split(/\s+;\s+/).filter((t) => t !== '') : items;
    }
    else if (MULTILINE_FIELDS.indexOf(target) >= 0) value = paragraphs(meaningful);
    else value = joinWrapped(meaningful.map((m) => (m.bullet ? `${bulletGlyph(m.bullet)} ${m.text}` : m.text)));
    if (fields[key] != null && value == null) return;
    if (typeof fields[key] === 'string' && typeof value === 'string' && fields[key] !== value) {
      value = `${fields[key]}\n${value}`;
    }
    fields[key] = value;
    if (target === 'progress' && typeof value === 'string') {
      const progress = parseProgress(value);
      fields.progressPercent = progress && !isParseError(progress) ? progress.percent : null;
    }
    if (target === 'progress' && value === null) fields.progressPercent = null;
  }

  /** Sheets that name their OS and OO instead of sitting under headings. */
  private resolveSheetParents(action: OutlineAction, fields: OutlineActionFields): void {
    if (this.actionParents.get(action) !== null || action !== this.action) return;
    const line = this.actionLines.get(action) as Line;
    const osText = typeof fields.strategicObjective === 'string' ? fields.strategicObjective : null;
    const ooText = typeof fields.operationalObjective === 'string' ? fields.operationalObjective : null;
    if (!osText && !ooText) return;
    if (osText) {
      const { code, title } = splitCodedTitle(osText);
      this.newOs(line, code, title);
    }
    let oo: OoContext;
    if (ooText) {
      const { code, title } = splitCodedTitle(ooText);
      oo = this.newOo(line, code, title, 'fields');
    } else {
      oo = this.newOo(line, null, null, 'fields');
      this.anomaly('missingLevel', line, `La fiche « ${action.title || action.code || ''} » ne nomme pas son objectif opérationnel : un OO sans intitulé a été créé.`);
    }
    this.attachAction(oo, action, line, action.code || null);
    this.actionParents.set(action, oo);
  }

  // ================================================================ unclaimed text

  /** Text left before a sheet that did not become its group heading: it precedes the action. */
  private flushPendingBefore(action: OutlineAction): void {
    if (this.pending.length === 0) return;
    const oo = this.actionParents.get(action);
    if (oo && this.action === action) {
      // Treat the text as if it had come before the action was placed.
      const index = oo.oo.actions.indexOf(action);
      if (index >= 0) oo.oo.actions.splice(index, 1);
      this.flushPending();
      if (index >= 0) oo.oo.actions.splice(index, 0, action);
      return;
    }
    this.flushPending();
  }

  /** Decides what the text lines collected since the last heading were. */
  private flushPending(): void {
    const lines = this.pending.splice(0, this.pending.length);
    if (lines.length === 0) return;
    if (!this.started) {
      this.preamble.push(...lines);
      return;
    }
    const text = paragraphs(lines.map((l) => ({ text: l.text, bullet: l.bullet })));
    if (this.oo && this.oo.oo.actions.length === 0 && this.profile.groupsExpected) {
      // An unnumbered sub-heading with no sheet after it: a project group without actions.
      const groups = this.oo.oo.projectGroups || [];
      const code = this.oo.oo.code ? `${this.oo.oo.code}.${groups.length + 1}` : null;
      this.oo.oo.projectGroups = groups.concat([{ code, title: joinWrapped(lines.map((l) => l.text)), derivedCode: true, hasNoActions: true, sourceLine: lines[0].n }]);
      return;
    }
    if (this.oo && this.oo.oo.actions.length === 0 && !this.list) {
      this.oo.oo.description = this.oo.oo.description ? `${this.oo.oo.description}\n${text}` : text;
      return;
    }
    if (this.os && !this.oo) {
      this.os.os.description = this.os.os.description ? `${this.os.os.description}\n${text}` : text;
      return;
    }
    if (this.action && !this.list && (!this.oo || this.oo.oo.actions.indexOf(this.action) >= 0)) {
      this.action.description = this.action.description ? `${this.action.description}\n${text}` : text;
      return;
    }
    // Consecutive lines form one anomaly (a paragraph), with its first line.
    let start = 0;
    for (let k = 1; k <= lines.length; k++) {
      if (k === lines.length || lines[k].n - lines[k - 1].n > 2) {
        const excerpt = joinWrapped(lines.slice(start, k).map((l) => l.text));
        this.anomaly('unrecognisedText', lines[start], `Texte non compris (ni titre, ni champ, ni action) : « ${excerpt.length > 120 ? excerpt.slice(0, 119) + '…' : excerpt} »`);
        start = k;
      }
    }
  }

  // ================================================================ end

  /** "Action 1", "Action 2" under every OO: codes restart per parent, duplicates are expected. */
  private numberingRestarts = false;

  private finish(): void {
    this.readPreamble();
    const allCodes: string[] = [];
    for (const os of this.outline.strategicObjectives)
      for (const oo of os.operationalObjectives) for (const a of oo.actions) if (a.code) allCodes.push(a.code);
    const repeated = allCodes.filter((c, k) => allCodes.indexOf(c) !== k).length;
    this.numberingRestarts = allCodes.length >= 4 && repeated >= allCodes.length * 0.3;
    // Orphan project group at the end of a sheet before a new OO is only known here.
    const codes = new Map<string, OutlineAction>();
    let actionCount = 0;
    let subCount = 0;
    let ooCount = 0;
    for (const os of this.outline.strategicObjectives) {
      if (!os.title) {
        const line = this.lineOfOs(os);
        this.anomaly('missingTitle', line || null, `L'objectif stratégique ${os.code || ''} n'a pas d'intitulé dans le document.`.replace('  ', ' '));
      }
      for (const oo of os.operationalObjectives) {
        ooCount++;
        if (oo.actions.length === 0) {
          this.anomaly(
            'emptyObjective',
            oo.sourceLine ? this.lineByNumber(oo.sourceLine) : null,
            `L'objectif opérationnel ${oo.code ? oo.code + ' ' : ''}« ${oo.title || ''} » n'a aucune action.`,
          );
        }
        if (this.profile.groupsExpected && !oo.projectGroups) oo.projectGroups = [];
        for (const action of oo.actions) {
          actionCount++;
          this.checkCode(action, codes);
          if (!action.title) this.anomaly('missingTitle', this.lineOfAction(action), `L'action ${action.code || ''} n'a pas d'intitulé.`);
          for (const sub of action.subActions || []) {
            subCount++;
            this.checkCode(sub, codes);
          }
        }
      }
    }
    this.outline.counts = {
      strategicObjectives: this.outline.strategicObjectives.length,
      operationalObjectives: ooCount,
      actions: actionCount,
      subActions: subCount,
    };
    // Actions whose sheet named no parent and sat under no heading.
    this.actionParents.forEach((parent, action) => {
      if (parent !== null) return;
      const line = this.lineOfAction(action);
      this.anomaly('orphanAction', line, `L'action « ${action.title || action.code || ''} » n'est rattachée à aucun objectif (ni titre au-dessus, ni OS/OO dans sa fiche) : elle n'est pas reprise.`);
    });
  }

  private checkCode(action: OutlineAction, codes: Map<string, OutlineAction>): void {
    const line = this.lineOfAction(action);
    if (action.codeAnomaly) this.anomaly('codeAnomaly', line, `Code à vérifier : ${action.codeAnomaly}.`);
    if (!action.code || this.numberingRestarts) return;
    const seen = codes.get(action.code);
    if (seen) {
      this.anomaly('duplicateCode', line, `Le code ${action.code} est utilisé deux fois (déjà à la ligne ${seen.sourceLine}).`);
    } else codes.set(action.code, action);
  }

  private lineOfAction(action: OutlineAction): Line | null {
    return this.actionLines.get(action) || (action.sourceLine ? this.lineByNumber(action.sourceLine) : null);
  }

  private lineByNumber(n: number): Line | null {
    return this.lines.find((l) => l.n === n) || null;
  }

  /** Organisation and period from the first pages ("CPAS de Binche", "2019-2024"). */
  private readPreamble(): void {
    const head = this.preamble.concat(this.lines.slice(0, 200).filter((l) => !l.blank)).map((l) => l.text);
    const all = this.lines.filter((l) => !l.blank).map((l) => l.text);
    const period = findPeriod(head) || null;
    this.outline.period = period;
    this.outline.organisation = findOrganisation(head, all);
  }

  private fieldCounts(): { [field: string]: number } {
    const counts: { [field: string]: number } = {};
    const visit = (action: OutlineAction) => {
      const fields = action.fields || {};
      for (const key of Object.keys(fields)) {
        if (key === 'progressPercent' || key === 'links' || key === 'projectGroup' || key === 'projectGroupCode') continue;
        const value = fields[key];
        if (value == null || (typeof value === 'string' && value === '') || (Array.isArray(value) && value.length === 0)) continue;
        counts[key] = (counts[key] || 0) + 1;
      }
      if (action.description) counts.description = (counts.description || 0) + 1;
    };
    for (const os of this.outline.strategicObjectives) for (const oo of os.operationalObjectives) for (const a of oo.actions) visit(a);
    return counts;
  }
}
