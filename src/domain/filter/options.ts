/** The values to offer in the filter controls: those present in the data, in display order. */
import type { Health, Priority, Volet } from '../model';
import { ACTION_STATUSES, HEALTHS, PRIORITIES, VOLETS, normalizeText } from '../vocabularies';
import type { StatusFilterValue } from './criteria';
import { leadKey, normalizedLeadKey } from './people';
import type { FilterableData } from './placement';
import { mapById, voletsOfObjective } from './placement';

export interface FilterChoice {
  /** The value to put in the filter. */
  key: string;
  /** What to show. */
  text: string;
  /** Actions (sub-actions included) that carry it. */
  count: number;
}

export interface PstFilterOptions {
  volets: Volet[];
  departments: FilterChoice[];
  leads: FilterChoice[];
  statuses: StatusFilterValue[];
  healths: Health[];
  priorities: Priority[];
  labels: FilterChoice[];
  sdgs: number[];
}

// One collator for every comparison: localeCompare with options builds one per call.
const FRENCH_ORDER = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function compareTexts(a: string, b: string): number {
  return FRENCH_ORDER.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

class ChoiceCollector {
  private readonly byKey = new Map<string, FilterChoice>();

  add(identity: string, key: string, text: string): void {
    const known = this.byKey.get(identity);
    if (known) known.count += 1;
    else this.byKey.set(identity, { key, text, count: 1 });
  }

  list(): FilterChoice[] {
    return Array.from(this.byKey.values()).sort((a, b) => compareTexts(a.text, b.text) || compareTexts(a.key, b.key));
  }
}

/** The distinct values present in the data, in display order, to fill the filter controls. */
export function filterOptions(data: FilterableData): PstFilterOptions {
  const sections = mapById(data.sections);
  const volets = new Set<Volet>();
  for (const objective of data.strategicObjectives) voletsOfObjective(objective, sections).forEach((v) => volets.add(v));

  const departments = new ChoiceCollector();
  const leads = new ChoiceCollector();
  const labels = new ChoiceCollector();
  const statuses = new Set<StatusFilterValue>();
  const healths = new Set<Health>();
  const priorities = new Set<Priority>();
  const sdgs = new Set<number>();
  for (const action of data.actions) {
    if (action.department && action.department.trim() !== '') {
      const text = action.department.trim();
      departments.add(normalizeText(text), text, text);
    }
    const key = leadKey(action.projectLead);
    if (key !== null && action.projectLead) {
      leads.add(normalizedLeadKey(key), key, action.projectLead.displayName || key);
    }
    const seenLabels = new Set<string>();
    for (const label of action.labels || []) {
      const text = label.trim();
      const identity = normalizeText(text);
      if (identity === '' || seenLabels.has(identity)) continue;
      seenLabels.add(identity);
      labels.add(identity, text, text);
    }
    statuses.add(action.status ?? 'unknown');
    if (action.health) healths.add(action.health);
    if (action.priority) priorities.add(action.priority);
    for (const sdg of action.sdgs || []) sdgs.add(sdg);
  }
  const leadChoices = leads.list();
  // Two leads with the same name (one known by e-mail): show the e-mail to tell them apart.
  const names = new Map<string, number>();
  for (const choice of leadChoices) names.set(normalizeText(choice.text), (names.get(normalizeText(choice.text)) || 0) + 1);
  for (const choice of leadChoices) {
    if ((names.get(normalizeText(choice.text)) as number) > 1 && choice.key !== choice.text) choice.text = `${choice.text} (${choice.key})`;
  }
  return {
    volets: VOLETS.filter((v) => volets.has(v)),
    departments: departments.list(),
    leads: leadChoices,
    statuses: [...ACTION_STATUSES, 'unknown' as const].filter((s) => statuses.has(s)),
    healths: HEALTHS.filter((h) => healths.has(h)),
    priorities: PRIORITIES.filter((p) => priorities.has(p)),
    labels: labels.list(),
    sdgs: Array.from(sdgs).sort((a, b) => a - b),
  };
}
