/**
 * People chosen in a picker carry their address, not yet their id on the site: before a
 * sheet is saved, each is resolved with `ensureUser` (as SharePoint's own people field does),
 * so the person columns can hold them. Names without an address stay free text.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import type { Person } from '../domain/model';
import type { ActionChanges } from './PstRepository';

export async function resolvePeople(sp: SPFI, changes: ActionChanges): Promise<ActionChanges> {
  const cache = new Map<string, Promise<Person>>();
  const resolve = (person: Person): Promise<Person> => {
    if (person.id !== undefined || !person.email) return Promise.resolve(person);
    const key = person.email.toLowerCase();
    let found = cache.get(key);
    if (!found) {
      found = (sp.web.ensureUser(person.email) as Promise<{ Id: number; Title?: string; Email?: string }>).then((user) => ({
        id: user.Id,
        displayName: user.Title || person.displayName,
        email: user.Email || person.email,
      }));
      cache.set(key, found);
    }
    return found;
  };
  const resolved: ActionChanges = { ...changes };
  if (changes.pilot) resolved.pilot = await resolve(changes.pilot);
  if (changes.team) resolved.team = await Promise.all(changes.team.map(resolve));
  if (changes.mandatary && typeof changes.mandatary === 'object') resolved.mandatary = await resolve(changes.mandatary);
  return resolved;
}
