/**
 * A table with one action per row (« Action | Pilote | Partenaires | Échéance | Budget »,
 * one table under each OO, as many CPAS lay out their plan): each row is rewritten as the
 * sheet it stands for, one "label : value" line per cell ("Action : …", "Pilote : …"),
 * so the outline parser reads it like any action sheet. Used for markdown tables
 * (sourceLines) and for Word tables (read/docx), the one rule for both.
 */
import { foldChars, squeeze } from '../../text/normalize';
import { FieldTarget, matchLabel } from './fieldLabels';

/** The header of the column that names the action ("Action", "Projets", "Intitulé de l'action"). */
const ACTION_COLUMN = /^(?:actions?|projets?|mesures?|fiches?(?: action| projet)?|actions? \/ projets?|projets? \/ actions?|intitule(?: de l'action| du projet| de l'action \/ du projet)?|libelle(?: de l'action)?|titre(?: de l'action| du projet)?|actions? (?:a mener|concretes?|prevues?))$/;

const HEADER_CONTEXT = { allowUpperCaseWithoutColon: true };

type Column = { readonly header: string; readonly target: FieldTarget | 'action' | null };

function columnOf(header: string): Column {
  const text = squeeze(header).replace(/\s*[:*]+$/, '');
  if (text === '') return { header: text, target: null };
  if (ACTION_COLUMN.test(foldChars(text))) return { header: text, target: 'action' };
  const label = matchLabel(text, null, HEADER_CONTEXT) || matchLabel(text.replace(/\s*\([^)]*\)\s*$/, ''), null, HEADER_CONTEXT);
  return { header: text, target: label && label.rest === '' && label.target !== 'title' ? label.target : null };
}

/**
 * The header row's columns when it heads an action table: one column names the action,
 * at least one other is a sheet label, and most headers are labels (a row of values such as
 * "| Action 1.1.1 | Ouvrir une halte |" is not a header).
 */
function actionColumns(header: readonly string[]): Column[] | null {
  const columns = header.map(columnOf);
  const filled = columns.filter((c) => c.header !== '');
  const actions = columns.filter((c) => c.target === 'action').length;
  const fields = columns.filter((c) => c.target !== null && c.target !== 'action').length;
  if (actions !== 1 || fields < 1 || columns.filter((c) => c.target !== null).length < filled.length * 0.6) return null;
  return columns;
}

/** An empty cell or a dash for "none". */
const NO_VALUE = /^(?:[-–—/]|n\/a|néant|neant|\/)?$/i;

/**
 * The sheet lines of an action table (rows of cells, the first the header), or null when it
 * is not one. A cell of several lines keeps them; a column of no known label keeps its header
 * as its label, so nothing the table says is lost.
 */
export function actionTableLines(rows: readonly (readonly string[])[]): string[] | null {
  if (rows.length < 2) return null;
  const columns = actionColumns(rows[0]);
  if (!columns) return null;
  const actionIndex = columns.findIndex((c) => c.target === 'action');
  const lines: string[] = [];
  for (const row of rows.slice(1)) {
    const title = squeeze((row[actionIndex] || '').replace(/\n/g, ' '));
    // A row without its action (a cell merged with the row above) goes on with that action's fields.
    if (title !== '' && !NO_VALUE.test(title)) lines.push(`Action : ${title}`);
    columns.forEach((column, k) => {
      if (k === actionIndex || column.header === '') return;
      const cell = (row[k] || '').trim();
      if (NO_VALUE.test(squeeze(cell))) return;
      const [first, ...others] = cell.split(/\n+/).map((t) => t.trim());
      lines.push(`${column.header} : ${first}`, ...others);
    });
    if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  }
  return lines;
}
