/**
 * PnPjs through the framework's own `SPHttpClient`. PnPjs v4's `SPFx()` behaviour sends
 * plain browser fetches; through SPHttpClient every request (the `/_api/contextinfo` that
 * gets the write digest included) carries the framework's markers and follows its rules,
 * as any SharePoint request of the page. The digest stays PnPjs's: SPHttpClient does not
 * add one to the multipart `$batch` PnPjs sends. SPHttpClient does not retry a throttled
 * request: `ThrottledSend` (data/throttledSend.ts) does, as for every host.
 */
import { combine, isUrlAbsolute, TimelinePipe } from '@pnp/core';
import { DefaultParse, Queryable } from '@pnp/queryable';
import { ThrottledSend } from '../../data/throttledSend';
import { DefaultHeaders, DefaultInit, RequestDigest } from '@pnp/sp';
import { ISPHttpClientOptions, SPHttpClient } from '@microsoft/sp-http';
import type { WebPartContext } from '@microsoft/sp-webpart-base';

export function SPHttpClientFetch(context: WebPartContext): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.using(
      DefaultHeaders(),
      DefaultInit(),
      DefaultParse(),
      RequestDigest(),
      // SPHttpClientResponse wraps the browser's Response and has what PnPjs's parsers read.
      ThrottledSend(async (url, init) => (await context.spHttpClient.fetch(url, SPHttpClient.configurations.v1, init as ISPHttpClientOptions)) as unknown as Response),
    );
    instance.on.pre.prepend(async (url, init, result) => [isUrlAbsolute(url) ? url : combine(context.pageContext.web.absoluteUrl, url), init, result]);
    return instance;
  };
}
