/**
 * The labels of action sheets ("CHEF DE PROJET", "Date de début :", "RISQUE(S)"…) and
 * their recognition at the start of a line, including labels split over two lines
 * ("OBJECTIF" / "STRATÉGIQUE", "COMMEN-" / "TAIRE(S)", "DÉPARTEMENT" / "/SERVICE").
 *
 * Labels are compared as token sequences of the folded text (no case, no accents),
 * with "(s)", "(€)" and similar marks removed, so "Risque(s)", "RISQUES" and "risques :"
 * are one label. A slash is a token of its own: "DÉPARTEMENT /SERVICE" is a label, but
 * "DÉPARTEMENT SERVICE SOCIAL" is the label DÉPARTEMENT with the value "SERVICE SOCIAL".
 */
import { foldChars, isUpperCaseText } from '../../text/normalize';

/** Where a label's value goes: a key of OutlineActionFields, or the action's own title, code or description. */
export type FieldTarget =
  | 'title'
  | 'code'
  | 'description'
  | 'start'
  | 'end'
  | 'timing'
  | 'department'
  | 'strategicObjective'
  | 'operationalObjective'
  | 'context'
  | 'steps'
  | 'risks'
  | 'projectLead'
  | 'team'
  | 'pilot'
  | 'mandatary'
  | 'partners'
  | 'servicesInvolved'
  | 'deliverables'
  | 'resources'
  | 'comments'
  | 'progress'
  | 'status'
  | 'priority'
  | 'health'
  | 'indicators'
  | 'sdgs'
  | 'labels'
  | 'policyObjective'
  | 'synergies'
  | 'volet';

/** French names of the targets, for the report. */
export const FIELD_NAMES_FR: { readonly [T in FieldTarget]: string } = {
  title: 'Intitulé',
  code: 'Code',
  description: 'Description',
  start: 'Début',
  end: 'Fin',
  timing: 'Calendrier',
  department: 'Département / service pilote',
  strategicObjective: 'Objectif stratégique (dans la fiche)',
  operationalObjective: 'Objectif opérationnel (dans la fiche)',
  context: 'Contexte',
  steps: 'Étapes',
  risks: 'Risques',
  projectLead: 'Chef de projet',
  team: 'Équipe',
  pilot: 'Pilote (CODIR)',
  mandatary: 'Mandataire',
  partners: 'Partenaires',
  servicesInvolved: 'Services associés',
  deliverables: 'Livrables',
  resources: 'Ressources',
  comments: 'Commentaires',
  progress: 'Avancement',
  status: 'État',
  priority: 'Priorité',
  health: 'Santé',
  indicators: 'Indicateurs',
  sdgs: 'ODD',
  labels: 'Labels / plans',
  policyObjective: 'Objectif politique',
  synergies: 'Synergies',
  volet: 'Volet',
};

