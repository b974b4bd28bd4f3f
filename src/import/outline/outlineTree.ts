/**
 * The tree being built: OS, OO, project groups, actions and sub-actions, each created
 * where the cursor stands. Nothing is invented: a missing level is created without a
 * title and reported.
 */
import { joinWrapped } from '../../text/normalize';
import type { Line } from '../lines/sourceLines';
import type { OutlineAction, OutlineDocument, OutlineOperationalObjective, OutlineProjectGroup, OutlineStrategicObjective } from '../toPlan';
import { sameObjective } from './sameObjective';
import type { OoContext, OsContext, OutlineCursor } from './outlineCursor';
import type { ReportAnomaly } from './parseResult';
import type { Profile } from './profile';

/** How an action sheet was opened. */
export type SheetOrigin = 'titleLabel' | 'keyword' | 'list' | 'numbered';

export class OutlineTree {
  /** The structure has begun: unclaimed text before it is the preamble. */
  started = false;
  /** The line each action and sub-action was read on. */
  readonly actionLines = new Map<OutlineAction, Line>();
  /** Sheets left without a parent OO (null) until their fields are read. */
  readonly actionParents = new Map<OutlineAction, OoContext | null>();
  private readonly osLines = new Map<OutlineStrategicObjective, Line>();
  private readonly ooContexts = new Map<OutlineOperationalObjective, OoContext>();

  constructor(
    readonly outline: OutlineDocument,
    readonly cursor: OutlineCursor,
    private readonly profile: Profile,
    private readonly report: ReportAnomaly,
    /** The unclaimed lines that may name the project group an action's code opens. */
    private readonly groupHeadingLines: () => Line[],
  ) {}

  newOs(line: Line, code: string | null, title: string): OsContext {
    this.started = true;
    // The same OS named again (a summary, then sheets that repeat their parents): the same objective.
    if (title !== '') {
      const os = this.findOs(code, title);
      if (os) {
        if (!os.title) os.title = title;
        const found = { os, line: this.lineOfOs(os) || line };
        this.cursor.os = found;
        return found;
      }
    }
    const { volet, axis } = this.cursor;
    const sectionPath = this.cursor.sectionPathTexts();
    const os: OutlineStrategicObjective = {
      code,
      title: title === '' ? null : title,
      volet: volet ? volet.volet : null,
      section: axis ? axis.text : sectionPath.length > 0 ? sectionPath[sectionPath.length - 1] : null,
      sectionPath: axis && !volet ? null : sectionPath.length > 0 ? (axis ? sectionPath.concat([axis.text]) : sectionPath) : null,
      axis: axis ? { code: axis.code, title: axis.title, sourceLine: axis.sourceLine } : null,
      description: null,
      operationalObjectives: [],
      sourceLine: line.n,
    };
    this.outline.strategicObjectives.push(os);
    const context = { os, line };
    this.osLines.set(os, line);
    this.cursor.os = context;
    return context;
  }

  /** The OS already read that this mention names, if any. */
  findOs(code: string | null, title: string): OutlineStrategicObjective | null {
    const named = { code, title };
    return this.outline.strategicObjectives.find((os) => (os.title ? sameObjective(os, named) : code !== null && os.code === code)) || null;
  }

  /** The OO already read that this mention names: in `os` when given, else anywhere (a code is then needed). */
  findNamedOo(code: string | null, title: string | null, os: OutlineStrategicObjective | null): OoContext | null {
    const named = { code, title };
    const pools = os ? [os] : this.outline.strategicObjectives;
    for (const owner of pools) {
      for (const oo of owner.operationalObjectives) {
        const match = oo.title && title ? sameObjective(oo, named) : code !== null && oo.code === code;
        if (match && (os || code !== null || oo.title)) return this.ooContexts.get(oo) || null;
      }
    }
    return null;
  }

  /** Moves an action placed by position under the OO its own sheet names. */
  moveAction(action: OutlineAction, to: OoContext, line: Line): void {
    const from = this.actionParents.get(action);
    if (from) {
      const index = from.oo.actions.indexOf(action);
      if (index >= 0) from.oo.actions.splice(index, 1);
    }
    this.attachAction(to, action, line, action.code || null);
    this.actionParents.set(action, to);
  }

  lineOfOs(os: OutlineStrategicObjective): Line | undefined {
    return this.osLines.get(os);
  }

