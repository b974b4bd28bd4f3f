/**
 * PnPjs through the framework's own `SPHttpClient`. PnPjs v4's `SPFx()` behaviour sends
 * plain browser fetches and asks for the request digest itself; through SPHttpClient the
 * framework adds the digest (from `/_api/contextinfo`), its request markers and its
 * throttling rules, as for any SharePoint request of the page.
 */
import { combine, isUrlAbsolute, TimelinePipe } from '@pnp/core';
import { DefaultParse, Queryable } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit } from '@pnp/sp';
import { ISPHttpClientOptions, SPHttpClient } from '@microsoft/sp-http';
import type { WebPartContext } from '@microsoft/sp-webpart-base';

export function SPHttpClientFetch(context: WebPartContext): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.using(DefaultHeaders(), DefaultInit(), DefaultParse());
    instance.on.pre.prepend(async (url, init, result) => [isUrlAbsolute(url) ? url : combine(context.pageContext.web.absoluteUrl, url), init, result]);
    instance.on.send.replace(
      async (url: URL, init: RequestInit) =>
        // SPHttpClientResponse wraps the browser's Response and has what PnPjs's parsers read.
        (await context.spHttpClient.fetch(url.toString(), SPHttpClient.configurations.v1, init as ISPHttpClientOptions)) as unknown as Response,
    );
    return instance;
  };
}
