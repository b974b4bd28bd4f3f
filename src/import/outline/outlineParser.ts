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
 *
 * This file is the pass; it hands each line to the part that keeps it: `outlineTree`
 * creates the nodes where `outlineCursor` stands, `openHeadings` opens headings,
 * `sheets` captures action sheets, `lists` and `titles` follow lists and wrapped titles,
 * `unclaimedText` holds text until a heading tells what it was. `profile` is step 2;
 * `finish` checks the whole tree once every line is read.
 */
import type { LabelMatch } from '../lines/fieldLabels';
import { KeywordHeading, NumberedHeading, isClosingMatter, looksLikeCapitalisedTitle } from '../lines/headings';
import { Line, SourceLine, prepareLines } from '../lines/sourceLines';
import type { OutlineAction, OutlineDocument } from '../toPlan';
import { startsUpperCase } from '../../text/normalize';
import { DocumentLines } from './documentLines';
import { countFields, finishOutline } from './finish';
import { isDocumentTitle, isStrongHeading, labelAt, nextIsStructural, sectionFollows, URL_LINE } from './lineReadings';
import { ListContext, isTimingLine, listLevelOf, newList } from './lists';
import { openKeywordHeading, openNumberedHeading, openSection } from './openHeadings';
import { OutlineCursor } from './outlineCursor';
import { OutlineTree } from './outlineTree';
import type { ParseAnomaly, ParsedOutline, ReportAnomaly } from './parseResult';
import { Profile, Role, buildProfile } from './profile';
import { FieldCapture, Sheet, SheetCapture } from './sheets';
import { TitleTarget, continueTitle, continuesCapitalTitle, titleTarget } from './titles';
import { UnclaimedText } from './unclaimedText';
import { findStatedTotals } from './statedTotals';
import { describeProfileEntries } from './describeProfile';
import { SchemeLevel, readNumberingSchemes } from './numberingSchemes';

export function parseOutline(source: readonly SourceLine[], options: { sourceName?: string } = {}): ParsedOutline {
  const schemes = readNumberingSchemes(prepareLines(source));
  return new OutlineParser(new DocumentLines(schemes.lines), options.sourceName, schemes.levels).parse();
}

/** The one pass over the lines: it decides what each line is and hands it to the part that keeps it. */
class OutlineParser {
  private readonly anomalies: ParseAnomaly[] = [];
  private readonly profile: Profile;
  private readonly cursor = new OutlineCursor();
  private readonly tree: OutlineTree;
  private readonly sheets: SheetCapture;
  private readonly unclaimed: UnclaimedText;
  private list: ListContext | null = null;
  private title: TitleTarget | null = null;
  /** In the closing pages (annexes, glossary, signatures) since this line: only a heading of the plan reads again. */
  private closingSince: Line | null = null;
  /** The first closing line met, for the profile. */
  private closingStart: Line | null = null;
  /** Header cells of a table ("Objectif stratégique" | "Objectif opérationnel" | …): no headings. */
  private readonly columnHeaders: ReadonlySet<number>;

  /** The action sheet being read, if any. */
  private get sheet(): Sheet | null {
    return this.sheets.open;
  }

  private readonly report: ReportAnomaly = (kind, line, message) => {
    this.anomalies.push({ kind, line: line ? line.n : 0, page: line ? line.page : undefined, message });
  };

  constructor(
    private readonly doc: DocumentLines,
    sourceName?: string,
    private readonly schemes: readonly SchemeLevel[] = [],
  ) {
    const outline: OutlineDocument = { source: sourceName, title: null, organisation: null, period: null, strategicObjectives: [] };
    this.profile = buildProfile(doc);
    this.columnHeaders = columnHeaderLines(doc);
    this.tree = new OutlineTree(outline, this.cursor, this.profile, this.report, () => this.groupHeadingLines());
    this.sheets = new SheetCapture(this.tree, this.profile, this.report);
    this.unclaimed = new UnclaimedText(this.tree, this.profile, this.report);
  }

