/**
 * The one place where a host (the SPFx web part, the local page) turns what it has (a
 * PnPjs `SPFI`, a Graph client, the page it runs on) into the services the React app
 * needs. Both hosts call it once per user, so they cannot drift apart.
 */
import type { SPFI } from '@pnp/sp';
import { SharePointPstRepository } from '../../data/SharePointPstRepository';
import type { PstRepository } from '../../data/PstRepository';
import { linkToNode, teamsDeepLink, TeamsTabEntity } from '../../domain/links/nodeLinks';
import type { Lang } from '../../domain/vocabularies';
import { GraphMailService, GraphRequestClient, MailService } from '../../mail/mailService';

export interface PstHost {
  /** PnPjs already set up for the host (SPFx behaviour, or the local page's fetch). */
  readonly sp: SPFI;
  /** Server-relative URL of the web holding the PST lists (`/sites/pst`). */
  readonly webServerRelativeUrl: string;
  /** Resolved on first mail: SPFx hands out MSGraphClientV3 asynchronously. */
  readonly graphClient: () => Promise<GraphRequestClient>;
  /** Shown in mails ("CPAS de …"). */
  readonly organisation: string;
  readonly lang: Lang;
  /** Address of the page the app runs on; links to a node reopen it. */
  readonly pageUrl: string;
  /** In a Teams tab, links must reopen the tab: a deep link naming the node. */
  readonly teamsEntity?: TeamsTabEntity;
}

export interface PstServices {
  readonly repository: PstRepository;
  readonly mail: MailService;
  readonly linkForNode: (nodeId: string) => string;
}

export function createPstServices(host: PstHost): PstServices {
  const { teamsEntity } = host;
  const linkForNode = teamsEntity
    ? (nodeId: string): string => teamsDeepLink(teamsEntity, nodeId)
    : (nodeId: string): string => linkToNode(host.pageUrl, nodeId);
  // Several web parts of one page load the plan at the same moment: one request for all.
  const repository = new SharePointPstRepository(host.sp, host.webServerRelativeUrl, { shareConcurrentLoads: true });
  const mail = new GraphMailService(
    host.graphClient,
    { organisation: host.organisation, linkToAction: (id) => linkForNode(`action-${id}`) },
    host.lang,
  );
  return { repository, mail, linkForNode };
}
