import type { ActionResources } from '../../domain/model';
import type { FundingSource, MeansLine } from '../../domain/means';
import { SingleFigures, withSingleFigures } from '../../domain/meansFigures';
import { parseBelgianNumber } from '../../domain/parsing';
import type { BudgetService } from '../../domain/vocabularies';
import { normalizeText } from '../../domain/vocabularies';
import { clean } from './texts';

const ETP_PATTERN = /\(\s*ETP\s*\)\s*:\s*(\d+(?:[.,]\d+)?)(?=\s*(?:$|\n|\(|-|–|et\s|à\s))/i;
const AMOUNT_ONLY = /^(?:±\s*|\+\s*\/\s*-\s*|environ\s+)?(\d[\d.\s\u00a0\u202f]*(?:,\d+)?)\s*(?:€|euros?|EUR)\.?$/i;
const BUDGET_PATTERN = /Budg[ée]taires?\s*\(\s*€\s*\)\s*:\s*(?:\+\s*\/\s*-\s*|±\s*)?(\d[\d.\s\u00a0]*(?:,\d+)?)\s*€/i;

/** What a document's resources text states: single figures, lines per year, the text itself. */
export interface DocumentResources extends SingleFigures {
  readonly text: string | null;
  /** The lines stated year by year (readMeansLines), absent when none. */
  readonly lines?: MeansLine[];
}

/**
 * Reads ETP and budget from a resources text only when they are stated plainly:
 * "Humaines (ETP) : 0,5 …" and "Budgétaires (€) : 120.000€ …". "4 personnes" or
 * "7500 (mise en œuvre) / 6400 (maintenance)" are left to a person; the text is kept.
 */
export function readResources(text: string | null | undefined): DocumentResources {
  const value = clean(text);
  const resources: { -readonly [K in keyof DocumentResources]: DocumentResources[K] } = { etp: null, budget: null, budgetService: null, text: value };
  if (!value) return resources;
  const etp = ETP_PATTERN.exec(value);
  if (etp) {
    const number = parseBelgianNumber(etp[1]);
    if (typeof number === 'number') resources.etp = number;
  }
  // "Budgétaires (€) : 120.000€ …", or a text that is nothing but an amount ("Budget : 12 500,00 EUR").
  const budget = BUDGET_PATTERN.exec(value) || AMOUNT_ONLY.exec(value);
  if (budget) {
    const number = parseBelgianNumber(budget[1].trim());
    if (typeof number === 'number') resources.budget = number;
  }
  const normalized = normalizeText(value);
  const extraordinary = /extraordinaire/.test(normalized);
  const ordinary = /\bordinaire/.test(normalized);
  let service: BudgetService | null = null;
  if (extraordinary && !ordinary) service = 'extraordinaire';
  if (ordinary && !extraordinary) service = 'ordinaire';
  resources.budgetService = service;
  const lines = readMeansLines(value, service);
  if (lines.length > 0) resources.lines = lines;
  return resources;
}

/**
 * The action's resources from what the document states: the text as written, and the means
 * as lines (those per year, else the single figures as one line on `year`; see withSingleFigures).
 */
export function actionResourcesOf(read: DocumentResources, year: number): ActionResources {
  const lines = withSingleFigures(read.lines ?? [], read, year);
  return lines.length > 0 ? { text: read.text, lines } : { text: read.text };
}

/** A year, or a period of years ("2020 - 2021", "2024-25"): the line goes on its first year. */
const YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?:\s*[-–/à]\s*(?:(?:19|20)?\d{2}))?(?!\d)/;
const AMOUNT = /(\d[\d.\s\u00a0]*(?:,\d+)?)\s*(?:€|euros?\b|EUR\b)/i;

/** Who pays, by the words the documents use; the first match wins (« subside de la Région » is the Region). */
const SOURCE_WORDS: readonly [FundingSource, RegExp][] = [
  ['fwb', /\b(fwb|federation wallonie|communaute francaise|ONE)\b/],
  ['region', /\b(region|rw|spw|wallon(ne)?|aviq|forem|ucm)\b/],
  ['federal', /\b(federal(e)?|spp|p\.?i\.?i\.?s|inami|fedasil|etat)\b/],
  ['europe', /\b(europe(en|enne)?|fse|feder|feader|ue)\b/],
  ['province', /\b(province|provincial(e)?)\b/],
  ['commune', /\b(commune|communal(e)?|ville)\b/],
  ['cpas', /\b(fonds propres|cpas)\b/],
];

/** Words that make an amount money coming in (a subsidy) rather than spent. */
const RECEIPT_WORDS = /\b(subside|subsides|subsidiation|subvention|subventions|recette|recettes|intervention de|financement (de|par) (la|le|l))/;

/**
 * The means lines a resources text states year by year (« 2024 : 15.000 € (Région) »,
 * « 2025-2026 : subside PIIS 20.000 € »): one line per segment (line, bullet or « ; ») that
 * has both a year and an amount in euros; none when no segment does, and the single figures
 * stand. The funding source and receipt/expense come from the segment's words when it says.
 */
export function readMeansLines(text: string | null | undefined, service: BudgetService | null = null): MeansLine[] {
  if (!text) return [];
  const lines: MeansLine[] = [];
  for (const segment of text.split(/\r?\n|•|;/)) {
    const year = YEAR.exec(segment);
    if (!year) continue;
    // The amount is looked for after the year, so that "2024" is never read as euros.
    const rest = segment.slice(year.index + year[0].length);
    const amount = AMOUNT.exec(rest);
    if (!amount) continue;
    const planned = parseBelgianNumber(amount[1].trim());
    if (typeof planned !== 'number') continue;
    const words = normalizeText(segment);
    const source = SOURCE_WORDS.find(([, pattern]) => pattern.test(words));
    lines.push({
      year: Number(year[1]),
      service,
      direction: RECEIPT_WORDS.test(words) ? 'recette' : 'depense',
      source: source ? source[0] : null,
      article: null,
      planned,
      actual: null,
      etp: null,
    });
  }
  return lines;
}
