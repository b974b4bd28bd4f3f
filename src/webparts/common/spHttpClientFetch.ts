/**
 * PnPjs through the framework's own `SPHttpClient`. PnPjs v4's `SPFx()` behaviour sends
 * plain browser fetches; through SPHttpClient every request (the `/_api/contextinfo` that
 * gets the write digest included) carries the framework's markers and follows its rules,
 * as any SharePoint request of the page. The digest stays PnPjs's: SPHttpClient does not
 * add one to the multipart `$batch` PnPjs sends.
 */
import { combine, isUrlAbsolute, TimelinePipe } from '@pnp/core';
import { DefaultParse, Queryable } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit, RequestDigest } from '@pnp/sp';
import { ISPHttpClientOptions, SPHttpClient } from '@microsoft/sp-http';
import type { WebPartContext } from '@microsoft/sp-webpart-base';

export function SPHttpClientFetch(context: WebPartContext): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.using(DefaultHeaders(), DefaultInit(), DefaultParse(), RequestDigest());
    instance.on.pre.prepend(async (url, init, result) => [isUrlAbsolute(url) ? url : combine(context.pageContext.web.absoluteUrl, url), init, result]);
    instance.on.send.replace(
      async (url: URL, init: RequestInit) =>
        // SPHttpClientResponse wraps the browser's Response and has what PnPjs's parsers read.
        (await context.spHttpClient.fetch(url.toString(), SPHttpClient.configurations.v1, init as ISPHttpClientOptions)) as unknown as Response,
    );
    return instance;
  };
}