  parse(): ParsedOutline {
    for (let i = 0; i < this.doc.lines.length; i++) {
      i = this.step(i);
    }
    this.closeSheet();
    this.sheets.settleTail(true);
    this.flushPending();
    finishOutline(this.tree, this.doc, this.profile, this.unclaimed.preamble, this.report);
    const outline = this.tree.outline;
    const profileEntries = describeProfileEntries(this.profile, this.schemes);
    if (this.closingStart) {
      const text = this.closingStart.text.slice(0, 60);
      profileEntries.push({ text: `fin du plan à la ligne ${this.closingStart.n} (« ${text} ») : annexes et signatures ne sont pas lues comme des champs`, shape: `« ${text} »`, lines: `^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` });
    }
    return {
      outline,
      anomalies: this.anomalies.sort((a, b) => a.line - b.line),
      fieldCounts: countFields(outline),
      statedTotals: findStatedTotals(this.doc.lines),
      profileLines: profileEntries.map((e) => e.text),
      profileEntries,
    };
  }

  // ================================================================ main loop

  /** Handles line `i`; returns the index of the last line consumed. */
  private step(i: number): number {
    const line = this.doc.lines[i];
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
      if (this.sheet) this.sheets.append(line);
      return i;
    }
    if (URL_LINE.test(line.text) && (this.sheet || this.cursor.action)) {
      const target = this.sheet ? this.sheet.action : (this.cursor.action as OutlineAction);
      const fields = (target.fields = target.fields || {});
      fields.links = (fields.links || []).concat([line.text]);
      return i;
    }

    const candidates = this.doc.candidates[i];
    const nextIndex = this.doc.nextContentIndex(i);
    const next = nextIndex === null ? null : this.doc.lines[nextIndex];

    // ---- closing pages: "Annexe 1 – Glossaire", "Ainsi délibéré …" end the last field
    if (this.tree.started && isClosingMatter(line.text) && !this.sheetLabelsFollow(i)) {
      this.endBlock();
      this.closingSince = line;
      this.closingStart = this.closingStart || line;
      return i;
    }
    if (this.closingSince) {
      // An annex may hold project sheets: a heading of the plan reads again.
      if (!this.opensPlanLevel(i, line, next)) return i;
      this.closingSince = null;
    }

    // ---- volet ("PARTIE II : LE VOLET EXTERNE")
    const volet = candidates.find((c) => c.kind === 'volet');
    // "Volet : Externe" on every sheet is a field of the action, not a new part of the plan.
    const voletField = /^volet\s*[:：]/i.test(line.text) && (this.sheet !== null || this.cursor.action !== null);
    if (volet && volet.kind === 'volet' && !voletField && !(this.sheet && this.sheet.current && this.sheet.current.target !== 'title' && !line.headingLevel && !line.emphasized && volet.code === null)) {
      this.endBlock();
      this.cursor.volet = { volet: volet.volet, text: line.text, code: volet.code };
      this.cursor.closeBelow('volet');
      return i;
    }

    // ---- a title in capitals cut after a connector, whose next line starts like a label
    if (continuesCapitalTitle(this.title, line) && continueTitle(this.title, this.list, line, true)) return i;

    // ---- sheet labels (inside a sheet, labels come before everything but strong headings)
    const label = labelAt(this.profile, line, next);
    if (this.sheet && label && !isStrongHeading(this.doc, this.profile, i, label)) {
      return this.onLabel(i, line, label, nextIndex);
    }

    // ---- keyword headings
    const keyword = candidates.find((c): c is KeywordHeading => c.kind === 'keyword');
    const header = candidates.find((c) => c.kind === 'listHeader');
    if (header && header.kind === 'listHeader' && !this.sheet && (!keyword || keyword.title === '') && (!keyword || keyword.code === null)) {
      // "Action :" followed by a title line (not a bullet) announces one action, not a list.
      const announcesOne = keyword !== undefined && next !== null && !next.bullet && !nextIsStructural(this.doc, this.profile, nextIndex as number);
      if (!announcesOne || header.level === 'subAction') {
        this.startList(header.level);
        return i;
      }
    }
    if (keyword && this.columnHeaders.has(i)) {
      this.unclaimed.push(line);
      return i;
    }
    if (keyword && this.sheet && this.namesParentInSheet(keyword, next)) {
      // "Objectif opérationnel 102. …" between two labels of a sheet: the sheet names its OO.
      const target = keyword.level === 'os' ? 'strategicObjective' : 'operationalObjective';
      const inline = [keyword.code, keyword.title].filter((t) => t).join(' ');
      const capture: FieldCapture = { target, label: { target, lineCount: 1, rest: inline, labelText: '' }, labelLine: line, inline, lines: [] };
      this.sheet.fields.push(capture);
      this.sheet.current = capture;
      return i;
    }
    if (keyword && !(this.sheet && keyword.code === null && (keyword.level === 'action' || keyword.level === 'axis'))) {
      return this.onKeyword(i, line, keyword);
    }

