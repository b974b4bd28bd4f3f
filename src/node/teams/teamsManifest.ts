/**
 * The Teams app of the solution, derived from the web part manifests: the dashboard as a
 * configurable channel tab for the steering committee, the project cards as the personal
 * "Mes actions" app. SharePoint hosts both (teamshostedapp.aspx), so no server is needed.
 */
import { PST_ACTIVITY_TYPE } from '../../mail/teamsActivity';
export interface WebPartManifestInfo {
  readonly id: string;
  readonly alias: string;
  readonly title: { readonly fr: string; readonly en: string };
  readonly description: { readonly fr: string; readonly en: string };
}

/** The CPAS's own addresses (config/teams-app.json, README « Teams »). */
export interface CpasUrls {
  /** The PST site: `https://<cpas>.sharepoint.com/sites/<pst>`. */
  readonly siteUrl: string;
  readonly websiteUrl: string;
  readonly privacyUrl: string;
  readonly termsOfUseUrl: string;
}

export interface TeamsAppInfo {
  readonly appId: string;
  /**
   * The reminder job's Entra app, when it posts activity-feed notifications: Teams only
   * accepts them from the app named in `webApplicationInfo`, and the activity type must be
   * declared. The SPFx tabs sign in through TeamsLogon.aspx and do not use it.
   */
  readonly activityFeedAppId?: string;
  readonly version: string;
  /** The PST site: « Mes actions » (a personal app, outside any team) opens there. */
  readonly siteUrl: string;
  readonly developerName: string;
  readonly websiteUrl: string;
  readonly privacyUrl: string;
  readonly termsOfUseUrl: string;
}

export const TEAMS_MANIFEST_VERSION = '1.22';
/** The « Mes actions » personal tab: the same id in the manifest and in deep links. */
export const PERSONAL_TAB_ENTITY_ID = 'pst-mes-actions';

/** Teams' deep link to « Mes actions » of the PST app (its id in the organisation's catalog). */
export function personalTabDeepLink(teamsAppId: string): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${PERSONAL_TAB_ENTITY_ID}`;
}

/** SharePoint Online's first-party app, which issues the tokens of SPFx tabs. */
const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

/**
 * SharePoint's host page of an SPFx tab, behind its Teams sign-in. A channel tab runs in the
 * team's own site (`{teamSiteDomain}{teamSitePath}`, filled in by Teams); the personal app has
 * no team, so it opens on the CPAS's PST site, where the lists are.
 */
function hostedUrl(componentId: string, query: string, site: { origin: string; path: string }): string {
  return (
    `${site.origin}${site.path}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=${site.path}/_layouts/15/teamshostedapp.aspx` +
    `%3F${query}%26componentId=${componentId}%26forceLocale={locale}`
  );
}

export function teamsManifest(app: TeamsAppInfo, dashboard: WebPartManifestInfo, cards: WebPartManifestInfo): Record<string, unknown> {
  const pstSite = new URL(app.siteUrl);
  const personalSite = { origin: pstSite.origin, path: pstSite.pathname.replace(/\/+$/, '') };
  const teamSite = { origin: 'https://{teamSiteDomain}', path: '{teamSitePath}' };
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: TEAMS_MANIFEST_VERSION,
    id: app.appId,
    version: app.version,
    developer: { name: app.developerName, websiteUrl: app.websiteUrl, privacyUrl: app.privacyUrl, termsOfUseUrl: app.termsOfUseUrl },
    name: { short: 'PST', full: 'Programme stratégique transversal' },
    description: {
      short: 'Suivi du PST : tableau de bord et actions',
      full: `${dashboard.description.fr} ${cards.description.fr}`,
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#5B5FC7',
    localizationInfo: { defaultLanguageTag: 'fr-be', additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }] },
    configurableTabs: [
      {
        configurationUrl: hostedUrl(dashboard.id, 'openPropertyPane=true%26teams', teamSite),
        canUpdateConfiguration: true,
        scopes: ['team'],
        context: ['channelTab'],
      },
    ],
    staticTabs: [
      {
        entityId: PERSONAL_TAB_ENTITY_ID,
        name: 'Mes actions',
        contentUrl: hostedUrl(cards.id, 'teams%26personal', personalSite),
        scopes: ['personal'],
      },
    ],
    permissions: ['identity'],
    validDomains: [pstSite.host, '*.login.microsoftonline.com', '*.sharepoint.com', '*.sharepoint-df.com', 'spoppe-a.akamaihd.net', 'spoprod-a.akamaihd.net', 'resourceseng.blob.core.windows.net', 'msft.spoppe.com'],
    ...(app.activityFeedAppId
      ? {
          webApplicationInfo: { id: app.activityFeedAppId, resource: `api://pst-cpas/${app.activityFeedAppId}` },
          activities: {
            activityTypes: [{ type: PST_ACTIVITY_TYPE, description: 'Actions du PST qui demandent votre attention', templateText: '{count} action(s) du PST demandent votre attention' }],
          },
        }
      : { webApplicationInfo: { resource: pstSite.origin, id: SHAREPOINT_APP_ID } }),
  };
}

/** The English strings of the manifest (Teams localization file). */
export function teamsLocalizationEn(dashboard: WebPartManifestInfo, cards: WebPartManifestInfo): Record<string, unknown> {
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
    'name.short': 'PST',
    'name.full': 'Strategic cross-cutting programme',
    'description.short': 'PST follow-up: dashboard and actions',
    'description.full': `${dashboard.description.en} ${cards.description.en}`,
    'staticTabs[0].name': 'My actions',
  };
}