  newOo(line: Line, code: string | null, title: string | null, source: OoContext['source']): OoContext {
    this.started = true;
    let os = this.cursor.os;
    if (!os && source !== 'fields' && (this.cursor.axis || this.cursor.sections.length > 0)) {
      // "Axe 1 : …" then "Objectif opérationnel 1.1": the axis plays the part of the OS.
      const heading = this.cursor.axis
        ? { code: this.cursor.axis.code, title: this.cursor.axis.title }
        : (() => {
            const last = this.cursor.sections[this.cursor.sections.length - 1];
            const split = /^((?:[IVX]+|\d+)(?:\.(?:[IVX]+|\d+))*)\.?\s+(.*)$/.exec(last.text);
            return { code: last.code, title: last.title || (split ? split[2] : last.text) };
          })();
      if (this.cursor.axis) this.cursor.axis = null;
      else this.cursor.sections.pop();
      os = this.newOs(line, heading.code, heading.title);
      this.report('missingLevel', line, `Objectif opérationnel « ${title || code || ''} » sans objectif stratégique au-dessus : le titre « ${heading.title} » est repris comme objectif stratégique.`);
    }
    if (!os) {
      // An OO before any OS: the OS level is missing.
      os = this.newOs(line, code && code.indexOf('.') > 0 ? code.slice(0, code.lastIndexOf('.')) : null, '');
      this.report('missingLevel', line, `Objectif opérationnel « ${title || code || ''} » sans objectif stratégique au-dessus : un OS sans intitulé a été créé.`);
    }
    if (title) {
      const same = os.os.operationalObjectives.find((oo) => (oo.title ? sameObjective(oo, { code, title }) : false));
      if (same) {
        const found = this.ooContexts.get(same) as OoContext;
        this.cursor.oo = found;
        return found;
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
    this.cursor.oo = context;
    return context;
  }

  ensureOsForCode(line: Line, osCode: string): void {
    const existing = this.outline.strategicObjectives.find((os) => os.code === osCode);
    if (existing) {
      this.cursor.os = { os: existing, line: this.lineOfOs(existing) || line };
      return;
    }
    this.newOs(line, osCode, '');
    this.report('missingLevel', line, `Le code ${osCode} n'apparaît pas comme objectif stratégique dans le document : un OS ${osCode} sans intitulé a été créé.`);
  }

  /**
   * Places an action under the OO its code names when the document numbers its levels:
   * a missing OO heading is implied; an action printed under another OO keeps its place
   * and gets a code anomaly (keyword documents print every OO).
   */
  private ooForCodedAction(line: Line, code: string | null): OoContext | null {
    const ooDepth = this.profile.ooDepth;
    const current = this.cursor.oo;
    if (!code || ooDepth === null || !/^\d+(?:\.\d+)*$/.test(code)) return current;
    const parts = code.split('.');
    if (parts.length <= ooDepth) return current;
    const ooCode = parts.slice(0, ooDepth).join('.');
    if (current && (current.oo.code === ooCode || current.oo.code === null || current.oo.code === undefined)) return current;
    const keywordOos = this.profile.keywordLevels.has('oo');
    if (keywordOos && current) return current;
    // Numbered documents: the OO heading is missing; the action's code tells which OO it is.
    const known = this.findOo(ooCode);
    if (known && current && known !== current) return current;
    if (known) return known;
    const osCode = ooDepth > 1 ? parts.slice(0, ooDepth - 1).join('.') : null;
    if (osCode && (!this.cursor.os || this.cursor.os.os.code !== osCode)) this.ensureOsForCode(line, osCode);
    const implied = this.newOo(line, ooCode, null, 'implied');
    this.report(
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

  newAction(line: Line, code: string | null, codeAsPrinted: string | null, title: string, origin: SheetOrigin | 'bullet'): OutlineAction {
    this.started = true;
    const action: OutlineAction = { code, title: title === '' ? null : title, description: null, fields: {}, subActions: [], sourceLine: line.n };
    if (codeAsPrinted) {
      action.codeAsPrinted = codeAsPrinted;
      action.codeAnomaly = `code imprimé avec une espace parasite : « ${codeAsPrinted} »`;
    }
    let parent = origin === 'bullet' ? this.cursor.oo : this.ooForCodedAction(line, code);
    // After a sheet that named its own parents, the next sheet names its own too.
    if (parent && parent.source === 'fields' && origin !== 'bullet') parent = null;
    if (!parent && this.cursor.os && !(this.cursor.oo && this.cursor.oo.source === 'fields')) {
      // Actions right under an OS: the OO level is missing; one OO without title holds them.
      parent = this.newOo(line, null, null, 'implied');
      this.report('missingLevel', line, `Actions directement sous l'objectif stratégique « ${this.cursor.os.os.title || this.cursor.os.os.code || ''} » : un objectif opérationnel sans intitulé a été créé pour les porter (à compléter).`);
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
    this.cursor.action = action;
    this.cursor.closeBelow('action');
    return action;
  }

  attachAction(parent: OoContext, action: OutlineAction, line: Line, code: string | null): void {
    this.cursor.oo = parent;
    this.cursor.os = parent.os;
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
    const lines = this.groupHeadingLines();
    const title = lines.length > 0 ? joinWrapped(lines.map((l) => l.text)) : null;
    const existing = (parent.oo.projectGroups || []).find((g) => g.code === groupCode);
    if (!existing) {
      const group: OutlineProjectGroup = { code: groupCode, title, sourceLine: lines.length > 0 ? lines[0].n : line.n };
      parent.oo.projectGroups = (parent.oo.projectGroups || []).concat([group]);
    }
    parent.group = { code: groupCode, title: existing ? existing.title || title : title };
  }

  newSubAction(line: Line, code: string | null, codeAsPrinted: string | null, title: string): OutlineAction {
    this.started = true;
    const sub: OutlineAction = { code, title: title === '' ? null : title, sourceLine: line.n };
    if (codeAsPrinted) {
      sub.codeAsPrinted = codeAsPrinted;
      sub.codeAnomaly = `code imprimé avec une espace parasite : « ${codeAsPrinted} »`;
    }
    const parent = this.cursor.action;
    if (parent && code && parent.code && code.indexOf(parent.code + '.') !== 0 && /^\d/.test(code)) {
      sub.codeAnomaly = `code ${code} imprimé sous l'action ${parent.code}`;
    }
    if (!parent) {
      // A sub-action with no action above it: it is reported and kept as an action.
      this.report('orphanAction', line, `Sous-action « ${title || code || ''} » sans action au-dessus : elle est reprise comme action.`);
      const action = this.newAction(line, code, codeAsPrinted, title, 'keyword');
      return action;
    }
    parent.subActions = (parent.subActions || []).concat([sub]);
    this.actionLines.set(sub, line);
    this.cursor.subAction = sub;
    return sub;
  }
}