    // ---- bare numbered headings ("1.1.2. Renforcer …")
    if (this.profile.numberedLines.has(i)) {
      const numbered = this.doc.numberedAt(i) as NumberedHeading;
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
      this.onSection(line, section.code, line.text, section.code ? section.code.split('.').length : 1);
      return i;
    }
    if (line.headingLevel && !(this.tree.started === false && isDocumentTitle(line.text))) {
      // A heading level is a depth hint: it opens what the profile gives that level; a
      // heading of no known role is a section outside lists and sheets when it is no deeper
      // than the plan's own headings (and then ends a sheet); else it is read like text.
      const role = this.profile.headingRole.get(line.headingLevel);
      if (role && role !== 'section' && !(line.bullet && this.list)) return this.onNumbered(i, line, null, role);
      const deepest = this.profile.structuralHeadingLevel;
      // Deeper than the plan's own headings ("### Description" under "## Fiche projet 1.1.1"): part of the item above.
      const withinItem = deepest !== null && line.headingLevel > deepest && this.tree.started;
      const endsSheet = this.sheet !== null && deepest !== null && line.headingLevel <= deepest;
      if ((!this.sheet || endsSheet) && !withinItem && !line.bullet && !(this.list && this.cursor.oo)) {
        this.onSection(line, null, line.text, 10 + line.headingLevel);
        return i;
      }
    }

    // ---- a label right after an action opens its sheet ("Responsable : X")
    if (label && !this.sheet && (this.cursor.subAction || this.cursor.action) && this.currentItemIsFresh()) {
      return this.onLabel(i, line, label, nextIndex);
    }

    if (this.sheet) {
      // List sheets end at the next item of their list.
      if (this.sheet.origin === 'list' && line.bullet && this.list && listLevelOf(this.list, line) <= this.sheet.listLevel) {
        this.closeSheet();
      } else {
        this.sheets.append(line);
        return i;
      }
    }

    // ---- numbered lines that are list items in keyword documents ("1. Recruter …")
    const numbered = this.doc.numberedAt(i);
    const listItem = line.bullet !== null || (numbered !== undefined && this.cursor.oo !== null && !this.profile.numberedLines.has(i) && (this.list !== null || this.ooHasNoItems()));

    if (listItem && this.cursor.oo) {
      if (continueTitle(this.title, this.list, line)) return i;
      return this.onListItem(i, line, numbered && !line.bullet ? numbered.title : line.text);
    }