/** Label texts (as people write them) for each target. */
const LABELS: { readonly [T in FieldTarget]: readonly string[] } = {
  title: [
    'titre',
    'intitule',
    "intitule de l'action",
    'intitule du projet',
    "titre de l'action",
    'titre du projet',
    "nom de l'action",
    'nom du projet',
    'libelle',
    "libelle de l'action",
    'fiche action',
    'fiche projet',
    'action',
    'projet',
  ],
  code: ['code', "code de l'action", 'numero', 'n°', 'reference', 'ref'],
  description: [
    'description',
    "description de l'action",
    'description du projet',
    'descriptif',
    "descriptif de l'action",
    'description et objectifs',
    "objectif de l'action",
    'objectifs du projet',
    'finalite',
  ],
  start: [
    'debut',
    'date de debut',
    'date debut',
    'debut prevu',
    'date de debut prevue',
    'demarrage',
    'date de demarrage',
    'lancement',
    'date de lancement',
    'commencement',
  ],
  end: [
    'fin',
    'date de fin',
    'date fin',
    'fin prevue',
    'date de fin prevue',
    'echeance',
    'date d echeance',
    "date d'echeance",
    'delai',
    'delai de realisation',
    'date butoir',
    'date limite',
    'cloture',
  ],
  timing: ['calendrier', 'planning', 'periode', 'periode de realisation', 'timing', 'echeancier', 'duree', 'programmation'],
  department: [
    'departement',
    'departement / service',
    'service',
    'service pilote',
    'service porteur',
    'service responsable',
    'service concerne',
    'direction',
    'pole',
    'departement pilote',
    'entite',
  ],
  strategicObjective: ['objectif strategique', 'os', 'o.s.'],
  operationalObjective: ['objectif operationnel', 'oo', 'o.o.'],
  context: ['contexte', 'constat', 'justification', 'situation existante', 'situation actuelle', 'motivation', 'origine', 'enjeux'],
  steps: [
    'etapes',
    'etapes de realisation',
    'etapes cles',
    'actions a mener',
    'actions a realiser',
    'mise en oeuvre',
    'modalites',
    'modalites de mise en oeuvre',
    'taches',
    "plan d'action",
    'methodologie',
  ],
  risks: ['risque', 'risques', 'risques identifies', 'freins', 'obstacles', 'contraintes', 'difficultes', 'points d attention', "points d'attention"],
  projectLead: [
    'chef de projet',
    'cheffe de projet',
    'responsable',
    'responsable du projet',
    "responsable de l'action",
    'responsable de projet',
    'porteur',
    'porteur de projet',
    'porteur du projet',
    'porteuse de projet',
    'referent',
    'agent referent',
    'gestionnaire',
    'pilote operationnel',
  ],
  team: ['equipe', 'equipe projet', 'equipe de projet', 'membres', "membres de l'equipe", 'collaborateurs', 'intervenants', 'personnes impliquees', 'acteurs internes'],
  pilot: ['pilote', 'pilote codir', 'membre du codir', 'sponsor', 'responsable codir', 'responsable strategique', 'pilote strategique'],
  mandatary: [
    'mandataire',
    'mandataire politique',
    'mandataire responsable',
    'mandataires',
    'echevin',
    'president',
    'elu',
    'elu responsable',
    'responsable politique',
    'membre du bureau permanent',
  ],
  partners: ['partenaire', 'partenaires', 'partenaires externes', 'partenariats', 'partenaires eventuels', 'acteurs externes'],
  servicesInvolved: ['services impliques', 'services concernes', 'services associes', 'autres services', 'services partenaires', 'services internes', 'collaborations internes'],
  deliverables: ['livrables', 'livrable', 'livrables attendus', 'resultats attendus', 'resultat attendu', 'produits', 'realisations attendues'],
  resources: [
    'ressources',
    'ressources necessaires',
    'moyens',
    'moyens necessaires',
    'moyens humains et financiers',
    'ressources humaines et financieres',
    'budget',
    'budget estime',
    'cout',
    'cout estime',
    'financement',
    'impact budgetaire',
    'moyens budgetaires',
  ],
  comments: ['commentaire', 'commentaires', 'remarque', 'remarques', 'observations', 'observation', 'notes', 'note', 'suivi'],
  progress: [
    'avancement',
    't avancement',
    'taux avancement',
    "taux d'avancement",
    'taux de realisation',
    '% avancement',
    "% d'avancement",
    'pourcentage',
    "pourcentage d'avancement",
    'pourcentage de realisation',
    'progression',
    "degre d'avancement",
    'realisation %',
  ],
  status: ['etat', 'statut', "etat d'avancement", 'etat de realisation', 'etat du projet', 'situation', 'statut du projet'],
  priority: ['priorite', 'niveau de priorite', 'priorisation', 'importance', 'degre de priorite'],
  health: ['meteo', 'sante', 'sante du projet', 'indicateur de sante'],
  indicators: [
    'indicateur',
    'indicateurs',
    'indicateurs de resultat',
    'indicateurs de suivi',
    "indicateurs d'evaluation",
    'indicateurs de realisation',
    "criteres d'evaluation",
    'evaluation',
    'kpi',
  ],
  sdgs: ['odd', 'objectifs de developpement durable', 'enjeux odd', 'developpement durable', 'lien odd'],
  labels: ['labels', 'label', 'plans', 'plan sectoriel', 'plans sectoriels', 'lien avec les plans', 'programmes', 'etats generaux'],
  policyObjective: [
    'objectif politique',
    'declaration de politique',
    'declaration de politique sociale',
    'declaration de politique generale',
    'dps',
    'dpg',
    'dpc',
    'lien avec la declaration de politique',
    'lien dps',
  ],
  volet: ['volet', 'volet du pst', 'volet interne / externe'],
  synergies: ['synergie', 'synergies', 'synergies commune / cpas', 'synergie commune / cpas', 'synergies commune cpas', 'synergie commune cpas'],
};

/** Marks dropped before comparing: "(s)", "(€)", "(e)", "(es)", "(le)". */
const MARKS = /\((?:s|e|es|le|les|€|eur|euros|%|x)\)/g;

