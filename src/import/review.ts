/**
 * What the coordinator must know before importing: the totals the document states
 * against those found, values that look like a swallowed action, objectives left
 * without actions, numbering that jumps or restarts, text never placed in the tree; a
 * confidence per level and a plain verdict. Pure; the report prints it, the browser
 * view can show it.
 */
import type { OutlineAction, OutlineDocument } from './toPlan';
import type { ParseAnomaly } from './outline/parseResult';
import type { StatedTotals } from './outline/statedTotals';
import { MULTILINE_FIELDS, SINGLE_VALUE_FIELDS } from './outline/values';
import { colonLabelPrefix, labelKey, targetOfLabelKey } from './lines/fieldLabels';

export type ReviewKind = 'statedTotals' | 'longValue' | 'objectiveWithoutActions' | 'numberingJump' | 'numberingRestart' | 'unplacedText';
export type Confidence = 'haute' | 'moyenne' | 'faible';
export type Verdict = 'importable' | 'aVerifier' | 'aNePasImporterTelQuel';

export interface ReviewWarning {
  readonly kind: ReviewKind;
  readonly line: number;
  /** French, for the PST coordinator. */
  readonly message: string;
}

export interface LevelReview {
  readonly found: number;
  readonly stated: number | null;
  readonly confidence: Confidence;
}

export interface ImportReview {
  readonly levels: { readonly strategicObjectives: LevelReview; readonly operationalObjectives: LevelReview; readonly actions: LevelReview };
  readonly warnings: ReviewWarning[];
  readonly verdict: Verdict;
  /** The verdict in one French sentence. */
  readonly verdictText: string;
}

const LONG_SINGLE_VALUE = 160;
/** A text field this many times longer than the same field's median in the document (and at least OUTLIER_MIN long). */
const OUTLIER_RATIO = 4;
const OUTLIER_MIN = 600;
const MAX_WARNINGS = 200;

const LEVEL_NAMES = { strategicObjectives: 'objectifs stratégiques', operationalObjectives: 'objectifs opérationnels', actions: 'actions' } as const;

function numericTail(code: string | null | undefined): { prefix: string; last: number } | null {
  const match = code ? /^(?:(.*)\.)?(\d+)$/.exec(code) : null;
  return match ? { prefix: match[1] || '', last: Number(match[2]) } : null;
}

/** Siblings numbered 1, 2, 4 (a jump: one missing?) or 1, 2, 1 (a restart: a level misread?). */
function numbering(items: readonly { code?: string | null; sourceLine?: number }[], what: string, out: ReviewWarning[]): void {
  let previous: { prefix: string; last: number } | null = null;
  for (const item of items) {
    const tail = numericTail(item.code);
    if (tail && previous && tail.prefix === previous.prefix) {
      // Hundreds (101, 102 … then 201) step by one inside a hundred.
      if (tail.last <= previous.last) out.push({ kind: 'numberingRestart', line: item.sourceLine || 0, message: `Numérotation qui recommence : ${what} ${item.code} après ${previous.prefix ? previous.prefix + '.' : ''}${previous.last}. Un niveau a-t-il été mal lu ?` });
      else if (tail.last > previous.last + 1 && Math.floor(tail.last / 100) === Math.floor(previous.last / 100)) {
        out.push({ kind: 'numberingJump', line: item.sourceLine || 0, message: `Numérotation qui saute : ${what} ${item.code} après ${previous.prefix ? previous.prefix + '.' : ''}${previous.last} (élément manquant ou non reconnu ?).` });
      }
    }
    if (tail) previous = tail;
  }
}

/** "Service logement Priorité du projet : Haute": a known label inside a one-line value. */
function holdsALabel(value: string): boolean {
  return value
    .split(/\s(?=\p{Lu})/u)
    .slice(1)
    .some((piece) => {
      const prefix = colonLabelPrefix(piece);
      return prefix !== null && targetOfLabelKey(labelKey(prefix)) !== null;
    });
}

function longValues(action: OutlineAction, out: ReviewWarning[]): void {
  const fields = action.fields || {};
  for (const key of SINGLE_VALUE_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' && (value.length > LONG_SINGLE_VALUE || holdsALabel(value))) {
      out.push({
        kind: 'longValue',
        line: action.sourceLine || 0,
        message: `Valeur suspecte (${value.length} caractères) dans le champ « ${key} » de l'action « ${(action.title || action.code || '').slice(0, 80)} » : une autre action ou un autre champ y a peut-être été avalé.`,
      });
    }
  }
}

/**
 * Text fields (description, steps, indicators…) far longer than the same field in the
 * other actions of the document: the end of the document or the next sheets may have
 * been swallowed. Needs three actions with the field to know its usual length.
 */