    // ---- plain text
    if (continueTitle(this.title, this.list, line)) return i;
    if (this.list && this.cursor.oo) {
      if (this.onListText(line)) return i;
    }
    if (
      !this.sheet &&
      !this.list &&
      looksLikeCapitalisedTitle(line.text) &&
      !(this.tree.started === false && isDocumentTitle(line.text)) &&
      !line.bullet &&
      sectionFollows(this.doc, this.profile, nextIndex)
    ) {
      this.onSection(line, null, line.text, 9);
      return i;
    }
    this.unclaimed.push(line);
    // What follows continues this text, not the heading before it.
    this.title = null;
    return i;
  }

  /**
   * Whether sheet labels ("Échéance : 2026") come after line `i` before the next heading
   * of the plan (within a few lines): then "Annexe 1 : plan des locaux" is inside a sheet,
   * not the start of the closing pages.
   */
  private sheetLabelsFollow(i: number): boolean {
    for (let j = this.doc.nextContentIndex(i), seen = 0; j !== null && seen < 40; j = this.doc.nextContentIndex(j), seen++) {
      const line = this.doc.lines[j];
      const nextIndex = this.doc.nextContentIndex(j);
      const next = nextIndex === null ? null : this.doc.lines[nextIndex];
      if (this.opensPlanLevel(j, line, next) || isClosingMatter(line.text)) return false;
      const label = labelAt(this.profile, line, next);
      if (label && label.target !== 'description' && label.target !== 'title') return true;
    }
    return false;
  }

  /** A keyword, numbered or styled heading of a plan level, or a sheet title label. */
  private opensPlanLevel(i: number, line: Line, next: Line | null): boolean {
    if (this.doc.candidates[i].some((c) => c.kind === 'keyword' && c.level !== 'axis' && (c.code !== null || c.separated))) return true;
    const numbered = this.doc.numberedAt(i);
    if (numbered && this.profile.numberedLines.has(i) && (this.profile.numberedRole.get(numbered.parts.length) || 'listItem') !== 'listItem') return true;
    if (line.headingLevel && ['os', 'oo', 'action', 'subAction'].indexOf(this.profile.headingRole.get(line.headingLevel) || '') >= 0) return true;
    const label = labelAt(this.profile, line, next);
    return label !== null && label.target === 'title';
  }

  /** An OS/OO line inside a titled sheet, followed by a label: a field of the sheet, not a heading. */
  private namesParentInSheet(keyword: KeywordHeading, next: Line | null): boolean {
    const sheet = this.sheet as Sheet;
    if ((keyword.level !== 'os' && keyword.level !== 'oo') || keyword.title === '' || this.profile.parentLabelsPrecedeTitle) return false;
    const titled = !!sheet.action.title || sheet.titleInline !== '' || sheet.titleLines.length > 0;
    return titled && next !== null && labelAt(this.profile, next, null) !== null;
  }

  private currentItemIsFresh(): boolean {
    return this.list === null || this.list.lastItem === (this.cursor.subAction || this.cursor.action);
  }

  private ooHasNoItems(): boolean {
    return this.cursor.oo !== null && this.cursor.oo.oo.actions.length === 0;
  }

  // ================================================================ blocks

  /** Ends whatever is open before a new heading. */
  private endBlock(settleTail = true, flush = true): void {
    this.closeSheet();
    if (settleTail) this.sheets.settleTail(true);
    if (flush) this.flushPending();
    this.list = null;
    this.title = null;
  }

  private startList(level: 'action' | 'subAction'): void {
    this.closeSheet();
    this.flushPending();
    this.title = null;
    this.list = newList(level);
  }

  private closeSheet(): void {
    if (!this.sheet) return;
    this.title = null;
    this.sheets.close();
  }

  private flushPending(): void {
    this.unclaimed.flush(this.list !== null);
  }

  /** The group heading is the unclaimed text before the sheet, or the tail of the previous sheet. */
  private groupHeadingLines(): Line[] {
    const lines = this.unclaimed.take();
    return lines.length > 0 ? lines : this.sheets.takeTailLines();
  }

  // ================================================================ headings

  private onSection(line: Line, code: string | null, text: string, rank: number): void {
    this.endBlock();
    this.title = openSection(this.cursor, line, code, text, rank);
  }

  private onKeyword(i: number, line: Line, keyword: KeywordHeading): number {
    this.endBlock();
    this.title = openKeywordHeading(this.tree, line, keyword);
    return i;
  }

  private onNumbered(i: number, line: Line, numbered: NumberedHeading | null, role: Role): number {
    if (role === 'listItem') return i; // a list item, not a heading
    this.endBlock();
    this.title = openNumberedHeading(this.tree, line, numbered, role);
    return i;
  }

  // ================================================================ lists

  private onListItem(i: number, line: Line, text: string): number {
    if (!this.list) {
      this.closeSheet();
      this.flushPending();
      this.list = newList('action');
    }
    const list = this.list;
    const level = listLevelOf(list, line) + (list.level === 'subAction' ? 1 : 0);
    list.sawBullet = true;
    let item: OutlineAction;
    if (level > 0 && (this.cursor.action || list.lastItem)) {
      item = this.tree.newSubAction(line, null, null, text);
    } else {
      this.flushPending();
      item = this.tree.newAction(line, null, null, text, 'bullet');
      if (list.timing) (item.fields = item.fields || {}).timing = list.timing;
    }
    list.lastItem = item;
    list.lastItemLevel = level;
    list.lastLine = line;
    list.blankSince = false;
    this.title = titleTarget(item, level > 0 ? 'subAction' : 'action', line, false);
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
      const item = this.tree.newAction(line, null, null, line.text, 'bullet');
      if (list.timing) (item.fields = item.fields || {}).timing = list.timing;
      list.lastItem = item;
      list.blankSince = false;
      this.title = titleTarget(item, 'action', line, false);
      return true;
    }
    return false;
  }

  // ================================================================ sheets

  private onLabel(i: number, line: Line, label: LabelMatch, nextIndex: number | null): number {
    const consumedTo = label.lineCount === 2 && nextIndex !== null ? nextIndex : i;
    if (label.target === 'title') {
      if (!this.sheet && this.cursor.action && !this.cursor.subAction && !this.cursor.action.title && this.tree.actionLines.get(this.cursor.action) === this.title?.lastLine) {
        // "Fiche action n° 3" then "Intitulé : …": the title of that action.
        this.title = null;
        this.cursor.action.title = label.rest === '' ? null : label.rest;
        this.sheets.open = { action: this.cursor.action, origin: 'titleLabel', fields: [], titleLines: [], titleInline: label.rest, current: null, listLevel: 0 };
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
        const nextLine = this.doc.lines[nextIndex];
        if (/^\d+(?:\.\d+)+\.?\s*(?:→|->|=>|[:\-–]|\s|$)/.test(nextLine.text) && !nextLine.bullet) {
          rest = nextLine.text;
          consumed = nextIndex;
        }
      }
      const code = /^(\d+(?:\.\d+)+)\.?\s*(?:(?:→|->|=>|[:\-–])\s*|\s+|$)/.exec(rest);
      const codeText = code ? code[1] : null;
      const title = code ? rest.slice(code[0].length).trim() : rest;
      const action = this.sheets.newSheetAction(line, codeText, title);
      this.sheets.settleTail(false);
      this.unclaimed.flushBefore(action, this.list !== null);
      this.sheets.open = { action, origin: 'titleLabel', fields: [], titleLines: [], titleInline: title, current: null, listLevel: 0 };
      return consumed;
    }
    if (!this.sheet) {
      const owner = this.cursor.subAction || this.cursor.action;
      if (!owner) {
        this.unclaimed.push(line);
        return i;
      }
      this.title = null;
      this.sheets.open = {
        action: owner,
        origin: this.list && this.list.lastItem === owner ? 'list' : 'keyword',
        fields: [],
        titleLines: [],
        titleInline: owner.title || '',
        current: null,
        listLevel: this.list ? this.list.lastItemLevel : 0,
      };
    }
    const sheet = this.sheets.open as Sheet;
    const capture: FieldCapture = { target: label.target, label, labelLine: line, inline: label.rest, lines: [] };
    sheet.fields.push(capture);
    sheet.current = capture;
    return consumedTo;
  }
}

/** A keyword alone: no code, no colon, no title ("Objectif stratégique"). */
function bareKeyword(doc: DocumentLines, i: number): string | null {
  const keyword = doc.candidates[i].find((c): c is KeywordHeading => c.kind === 'keyword');
  return keyword && keyword.code === null && !keyword.separated && keyword.title === '' ? keyword.level : null;
}

/**
 * The header row of a summary table, read one cell per line: two or more bare keywords of
 * different levels in a row ("Objectif stratégique", "Objectif opérationnel"). A heading
 * announced alone is followed by its title, never by another level's keyword.
 */
function columnHeaderLines(doc: DocumentLines): Set<number> {
  const found = new Set<number>();
  let run: number[] = [];
  const close = () => {
    const levels = new Set(run.map((i) => bareKeyword(doc, i)));
    if (run.length >= 2 && levels.size >= 2) run.forEach((i) => found.add(i));
    run = [];
  };
  doc.lines.forEach((line, i) => {
    if (line.blank || line.noise) return;
    if (bareKeyword(doc, i) !== null) run.push(i);
    else close();
  });
  close();
  return found;
}
