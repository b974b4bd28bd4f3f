/** Text that no heading, label or list claimed, held until the next heading tells what it was. */
import type { Line } from '../lines/sourceLines';
import type { OutlineAction } from '../toPlan';
import { joinWrapped } from '../../text/normalize';
import type { OutlineTree } from './outlineTree';
import type { ReportAnomaly } from './parseResult';
import type { Profile } from './profile';
import { paragraphs } from './values';

export class UnclaimedText {
  /** Text before the structure begins: where the organisation and the period are read. */
  readonly preamble: Line[] = [];
  private readonly pending: Line[] = [];

  constructor(
    private readonly tree: OutlineTree,
    private readonly profile: Profile,
    private readonly report: ReportAnomaly,
  ) {}

  push(line: Line): void {
    this.pending.push(line);
  }

  /** The lines held so far, no longer held. */
  take(): Line[] {
    return this.pending.splice(0, this.pending.length);
  }

  /** Text left before a sheet that did not become its group heading: it precedes the action. */
  flushBefore(action: OutlineAction, listOpen: boolean): void {
    if (this.pending.length === 0) return;
    const oo = this.tree.actionParents.get(action);
    if (oo && this.tree.cursor.action === action) {
      // Treat the text as if it had come before the action was placed.
      const index = oo.oo.actions.indexOf(action);
      if (index >= 0) oo.oo.actions.splice(index, 1);
      this.flush(listOpen);
      if (index >= 0) oo.oo.actions.splice(index, 0, action);
      return;
    }
    this.flush(listOpen);
  }

  /** Decides what the text lines collected since the last heading were. */
  flush(listOpen: boolean): void {
    const lines = this.pending.splice(0, this.pending.length);
    if (lines.length === 0) return;
    if (!this.tree.started) {
      this.preamble.push(...lines);
      return;
    }
    const text = paragraphs(lines.map((l) => ({ text: l.text, bullet: l.bullet })));
    const { os, oo, action } = this.tree.cursor;
    if (oo && oo.oo.actions.length === 0 && this.profile.groupsExpected) {
      // An unnumbered sub-heading with no sheet after it: a project group without actions.
      const groups = oo.oo.projectGroups || [];
      const code = oo.oo.code ? `${oo.oo.code}.${groups.length + 1}` : null;
      oo.oo.projectGroups = groups.concat([{ code, title: joinWrapped(lines.map((l) => l.text)), derivedCode: true, hasNoActions: true, sourceLine: lines[0].n }]);
      return;
    }
    if (oo && oo.oo.actions.length === 0 && !listOpen) {
      oo.oo.description = oo.oo.description ? `${oo.oo.description}\n${text}` : text;
      return;
    }
    if (os && !oo) {
      os.os.description = os.os.description ? `${os.os.description}\n${text}` : text;
      return;
    }
    if (action && !listOpen && (!oo || oo.oo.actions.indexOf(action) >= 0)) {
      action.description = action.description ? `${action.description}\n${text}` : text;
      return;
    }
    // Consecutive lines form one anomaly (a paragraph), with its first line.
    let start = 0;
    for (let k = 1; k <= lines.length; k++) {
      if (k === lines.length || lines[k].n - lines[k - 1].n > 2) {
        const excerpt = joinWrapped(lines.slice(start, k).map((l) => l.text));
        this.report('unrecognisedText', lines[start], `Texte non compris (ni titre, ni champ, ni action) : « ${excerpt.length > 120 ? excerpt.slice(0, 119) + '…' : excerpt} »`);
        start = k;
      }
    }
  }
}