/** Tokens of a folded text: words, "/", "%", "n°". Punctuation separates. */
export function labelTokens(folded: string): string[] {
  return folded
    .replace(MARKS, ' ')
    .replace(/n°/g, ' n° ')
    .replace(/[/%]/g, (c) => ` ${c} `)
    .split(/[^a-z0-9°/%']+/)
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter((t) => t !== '');
}

interface TrieNode {
  children: Map<string, TrieNode>;
  target?: FieldTarget;
}

function buildTrie(): TrieNode {
  const root: TrieNode = { children: new Map() };
  (Object.keys(LABELS) as FieldTarget[]).forEach((target) => {
    for (const label of LABELS[target]) {
      // "date d'echeance" must also match "date d echeance": apostrophes split words.
      const tokens = labelTokens(label.replace(/'/g, ' '));
      let node = root;
      for (const token of tokens) {
        let next = node.children.get(token);
        if (!next) {
          next = { children: new Map() };
          node.children.set(token, next);
        }
        node = next;
      }
      if (!node.target) node.target = target;
    }
  });
  return root;
}

const TRIE = buildTrie();

/** One word of a line with its end offset in the original text. */
interface Token {
  readonly text: string;
  readonly end: number;
}

function tokensWithOffsets(original: string): Token[] {
  const folded = foldChars(original).replace(/'/g, ' ');
  const tokens: Token[] = [];
  const pattern = /\((?:s|e|es|le|les|€|eur|euros|%|x)\)|n°|[/%]|[a-z0-9°]+/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(folded)) !== null) {
    if (match[0].charAt(0) === '(') continue; // a mark: belongs to the previous word
    tokens.push({ text: match[0], end: match.index + match[0].length });
  }
  // Marks right after a word are part of the label as written ("RISQUE(S)").
  return tokens.map((token) => {
    const after = folded.slice(token.end);
    const mark = /^\((?:s|e|es|le|les|€|eur|euros|%|x)\)/.exec(after);
    return mark ? { text: token.text, end: token.end + mark[0].length } : token;
  });
}

export interface LabelMatch {
  readonly target: FieldTarget;
  /** How many lines the label spans (1 or 2). */
  readonly lineCount: number;
  /** The text after the label on its last line (separator removed), '' when none. */
  readonly rest: string;
  /** The label as written ("CHEF DE PROJET"). */
  readonly labelText: string;
}

export interface LabelContext {
  /**
   * Whether a label followed by its value on the same line counts without a colon.
   * Sheets printed as tables ("DÉPARTEMENT CRÈCHE") need it; then the label must be
   * written in capitals, so that "Service par service, analyser…" is not the label "service".
   */
  readonly allowUpperCaseWithoutColon: boolean;
  /**
   * The document writes its labels in capitals: a line in lower or mixed case is a value
   * even when it reads like a label ("développement durable" cut at the end of a line,
   * "Actions à réaliser :" inside a description).
   */
  readonly requireUpperCase?: boolean;
  /**
   * Labels this document repeats on its sheets ("Priorité du projet :", "Partenaires
   * extérieurs pressentis :"), by `labelKey`, read by the profile or given by a rules file.
   */
  readonly learned?: ReadonlyMap<string, FieldTarget>;
}

/** A label the parser always recognises for a target ("Chef de projet" for projectLead). */
export function canonicalLabel(target: FieldTarget): string {
  const label = LABELS[target][0];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The comparable form of a label as written: "Priorité du projet" → "priorite du projet". */
export function labelKey(text: string): string {
  return labelTokens(foldChars(text).replace(/'/g, ' ')).join(' ');
}

/** The known label that a longer label begins with ("partenaires exterieurs pressentis" → partners). */
export function targetOfLabelKey(key: string): FieldTarget | null {
  const tokens = key.split(' ').filter((t) => t !== '');
  const found = longestLabelAt(tokens.map((t, i) => ({ text: t, end: i })));
  return found ? found.target : null;
}

/** "Priorité du projet : Haute": the text before a colon near the start, when it reads like a label. */
export function colonLabelPrefix(text: string): string | null {
  const colon = text.search(/\s?[:：]/);
  if (colon <= 0 || colon > 60) return null;
  const prefix = text.slice(0, colon).trim();
  const words = prefix.split(/\s+/);
  return words.length <= 6 && /^\p{Lu}/u.test(prefix) && !/[.;!?]/.test(prefix) ? prefix : null;
}

function acceptableLabelText(labelPart: string, rest: string, context: LabelContext): boolean {
  if (context.requireUpperCase && !isUpperCaseText(labelPart)) return false;
  // A label alone on its line starts with a capital ("Contexte"), never in the middle of a sentence.
  if (rest === '' && /^\p{Ll}/u.test(labelPart.trim())) return false;
  return true;
}

/** Longest label at the start of `text`; returns the token count and the offset where it ends. */
function longestLabelAt(tokens: readonly Token[]): { target: FieldTarget; count: number } | null {
  let node: TrieNode | undefined = TRIE;
  let best: { target: FieldTarget; count: number } | null = null;
  for (let i = 0; i < tokens.length && node; i++) {
    node = node.children.get(tokens[i].text);
    if (node && node.target) best = { target: node.target, count: i + 1 };
  }
  return best;
}

/** Whether the tokens are the beginning of some longer label ("OBJECTIF", "CHEF DE", "COMMEN"). */
function isLabelPrefix(tokens: readonly string[]): boolean {
  let node: TrieNode | undefined = TRIE;
  for (const token of tokens) {
    node = node.children.get(token);
    if (!node) return false;
  }
  return node.children.size > 0;
}

const SEPARATOR = /^\s*(?:[:：]|-(?=\s)|–|—|→|=)\s*/;

function acceptRest(labelPart: string, afterLabel: string, context: LabelContext): string | null {
  if (afterLabel.trim() === '') return '';
  const separator = SEPARATOR.exec(afterLabel);
  if (separator) return afterLabel.slice(separator[0].length).trim();
  // A value after a capitalised label without colon: table layouts ("EQUIPE PROJET Cuisine").
  if (context.allowUpperCaseWithoutColon && isUpperCaseText(labelPart) && /^\s/.test(afterLabel)) {
    return afterLabel.trim();
  }
  return null;
}

/** "(projet pilote : …)", "[Fiche …]": a parenthesis continues a wrapped title, no label starts with one. */
const OPENS_ASIDE = /^[([{«"“]/;

/**
 * The label at the start of `line`, possibly completed by `next` (the following
 * non-blank line) when `line` holds only the first half of a label.
 */
export function matchLabel(line: string, next: string | null, context: LabelContext): LabelMatch | null {
  const text = line.trim();
  if (OPENS_ASIDE.test(text)) return null;
  if (context.learned && context.learned.size > 0) {
    const prefix = colonLabelPrefix(text);
    const target = prefix ? context.learned.get(labelKey(prefix)) : undefined;
    if (prefix && target) return { target, lineCount: 1, rest: text.slice(text.indexOf(prefix) + prefix.length).replace(/^\s*[:：]\s*/, '').trim(), labelText: prefix };
  }
  const tokens = tokensWithOffsets(text);
  if (tokens.length === 0) return null;

  // A label split over two lines: "OBJECTIF" + "STRATÉGIQUE …", "COMMEN-" + "TAIRE(S)".
  if (next !== null && isUpperCaseText(text) && tokens.length <= 4) {
    const own = tokens.map((t) => t.text);
    const nextText = next.trim();
    const nextTokens = tokensWithOffsets(nextText);
    const wholeLine = tokens[tokens.length - 1].end >= foldChars(text).replace(/[\s:.-]+$/, '').length;
    if (wholeLine && nextTokens.length > 0) {
      // "COMMEN-" + "TAIRE(S)" is one word cut by a hyphen.
      const candidates: string[][] = [own.concat(nextTokens.map((t) => t.text))];
      if (/-$/.test(text)) {
        candidates.unshift(own.slice(0, -1).concat([own[own.length - 1] + nextTokens[0].text], nextTokens.slice(1).map((t) => t.text)));
      }
      for (const joined of candidates) {
        const hyphenJoined = joined.length < own.length + nextTokens.length;
        const ownCount = own.length;
        if (!isLabelPrefix(own) && !hyphenJoined) continue;
        const found = longestLabelAt(joined.map((t, i) => ({ text: t, end: i })));
        if (!found) continue;
        const nextUsed = hyphenJoined ? found.count - ownCount + 1 : found.count - ownCount;
        if (nextUsed <= 0) continue;
        const lastToken = nextTokens[nextUsed - 1];
        const nextLabelPart = nextText.slice(0, lastToken.end);
        if (!isUpperCaseText(nextLabelPart)) continue;
        const rest = acceptRest(nextLabelPart, nextText.slice(lastToken.end), context);
        if (rest === null || !acceptableLabelText(text, rest, context)) continue;
        return { target: found.target, lineCount: 2, rest, labelText: `${text} ${nextLabelPart}` };
      }
    }
  }

  const found = longestLabelAt(tokens);
  if (!found) return null;
  const end = tokens[found.count - 1].end;
  const labelPart = text.slice(0, end);
  const rest = acceptRest(labelPart, text.slice(end), context);
  if (rest === null || !acceptableLabelText(labelPart, rest, context)) return null;
  return { target: found.target, lineCount: 1, rest, labelText: labelPart };
}

/** Whether the whole line is a label or the first half of one (used to end a title). */
export function looksLikeLabelStart(line: string): boolean {
  if (OPENS_ASIDE.test(line.trim())) return false;
  const tokens = tokensWithOffsets(line.trim()).map((t) => t.text);
  return tokens.length > 0 && (longestLabelAt(tokens.map((t, i) => ({ text: t, end: i }))) !== null || isLabelPrefix(tokens));
}
