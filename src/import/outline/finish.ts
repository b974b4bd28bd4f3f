/** What is only known once every line is read: the preamble, the counts and the anomalies of the whole tree. */
import type { Line } from '../lines/sourceLines';
import type { OutlineAction, OutlineDocument } from '../toPlan';
import type { DocumentLines } from './documentLines';
import type { OutlineTree } from './outlineTree';
import type { ReportAnomaly } from './parseResult';
import type { Profile } from './profile';
import { findOrganisation, findPeriod } from './values';

export function finishOutline(tree: OutlineTree, doc: DocumentLines, profile: Profile, preamble: readonly Line[], report: ReportAnomaly): void {
  const outline = tree.outline;
  readPreamble(outline, doc, preamble);
  const allCodes: string[] = [];
  for (const os of outline.strategicObjectives)
    for (const oo of os.operationalObjectives) for (const a of oo.actions) if (a.code) allCodes.push(a.code);
  const repeated = allCodes.length - new Set(allCodes).size;
  /** "Action 1", "Action 2" under every OO: codes restart per parent, duplicates are expected. */
  const numberingRestarts = allCodes.length >= 4 && repeated >= allCodes.length * 0.3;
  const lineOfAction = (action: OutlineAction): Line | null =>
    tree.actionLines.get(action) || (action.sourceLine ? doc.lineByNumber(action.sourceLine) : null);
  const checkCode = (action: OutlineAction, codes: Map<string, OutlineAction>): void => {
    const line = lineOfAction(action);
    if (action.codeAnomaly) report('codeAnomaly', line, `Code à vérifier : ${action.codeAnomaly}.`);
    if (!action.code || numberingRestarts) return;
    const seen = codes.get(action.code);
    if (seen) {
      report('duplicateCode', line, `Le code ${action.code} est utilisé deux fois (déjà à la ligne ${seen.sourceLine}).`);
    } else codes.set(action.code, action);
  };
  // Orphan project group at the end of a sheet before a new OO is only known here.
  const codes = new Map<string, OutlineAction>();
  let actionCount = 0;
  let subCount = 0;
  let ooCount = 0;
  for (const os of outline.strategicObjectives) {
    if (!os.title) {
      const line = tree.lineOfOs(os);
      report('missingTitle', line || null, `L'objectif stratégique ${os.code || ''} n'a pas d'intitulé dans le document.`.replace('  ', ' '));
    }
    for (const oo of os.operationalObjectives) {
      ooCount++;
      if (oo.actions.length === 0) {
        report(
          'emptyObjective',
          oo.sourceLine ? doc.lineByNumber(oo.sourceLine) : null,
          `L'objectif opérationnel ${oo.code ? oo.code + ' ' : ''}« ${oo.title || ''} » n'a aucune action.`,
        );
      }
      if (profile.groupsExpected && !oo.projectGroups) oo.projectGroups = [];
      for (const action of oo.actions) {
        actionCount++;
        checkCode(action, codes);
        if (!action.title) report('missingTitle', lineOfAction(action), `L'action ${action.code || ''} n'a pas d'intitulé.`);
        for (const sub of action.subActions || []) {
          subCount++;
          checkCode(sub, codes);
        }
      }
    }
  }
  outline.counts = {
    strategicObjectives: outline.strategicObjectives.length,
    operationalObjectives: ooCount,
    actions: actionCount,
    subActions: subCount,
  };
  // Actions whose sheet named no parent and sat under no heading.
  tree.actionParents.forEach((parent, action) => {
    if (parent !== null) return;
    const line = lineOfAction(action);
    report('orphanAction', line, `L'action « ${action.title || action.code || ''} » n'est rattachée à aucun objectif (ni titre au-dessus, ni OS/OO dans sa fiche) : elle n'est pas reprise.`);
  });
}

/** Organisation and period from the first pages ("CPAS de Binche", "2019-2024"). */
function readPreamble(outline: OutlineDocument, doc: DocumentLines, preamble: readonly Line[]): void {
  const head = preamble.concat(doc.lines.slice(0, 200).filter((l) => !l.blank)).map((l) => l.text);
  const all = doc.lines.filter((l) => !l.blank).map((l) => l.text);
  const period = findPeriod(head) || null;
  outline.period = period;
  outline.organisation = findOrganisation(head, all);
}

/** Sheet labels recognised per field: how many actions carry each. */
export function countFields(outline: OutlineDocument): { [field: string]: number } {
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
  for (const os of outline.strategicObjectives) for (const oo of os.operationalObjectives) for (const a of oo.actions) visit(a);
  return counts;
}
