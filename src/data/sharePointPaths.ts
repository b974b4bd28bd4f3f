import { ListDef } from '../schema/listSchema';

/** Server-relative URL of a PST list, e.g. `/sites/pst/Lists/PstActions`. */
export function listUrl(webServerRelativeUrl: string, list: Pick<ListDef, 'urlName'>): string {
  return `${webServerRelativeUrl.replace(/\/+$/, '')}/Lists/${list.urlName}`;
}
