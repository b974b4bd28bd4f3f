import type { ActionResources } from '../../domain/model';
import { parseBelgianNumber } from '../../domain/parsing';
import type { BudgetService } from '../../domain/vocabularies';
import { normalizeText } from '../../domain/vocabularies';
import { clean } from './texts';

const ETP_PATTERN = /\(\s*ETP\s*\)\s*:\s*(\d+(?:[.,]\d+)?)(?=\s*(?:$|\n|\(|-|–|et\s|à\s))/i;
const BUDGET_PATTERN = /Budg[ée]taires?\s*\(\s*€\s*\)\s*:\s*(?:\+\s*\/\s*-\s*|±\s*)?(\d[\d.\s\u00a0]*(?:,\d+)?)\s*€/i;

/**
 * Reads ETP and budget from a resources text only when they are stated plainly:
 * "Humaines (ETP) : 0,5 …" and "Budgétaires (€) : 120.000€ …". "4 personnes" or
 * "7500 (mise en œuvre) / 6400 (maintenance)" are left to a person; the text is kept.
 */
export function readResources(text: string | null | undefined): ActionResources {
  const value = clean(text);
  const resources: ActionResources = { etp: null, budget: null, budgetService: null, text: value };
  if (!value) return resources;
  const etp = ETP_PATTERN.exec(value);
  if (etp) {
    const number = parseBelgianNumber(etp[1]);
    if (typeof number === 'number') resources.etp = number;
  }
  const budget = BUDGET_PATTERN.exec(value);
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
  return resources;
}
