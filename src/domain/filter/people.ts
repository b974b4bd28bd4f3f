/**
 * People in the filter: the key the `leads` criterion compares a project lead by, and who is
 * "me" for the `mine` criterion.
 */
import type { Action, Person } from '../model';
import { normalizeText } from '../vocabularies';

/** The key a lead is filtered by: the e-mail (lower case) when known, else the display name. */
export function leadKey(person: Person | null | undefined): string | null {
  if (!person) return null;
  const email = person.email ? person.email.trim().toLowerCase() : '';
  if (email !== '') return email;
  const name = (person.displayName || '').trim();
  return name === '' ? null : name;
}

/** A lead key as compared: an e-mail in lower case, a name after `normalizeText`. */
export function normalizedLeadKey(value: string): string {
  return value.indexOf('@') >= 0 ? value.trim().toLowerCase() : normalizeText(value);
}

/** Same person: by e-mail when both have one, else by id when both have one, else by display name. */
export function isSamePerson(a: Person | null | undefined, b: Person | null | undefined): boolean {
  if (!a || !b) return false;
  const emailA = a.email ? a.email.trim().toLowerCase() : '';
  const emailB = b.email ? b.email.trim().toLowerCase() : '';
  if (emailA !== '' && emailB !== '') return emailA === emailB;
  if (a.id != null && b.id != null) return a.id === b.id;
  const nameA = normalizeText(a.displayName || '');
  return nameA !== '' && nameA === normalizeText(b.displayName || '');
}

/** The lead or a team member of the action is `me`. */
export function isMine(action: Pick<Action, 'projectLead' | 'team'>, me: Person | null | undefined): boolean {
  if (!me) return false;
  if (isSamePerson(action.projectLead, me)) return true;
  return (action.team || []).some((member) => isSamePerson(member, me));
}
