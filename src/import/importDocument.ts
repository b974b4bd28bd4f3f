/**
 * From a file to what would be imported: read (the reader of the format), understand
 * (outline parser or spreadsheet rows), convert (`planFromOutline`), and refuse what is
 * not a PST. Pure (no Node module): the CLI and the browser's import view share it;
 * nothing is written.
 */
import type { OutlineDocument } from './toPlan';
import { PlanFromOutline, planFromOutline } from './toPlan';
import { ImportError } from './errors';
import { parseOutline } from './outline/outlineParser';
import type { ParseAnomaly, ParsedOutline } from './outline/parseResult';
import { DocumentFormat, ReadDocument, readDocument } from './read';
import { outlineFromRows } from './spreadsheet/rowsToOutline';
import { baseName } from '../text/normalize';
import { ImportRules, applyRules } from './lines/rules';
import { MAX_TITLE_LENGTH } from '../domain/limits';
import { readEcomptes, withEcomptesValues } from './ecomptes/readEcomptes';

export interface ImportAnalysis extends ParsedOutline {
  readonly fileName: string;
  readonly format: DocumentFormat;
  /** The domain objects the lists would receive (ids are placeholders). */
  readonly plan: PlanFromOutline;
}

export interface AnalyseOptions {
  /** The coordinator's corrections of how this layout is read (see `lines/rules.ts`). */
  readonly rules?: ImportRules;
}

function understand(fileName: string, document: ReadDocument, options: AnalyseOptions = {}): ImportAnalysis {
  const name = baseName(fileName);
  if (document.kind === 'ecomptes') {
    const read = readEcomptes(document.xml, name);
    checkLooksLikeAPst(name, read.outline);
    const anomalies = read.anomalies.slice();
    const plan = fitTitles(withEcomptesValues(planFromOutline(read.outline), read), read.outline, anomalies);
    return { outline: read.outline, anomalies, fieldCounts: read.fieldCounts, fileName: name, format: document.format, plan };
  }
  const parsed =
    document.kind === 'table'
      ? outlineFromRows(document.rows, name)
      : parseOutline(options.rules ? applyRules(document.lines, options.rules) : document.lines, { sourceName: name });
  checkLooksLikeAPst(name, parsed.outline);
  const anomalies = parsed.anomalies.slice();
  const plan = fitTitles(planFromOutline(parsed.outline), parsed.outline, anomalies);
  return { ...parsed, anomalies: anomalies.sort((a, b) => a.line - b.line), fileName: name, format: document.format, plan };
}

/** SharePoint's Title column holds 255 characters. */

function shorten(title: string): string {
  const cut = title.slice(0, MAX_TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_TITLE_LENGTH - 60 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '') + '…';
}

/**
 * Titles longer than SharePoint accepts are shortened (on a word) rather than making the
 * write fail; the whole text opens the description, so nothing is lost. The same
 * document gives the same short title: a second import still matches.
 */
function fitTitles(plan: PlanFromOutline, outline: OutlineDocument, anomalies: ParseAnomaly[]): PlanFromOutline {
  const lines = new Map<string, number>();
  for (const os of outline.strategicObjectives) {
    if (os.title) lines.set(os.title, os.sourceLine || 0);
    for (const oo of os.operationalObjectives) {
      if (oo.title) lines.set(oo.title, oo.sourceLine || 0);
      for (const action of oo.actions) {
        for (const item of [action, ...(action.subActions || [])]) {
          for (const title of [item.title, item.shortTitle]) if (title) lines.set(title, item.sourceLine || 0);
        }
      }
    }
  }
  const fit = <T extends { title: string; description?: string | null; code?: string | null }>(item: T, what: string): T => {
    if (item.title.length <= MAX_TITLE_LENGTH) return item;
    const title = shorten(item.title);
    anomalies.push({
      kind: 'longTitle',
      line: lines.get(item.title) || 0,
      message: `L'intitulé ${what}${item.code ? ` ${item.code}` : ''} compte ${item.title.length} caractères (255 au plus dans SharePoint) : il est raccourci et le texte complet ouvre la description.`,
    });
    const description = item.description && item.description.indexOf(item.title) === 0 ? item.description : [item.title, item.description].filter((t) => t).join('\n\n');
    return { ...item, title, description };
  };
  return {
    ...plan,
    sections: plan.sections.map((s) => (s.title.length > MAX_TITLE_LENGTH ? { ...s, title: shorten(s.title) } : s)),
    strategicObjectives: plan.strategicObjectives.map((o) => fit(o, "de l'objectif stratégique")),
    operationalObjectives: plan.operationalObjectives.map((o) => fit(o, "de l'objectif opérationnel")),
    actions: plan.actions.map((a) => fit(a, "de l'action")),
    warnings: plan.warnings.filter((w) => w.code !== 'titleTooLong'),
  };
}

/**
 * A PST has objectives and actions. A document where nothing of the kind was found
 * (minutes, a letter, an unrelated spreadsheet) is refused rather than imported as a
 * plan of empty objectives.
 */
function checkLooksLikeAPst(name: string, outline: OutlineDocument): void {
  let titledOs = 0;
  let titledOo = 0;
  let actions = 0;
  for (const os of outline.strategicObjectives) {
    if (os.title) titledOs++;
    for (const oo of os.operationalObjectives) {
      if (oo.title) titledOo++;
      actions += oo.actions.length;
    }
  }
  // Without actions, a draft PST still has named OS and OO.
  if (actions === 0 && (titledOs === 0 || titledOo < 2)) {
    throw new ImportError(
      'notAPst',
      `« ${name} » ne ressemble pas à un PST : aucun objectif stratégique ou opérationnel suivi d'actions n'y a été reconnu. ` +
        "Vérifiez qu'il s'agit bien du document du Programme stratégique transversal (avec ses objectifs et ses actions), " +
        'ou utilisez le modèle Excel : npm run import -- --template modele.xlsx',
    );
  }
}

export function analyseDocument(fileName: string, bytes: Uint8Array, options: AnalyseOptions = {}): ImportAnalysis {
  return understand(fileName, readDocument(fileName, bytes), options);
}
