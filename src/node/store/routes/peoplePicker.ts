/**
 * The people picker's search,
 * `_api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser`,
 * body `{ queryParams: { QueryString, MaximumEntitySuggestions, PrincipalType, … } }`.
 * SharePoint answers the entities as a JSON *string* (node_modules/@pnp/sp/profiles/types.js
 * parses it): Key (the claims login to `ensureuser`), DisplayText, EntityData.Email.
 * https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/jj179922(v=office.15)
 * The local site has no directory: the people it knows are its users.
 */
import type { RouteResult } from '../http/apiTypes';
import type { RequestContext } from './context';
import { unsupported } from './results';

export const PEOPLE_PICKER_SEARCH = 'sp.ui.applicationpages.clientpeoplepickerwebserviceinterface.clientpeoplepickersearchuser';

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function peoplePickerSearchRoute(ctx: RequestContext): RouteResult {
  if (ctx.method !== 'POST') return unsupported(ctx, []);
  ctx.demand('read');
  const params = (ctx.body().queryParams ?? {}) as { QueryString?: unknown; MaximumEntitySuggestions?: unknown };
  const words = fold(String(params.QueryString ?? '')).split(/[\s.@_-]+/).filter((w) => w !== '');
  const max = Math.max(1, Number(params.MaximumEntitySuggestions) || 30);
  // Every typed word starts a word of the name or of the address (« dub », « marc d »).
  const matches = words.length === 0
    ? []
    : ctx.db.listUsers().filter((user) => {
        const known = fold(`${user.title} ${user.email}`).split(/[\s.@_-]+/);
        return words.every((w) => known.some((k) => k.startsWith(w)));
      });
  const entities = matches.slice(0, max).map((user) => ({
    Key: user.loginName,
    DisplayText: user.title,
    IsResolved: true,
    Description: user.email,
    EntityType: 'User',
    EntityData: { Title: '', Email: user.email, MobilePhone: '', Department: '' },
    MultipleMatches: [],
    ProviderName: 'Tenant',
    ProviderDisplayName: 'Tenant',
  }));
  return { kind: 'primitive', name: 'ClientPeoplePickerSearchUser', value: JSON.stringify(entities) };
}
