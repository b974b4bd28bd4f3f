/**
 * Deep links to a node of the objective tree: `…/Arbre.aspx?pst-statut=…#pst=oo-12`.
 * The hash keeps the page's own query (SharePoint and Teams add theirs) untouched.
 */
const HASH_KEY = 'pst';

/** `href` with its hash replaced by `#pst=<nodeId>`. */
export function linkToNode(href: string, nodeId: string): string {
  const hash = href.indexOf('#');
  const base = hash >= 0 ? href.substring(0, hash) : href;
  return `${base}#${HASH_KEY}=${encodeURIComponent(nodeId)}`;
}

/** Where a Teams tab lives: the app, the tab (entity) and, for a channel tab, its channel. */
export interface TeamsTabEntity {
  readonly appId: string;
  readonly entityId: string;
  /** A channel tab's deep link must name its channel, or Teams opens the app's personal tab. */
  readonly channelId?: string;
}

/**
 * A Teams deep link that reopens the tab on a node: Teams hands the node id back to the tab
 * as its sub-entity (https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/deep-link-application).
 */
export function teamsDeepLink(tab: TeamsTabEntity, nodeId: string): string {
  const context = encodeURIComponent(JSON.stringify(tab.channelId ? { subEntityId: nodeId, channelId: tab.channelId } : { subEntityId: nodeId }));
  return `https://teams.microsoft.com/l/entity/${tab.appId}/${encodeURIComponent(tab.entityId)}?context=${context}`;
}

/** The default of ObjectiveTree's `linkForNode`: the current page with `#pst=<nodeId>`. */
export function defaultLinkForNode(nodeId: string): string {
  return linkToNode(typeof location !== 'undefined' ? location.href : '', nodeId);
}

/** The node id of a `#pst=<nodeId>` hash (also inside `#a=1&pst=…`), else undefined. */
export function nodeIdFromHash(hash: string | null | undefined): string | undefined {
  if (!hash) return undefined;
  const text = hash.charAt(0) === '#' ? hash.substring(1) : hash;
  for (const part of text.split('&')) {
    const equals = part.indexOf('=');
    if (equals < 0 || part.substring(0, equals) !== HASH_KEY) continue;
    try {
      const value = decodeURIComponent(part.substring(equals + 1));
      return value === '' ? undefined : value;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