function outlierValues(actions: readonly OutlineAction[], out: ReviewWarning[]): void {
  const textOf = (action: OutlineAction, key: string): string | null => {
    const value = key === 'description' ? action.description : (action.fields || {})[key as keyof OutlineAction['fields']];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  for (const key of ['description' as const, ...MULTILINE_FIELDS]) {
    const lengths = actions.map((a) => textOf(a, key)).filter((v): v is string => v !== null).map((v) => v.length).sort((a, b) => a - b);
    if (lengths.length < 3) continue;
    const median = lengths[Math.floor(lengths.length / 2)];
    const limit = Math.max(OUTLIER_MIN, median * OUTLIER_RATIO);
    for (const action of actions) {
      const value = textOf(action, key);
      if (value === null || value.length <= limit) continue;
      out.push({
        kind: 'longValue',
        line: action.sourceLine || 0,
        message: `Valeur anormalement longue (${value.length} caractères, ${Math.round(value.length / Math.max(1, median))} fois la longueur habituelle) dans le champ « ${key} » de l'action « ${(action.title || action.code || '').slice(0, 80)} » : la fin du document ou une autre fiche y a peut-être été avalée.`,
      });
    }
  }
}

function confidence(problems: number, total: number): Confidence {
  if (total === 0) return 'faible';
  const share = problems / total;
  return share <= 0.05 ? 'haute' : share <= 0.2 ? 'moyenne' : 'faible';
}

export function reviewImport(outline: OutlineDocument, anomalies: readonly ParseAnomaly[], stated: StatedTotals | null | undefined): ImportReview {
  const warnings: ReviewWarning[] = [];
  let ooCount = 0;
  let actionCount = 0;
  let untitledOs = 0;
  let emptyOo = 0;
  let untitledActions = 0;
  numbering(outline.strategicObjectives, "l'objectif stratégique", warnings);
  const allActions: OutlineAction[] = [];
  const anyActions = outline.strategicObjectives.some((os) => os.operationalObjectives.some((oo) => oo.actions.length > 0));
  for (const os of outline.strategicObjectives) {
    if (!os.title) untitledOs++;
    numbering(os.operationalObjectives, "l'objectif opérationnel", warnings);
    const withActions = os.operationalObjectives.filter((oo) => oo.actions.length > 0).length;
    if (anyActions && os.operationalObjectives.length >= 2 && withActions === 0) {
      warnings.push({ kind: 'objectiveWithoutActions', line: os.sourceLine || 0, message: `L'objectif stratégique ${os.code || ''} « ${(os.title || '').slice(0, 80)} » a ${os.operationalObjectives.length} objectifs opérationnels mais aucune action : ses actions ont-elles été lues ailleurs ?` });
    }
    for (const oo of os.operationalObjectives) {
      ooCount++;
      if (oo.actions.length === 0) emptyOo++;
      numbering(oo.actions, "l'action", warnings);
      for (const action of oo.actions) {
        actionCount++;
        if (!action.title) untitledActions++;
        longValues(action, warnings);
        allActions.push(action);
      }
    }
  }
  outlierValues(allActions, warnings);
  const unplaced = anomalies.filter((a) => a.kind === 'unrecognisedText' || a.kind === 'orphanAction');
  if (unplaced.length > 0) {
    warnings.push({ kind: 'unplacedText', line: unplaced[0].line, message: `${unplaced.length} passage(s) du document ne sont placés nulle part dans l'arbre (voir les anomalies « texte non compris » et « action sans parent »).` });
  }
  const found = { strategicObjectives: outline.strategicObjectives.length, operationalObjectives: ooCount, actions: actionCount };
  const mismatch: { [key: string]: boolean } = {};
  (Object.keys(found) as (keyof typeof found)[]).forEach((key) => {
    const value = stated ? stated[key] : undefined;
    if (value !== undefined && value !== found[key]) {
      mismatch[key] = true;
      warnings.push({ kind: 'statedTotals', line: stated ? stated.line : 0, message: `Le document annonce ${value} ${LEVEL_NAMES[key]}, l'import en a trouvé ${found[key]}.` });
    }
  });
  const count = (kind: ReviewKind) => warnings.filter((w) => w.kind === kind).length;
  const level = (key: keyof typeof found, problems: number): LevelReview => ({
    found: found[key],
    stated: stated && stated[key] !== undefined ? (stated[key] as number) : null,
    confidence: mismatch[key] ? 'faible' : confidence(problems, found[key]),
  });
  const levels = {
    // An OS known only from its children's codes is reported, not a misreading: at most « moyenne ».
    strategicObjectives: level('strategicObjectives', Math.min(untitledOs, Math.floor(found.strategicObjectives * 0.2))),
    operationalObjectives: level('operationalObjectives', emptyOo + count('objectiveWithoutActions')),
    actions: level('actions', untitledActions + count('longValue') + anomalies.filter((a) => a.kind === 'orphanAction').length),
  };
  const confidences = [levels.strategicObjectives, levels.operationalObjectives, levels.actions].map((l) => l.confidence);
  const toCheck = warnings.length > 0 || confidences.indexOf('moyenne') >= 0 || anomalies.some((a) => a.kind !== 'emptyObjective' && a.kind !== 'longTitle');
  const verdict: Verdict = confidences.indexOf('faible') >= 0 ? 'aNePasImporterTelQuel' : toCheck ? 'aVerifier' : 'importable';
  const verdictText =
    verdict === 'aNePasImporterTelQuel'
      ? "À ne pas importer tel quel : une partie de la structure a probablement été mal lue (voir ci-dessus). Corrigez la lecture avec un fichier --rules ou le modèle Excel."
      : verdict === 'aVerifier'
        ? 'Importable après vérification des points ci-dessus.'
        : 'Structure lue sans réserve : importable.';
  const capped = warnings.length > MAX_WARNINGS ? warnings.slice(0, MAX_WARNINGS).concat([{ kind: warnings[MAX_WARNINGS].kind, line: 0, message: `… et ${warnings.length - MAX_WARNINGS} autre(s) avertissement(s).` }]) : warnings;
  return { levels, warnings: capped.sort((a, b) => a.line - b.line), verdict, verdictText };
}
