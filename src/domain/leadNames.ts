/**
 * The leads an import gave as names only (no directory account): what the
 * "Désigner les chefs de projet" grid lists, one row per person however the document wrote
 * the name ("LECLERCQ Julien" and "Julien Leclercq" are one row).
 */
import { nameKey } from '../text/personNames';
import type { Action } from './model';

export interface LeadName {
  /** The name as the document first wrote it. */
  readonly name: string;
  /** Every way it was written, in the order met. */
  readonly writtenAs: string[];
  readonly actions: Action[];
}

/** An action whose lead is a name without an account. */
export function hasNameOnlyLead(action: Action): boolean {
  const lead = action.projectLead;
  return !!lead && lead.id === undefined && !lead.email && lead.displayName.trim() !== '';
}

/** The names to designate, sorted as a French reader sorts them. */
export function leadNamesToDesignate(actions: readonly Action[]): LeadName[] {
  const byKey = new Map<string, LeadName>();
  for (const action of actions) {
    if (!hasNameOnlyLead(action)) continue;
    const written = action.projectLead!.displayName.trim();
    const key = nameKey(written) || written.toLowerCase();
    const row = byKey.get(key);
    if (!row) byKey.set(key, { name: written, writtenAs: [written], actions: [action] });
    else {
      row.actions.push(action);
      if (row.writtenAs.indexOf(written) < 0) row.writtenAs.push(written);
    }
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
}
