import { ListDef } from '../schema/listSchema';

/** Server-relative URL of a PST list, e.g. `/sites/pst/Lists/PstActions`. */
export function listUrl(webServerRelativeUrl: string, list: Pick<ListDef, 'urlName'>): string {
  return `${webServerRelativeUrl.replace(/\/+$/, '')}/Lists/${list.urlName}`;
}

export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

export function isNotFound(error: unknown): boolean {
  return httpStatusOf(error) === 404;
}
