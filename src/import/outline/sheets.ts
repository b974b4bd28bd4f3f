/**
 * Action sheets: inside a sheet every line belongs to the last label until the next
 * label or heading; when the sheet closes, the captured lines become the action's title
 * and fields, and a sheet that names its OS and OO is placed under them.
 */
import { isParseError, parseProgress } from '../../domain/parsing';
import type { FieldTarget, LabelMatch } from '../lines/fieldLabels';
import { normaliseCode } from '../lines/headings';
import { Line, isPlaceholder } from '../lines/sourceLines';
import type { OutlineAction, OutlineActionFields } from '../toPlan';
import { joinWrapped, startsUpperCase } from '../../text/normalize';
import type { OoContext } from './outlineCursor';
import type { OutlineTree, SheetOrigin } from './outlineTree';
import type { ReportAnomaly } from './parseResult';
import type { Profile } from './profile';
import { bulletGlyph, listItems, MULTILINE_FIELDS, paragraphs, shortTitleOf, SINGLE_VALUE_FIELDS, splitCodedTitle } from './values';

export interface FieldCapture {
  readonly target: FieldTarget;
  readonly label: LabelMatch;
  readonly labelLine: Line;
  /** Value written on the label's own line. */
  readonly inline: string;
  readonly lines: Line[];
}

export interface Sheet {
  readonly action: OutlineAction;
  readonly origin: SheetOrigin;
  readonly fields: FieldCapture[];
  /** Title lines of a "TITRE" sheet until the first label. */
  readonly titleLines: Line[];
  titleInline: string;
  current: FieldCapture | null;
  /** The list level of the item the sheet belongs to (list sheets end at the next item). */
  readonly listLevel: number;
}

export class SheetCapture {
  /** The sheet being read. */
  open: Sheet | null = null;
  /**
   * The last lines of the last sheet when they may be the heading of the next project
   * group (table layouts start a heading on a new page, right after a value): kept
   * apart until the next action tells whether a group heading is needed.
   */
  private tail: { action: OutlineAction; fields: OutlineActionFields; capture: FieldCapture; lines: Line[]; strong: boolean } | null = null;

  constructor(
    private readonly tree: OutlineTree,
    private readonly profile: Profile,
    private readonly report: ReportAnomaly,
  ) {}

  newSheetAction(line: Line, code: string | null, title: string): OutlineAction {
    const level = code && this.profile.ooDepth !== null ? code.split('.').length - this.profile.ooDepth : 1;
    const previous = this.tree.cursor.action;
    // A sheet coded one level below the previous action is its sub-action ("1.1.1.2" after "1.1.1").
    if (code && previous && previous.code && code.indexOf(previous.code + '.') === 0 && level > 1 && !this.profile.groupsExpected) {
      return this.tree.newSubAction(line, code, null, title);
    }
    return this.tree.newAction(line, code, null, title, 'titleLabel');
  }

  append(line: Line): void {
    const sheet = this.open as Sheet;
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

  /** Turns the captured lines into the action's title and fields. */
  close(): void {
    const sheet = this.open;
    if (!sheet) return;
    this.open = null;
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
    this.settleTail(false);
    for (const capture of sheet.fields) {
      if (capture === last && this.profile.groupsExpected && sheet.origin === 'titleLabel') {
        const tail = splitTail(capture);
        if (tail.lines.length > 0) {
          this.tail = { action, fields, capture, lines: tail.lines, strong: tail.strong };
          continue;
        }
      }
      storeField(action, fields, capture);
    }
    this.resolveSheetParents(action, fields);
  }

  /**
   * The tail of the last sheet was not a group heading: it goes back to its field; or,
   * before a new OO, a strong tail is a project group without actions.
   */
  settleTail(atHeading: boolean): void {
    const tail = this.tail;
    if (!tail) return;
    this.tail = null;
    const oo = this.tree.cursor.oo;
    if (tail.lines.length > 0 && atHeading && tail.strong && oo && oo.oo.actions.indexOf(tail.action) >= 0) {
      const groups = oo.oo.projectGroups || [];
      const code = oo.oo.code ? `${oo.oo.code}.${groups.length + 1}` : null;
      const title = joinWrapped(tail.lines.map((l) => l.text));
      oo.oo.projectGroups = groups.concat([{ code, title, derivedCode: true, hasNoActions: true, sourceLine: tail.lines[0].n }]);
      tail.lines.length = 0;
    }
    tail.capture.lines.push(...tail.lines);
    storeField(tail.action, tail.fields, tail.capture);
  }

  /** Sheets that name their OS and OO instead of sitting under headings. */
  private resolveSheetParents(action: OutlineAction, fields: OutlineActionFields): void {
    if (action !== this.tree.cursor.action) return;
    const line = this.tree.actionLines.get(action) as Line;
    const osText = typeof fields.strategicObjective === 'string' ? fields.strategicObjective : null;
    const ooText = typeof fields.operationalObjective === 'string' ? fields.operationalObjective : null;
    if (!osText && !ooText) return;
    const placed = this.tree.actionParents.get(action);
    if (placed) {
      // Placed by position (after a summary list, under the last OO read): the sheet's own
      // OS and OO decide, when they name objectives already read; nothing is created.
      const os = osText ? this.tree.findOs(splitCodedTitle(osText).code, splitCodedTitle(osText).title) : null;
      const named = ooText ? splitCodedTitle(ooText) : null;
      const oo = named ? this.tree.findNamedOo(named.code, named.title, os) : null;
      if (oo && oo !== placed) this.tree.moveAction(action, oo, line);
      return;
    }
    if (osText) {
      const { code, title } = splitCodedTitle(osText);
      this.tree.newOs(line, code, title);
    }
    let oo: OoContext;
    if (ooText) {
      const { code, title } = splitCodedTitle(ooText);
      oo = this.tree.newOo(line, code, title, 'fields');
    } else {
      oo = this.tree.newOo(line, null, null, 'fields');
      this.report('missingLevel', line, `La fiche « ${action.title || action.code || ''} » ne nomme pas son objectif opérationnel : un OO sans intitulé a été créé.`);
    }
    this.tree.attachAction(oo, action, line, action.code || null);
    this.tree.actionParents.set(action, oo);
  }

  /** The last sheet's tail lines, taken as a group heading; what remains of its field is stored. */
  takeTailLines(): Line[] {
    if (!this.tail) return [];
    const lines = this.tail.lines.splice(0, this.tail.lines.length);
    this.settleTail(false);
    return lines;
  }
}

/**
 * Lines at the end of a sheet's last field that may be the next heading: in table
 * layouts a heading starts on a new page, with an indent. After a one-line value
 * written on the label's line ("T.AVANCEMENT 60 %") every following line is one
 * ("strong"); otherwise from the last indented capitalised line.
 */
function splitTail(capture: FieldCapture): { lines: Line[]; strong: boolean } {
  const lines = capture.lines;
  if (lines.length === 0) return { lines: [], strong: false };
  const singleValued = capture.inline !== '' && SINGLE_VALUE_FIELDS.indexOf(capture.target) >= 0;
  if (singleValued && !lines[0].bullet) return { lines: lines.splice(0, lines.length), strong: true };
  for (let k = lines.length - 1; k >= 0; k--) {
    if (lines[k].indent > 0 && startsUpperCase(lines[k].text) && !lines[k].bullet) return { lines: lines.splice(k, lines.length - k), strong: false };
  }
  return { lines: [], strong: false };
}

function storeField(action: OutlineAction, fields: OutlineActionFields, capture: FieldCapture): void {
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
