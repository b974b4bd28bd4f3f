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

export interface TeamsAppInfo {
  readonly appId: string;
  /**
   * The reminder job's Entra app, when it posts activity-feed notifications: Teams only
   * accepts them from the app named in `webApplicationInfo`, and the activity type must be
   * declared. The SPFx tabs sign in through TeamsLogon.aspx and do not use it.
   */
  readonly activityFeedAppId?: string;
  readonly version: string;
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

function hostedUrl(componentId: string, query: string, withSitePath: boolean): string {
  const sitePath = withSitePath ? '{teamSitePath}' : '';
  return (
    `https://{teamSiteDomain}${sitePath}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=${sitePath}/_layouts/15/teamshostedapp.aspx` +
    `%3F${query}%26componentId=${componentId}%26forceLocale={locale}`
  );
}

export function teamsManifest(app: TeamsAppInfo, dashboard: WebPartManifestInfo, cards: WebPartManifestInfo): Record<string, unknown> {
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
        configurationUrl: hostedUrl(dashboard.id, 'openPropertyPane=true%26teams', true),
        canUpdateConfiguration: true,
        scopes: ['team'],
        context: ['channelTab'],
      },
    ],
    staticTabs: [
      {
        entityId: PERSONAL_TAB_ENTITY_ID,
        name: 'Mes actions',
        contentUrl: hostedUrl(cards.id, 'teams%26personal', false),
        scopes: ['personal'],
      },
    ],
    permissions: ['identity'],
    validDomains: ['*.login.microsoftonline.com', '*.sharepoint.com', '*.sharepoint-df.com', 'spoppe-a.akamaihd.net', 'spoprod-a.akamaihd.net', 'resourceseng.blob.core.windows.net', 'msft.spoppe.com'],
    ...(app.activityFeedAppId
      ? {
          webApplicationInfo: { id: app.activityFeedAppId, resource: `api://pst-cpas/${app.activityFeedAppId}` },
          activities: {
            activityTypes: [{ type: PST_ACTIVITY_TYPE, description: 'Actions du PST qui demandent votre attention', templateText: '{count} action(s) du PST demandent votre attention' }],
          },
        }
      : { webApplicationInfo: { resource: 'https://{teamSiteDomain}', id: SHAREPOINT_APP_ID } }),
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
