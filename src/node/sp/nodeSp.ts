/**
 * PnPjs for Node entry points (jobs, provisioning command): the same data access as the
 * web parts, with a bearer token instead of the SPFx context.
 */
import { spfi, SPFI, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { DefaultParse, Queryable } from '@pnp/queryable';
import { ThrottledSend } from '../../data/throttledSend';

export type TokenProvider = () => Promise<string>;

function BearerTokenFrom(getToken: TokenProvider) {
  return (instance: Queryable) => {
    instance.on.auth(async (url, init) => {
      init.headers = { ...(init.headers as Record<string, string>), Authorization: `Bearer ${await getToken()}` };
      return [url, init];
    });
    return instance;
  };
}

export function createNodeSp(siteUrl: string, getToken?: TokenProvider): SPFI {
  const sp = spfi(siteUrl).using(DefaultHeaders(), DefaultInit(), ThrottledSend((url, init) => fetch(url, init), { retries: 5 }), DefaultParse());
  return getToken ? sp.using(BearerTokenFrom(getToken)) : sp;
}

/** `/sites/pst` for `https://cpas.sharepoint.com/sites/pst/`. */
export function webServerRelativeUrlOf(siteUrl: string): string {
  const path = new URL(siteUrl).pathname.replace(/\/+$/, '');
  return path === '' ? '/' : path;
}
