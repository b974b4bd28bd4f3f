/**
 * The HTML of the SPFx workbench page: the framework's loader assembly, the data a
 * SharePoint page preloads (manifests and `spPageContextInfo` for the local site), and a
 * bar with the user, theme and language switchers. The theme changes live (the framework's
 * ThemeProvider raises its event); user and language reload the page, as in SharePoint.
 */
import { HOST_THEMES, HostTheme, THEMES } from '../../../components/ui/themes';
import type { LocalUser } from '../samplePst';
import type { ComponentManifest } from './manifests';
import { APPLICATION_ID, ROUTES } from './manifests';

export type WorkbenchLang = 'fr' | 'en';

/** `?webparts=` keys and the aliases of the solution's web parts. */
export const WEB_PART_KEYS: Record<string, string> = { tree: 'ObjectiveTreeWebPart', cards: 'ProjectCardsWebPart', dashboard: 'PstDashboardWebPart' };

const TEXT = {
  fr: {
    title: 'Poste de travail SPFx local – PST',
    heading: 'Poste de travail SPFx local',
    intro: 'Le moteur SharePoint Framework 1.23.2 de node_modules charge le build de livraison (release/) contre la base locale.',
    user: 'Utilisateur',
    theme: 'Thème',
    language: 'Langue',
    intranet: 'Intranet local',
    themes: { sharepoint: 'SharePoint', teamsDefault: 'Teams clair', teamsDark: 'Teams sombre', teamsContrast: 'Contraste élevé' } as Record<HostTheme, string>,
    failed: 'Le poste de travail n’a pas pu démarrer :',
    noBuild: 'Aucun build de livraison dans release/. Lancez « npm run build » (ou « npx gulp bundle --ship »), puis rechargez cette page.',
  },
  en: {
    title: 'Local SPFx workbench – PST',
    heading: 'Local SPFx workbench',
    intro: 'The SharePoint Framework 1.23.2 runtime from node_modules loads the ship build (release/) against the local store.',
    user: 'User',
    theme: 'Theme',
    language: 'Language',
    intranet: 'Local intranet',
    themes: { sharepoint: 'SharePoint', teamsDefault: 'Teams light', teamsDark: 'Teams dark', teamsContrast: 'High contrast' } as Record<HostTheme, string>,
    failed: 'The workbench could not start:',
    noBuild: 'No ship build in release/. Run "npm run build" (or "npx gulp bundle --ship"), then reload this page.',
  },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The site theme in the shape SPFx's ThemeProvider holds (palette, semantic colours). */
export function spfxTheme(name: HostTheme): { palette: unknown; semanticColors: unknown; isInverted: boolean } {
  const theme = THEMES[name];
  return { palette: theme.palette, semanticColors: theme.semanticColors, isInverted: theme.isInverted };
}

export function noBuildPage(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${TEXT.fr.title}</title></head>
<body style="font-family:'Segoe UI',sans-serif;max-width:44em;margin:3em auto">
<h1>${TEXT.fr.heading}</h1><p role="alert">${escapeHtml(TEXT.fr.noBuild)}</p>
<p lang="en" role="note">${escapeHtml(TEXT.en.noBuild)}</p></body></html>`;
}

export interface WorkbenchPageInput {
  readonly origin: string;
  readonly manifests: ComponentManifest[];
  readonly solution: ComponentManifest[];
  readonly webParts: readonly string[];
  readonly lang: WorkbenchLang;
  readonly theme: HostTheme;
  readonly user: LocalUser;
  readonly users: readonly LocalUser[];
  readonly siteTitle: string;
}

export function workbenchPage(input: WorkbenchPageInput): string {
  const text = TEXT[input.lang];
  const uiCulture = input.lang === 'en' ? 'en-US' : 'fr-FR';
  const webParts = input.webParts.map((key) => {
    const manifest = input.solution.find((m) => m.alias === WEB_PART_KEYS[key]);
    const title = manifest?.preconfiguredEntries?.[0]?.title;
    return { key, id: manifest?.id ?? key, title: title?.[uiCulture.toLowerCase()] ?? title?.default ?? key };
  });
  const isAdmin = input.user.role === 'coordinator';
  const preloaded = {
    clientSideApplicationId: APPLICATION_ID,
    buildNumber: 'pst-local-workbench',
    manifests: input.manifests,
    spPageContextInfo: {
      CorrelationId: '00000000-0000-4000-b000-000000000001',
      currentCultureName: 'fr-BE',
      currentUICultureName: uiCulture,
      ExpFeatures: [],
      ECSClientFeatures: {},
      killSwitches: {
        'a3f45048-0db5-4b7c-9a9a-e3183d216c4d': true, // property pane: no Content Panel (the side panel of SharePoint's pages)
        '2bf3e1ce-55da-4552-bc41-e3d072202d3c': true, // loader: no AAD token prefetch at start
      },
      isAnonymousGuestUser: false,
      isExternalGuestUser: false,
      isEmailAuthenticationGuestUser: false,
      siteAbsoluteUrl: `${input.origin}/sites/pst`,
      siteServerRelativeUrl: '/sites/pst',
      siteId: '00000000-0000-4000-b000-000000000002',
      webAbsoluteUrl: `${input.origin}/sites/pst`,
      webServerRelativeUrl: '/sites/pst',
      webId: '00000000-0000-4000-b000-000000000003',
      webTitle: input.siteTitle,
      webLanguage: 1036,
      webLanguageName: 'fr-FR',
      webTemplate: 'SITEPAGEPUBLISHING',
      // Full control for the coordinator, SharePoint's "Read" level otherwise (the store enforces the real rights).
      webPermMasks: isAdmin ? { High: 0x7fffffff, Low: 0xffffffff } : { High: 176, Low: 138612833 },
      isSiteAdmin: isAdmin,
      userDisplayName: input.user.displayName,
      userEmail: input.user.email,
      userLoginName: input.user.email,
      userPrincipalName: input.user.email,
      userId: 0,
      serverRequestPath: '/sites/pst/_layouts/15/workbench.aspx',
      pageItemId: -1,
      listId: '',
      sitePagesEnabled: true,
      featureInfo: {},
      // No form digest: PnPjs's SPFx behaviour asks /_api/contextinfo, as on a page whose digest expired.
      formDigestTimeoutSeconds: 1800,
      serverTime: new Date().toISOString(),
      // The framework's Graph client (MSGraphClientV3) calls the local Graph.
      msGraphEndpointUrl: `${input.origin}/graph`,
      env: 'prod',
      cloudType: 'Prod',
      farmLabel: 'local',
      // The framework's telemetry goes to this server, never to Microsoft.
      oneDsCollectorUrl: `${input.origin}/_workbench/telemetry`,
    },
  };
  const config = { webParts, theme: spfxTheme(input.theme), themes: Object.fromEntries(HOST_THEMES.map((t) => [t, spfxTheme(t)])) };
  const option = (value: string, label: string, selected: boolean) => `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  return `<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(text.title)}</title>
<style>
  body { margin: 0; font-family: 'Segoe UI', 'Segoe UI Web (West European)', sans-serif; }
  .workbench-bar { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; padding: 8px 16px; background: #03787c; color: #fff; }
  .workbench-bar h1 { font-size: 18px; margin: 0 16px 0 0; }
  .workbench-bar a { color: #fff; }
  .workbench-bar label { display: flex; gap: 6px; align-items: center; }
  #workbench-canvas { padding: 16px; display: grid; gap: 24px; }
  .workbench-webpart { min-height: 80px; }
  #workbench-error { color: #a4262c; padding: 0 16px; white-space: pre-line; }
</style>
<!-- Fluent's Segoe UI faces would come from Microsoft's CDN: the page stays on this machine. -->
<script>window.FabricConfig = { fontBaseUrl: '' };</script>
<script src="${ROUTES.framework}sp-loader/sp-loader-assembly_en-us.js"></script>
<script src="${ROUTES.shims}icons.js"></script>
</head>
<body>
<header class="workbench-bar">
  <h1>${escapeHtml(text.heading)}</h1>
  <label>${escapeHtml(text.user)} <select id="workbench-user">${input.users.map((u) => option(u.email, u.displayName, u.email === input.user.email)).join('')}</select></label>
  <label>${escapeHtml(text.theme)} <select id="workbench-theme">${HOST_THEMES.map((t) => option(t, text.themes[t], t === input.theme)).join('')}</select></label>
  <label>${escapeHtml(text.language)} <select id="workbench-lang">${option('fr', 'Français', input.lang === 'fr')}${option('en', 'English', input.lang === 'en')}</select></label>
  <a href="/">${escapeHtml(text.intranet)}</a>
</header>
<p class="workbench-intro" style="padding:0 16px">${escapeHtml(text.intro)}</p>
<div id="workbench-error" role="alert"></div>
<main id="workbench-canvas"></main>
<script>
(function () {
  var config = ${scriptJson(config)};
  window.__pstWorkbenchConfig = config;
  function reloadWith(name, value) { var url = new URL(location.href); url.searchParams.set(name, value); location.href = url.toString(); }
  document.getElementById('workbench-user').addEventListener('change', function (e) {
    document.cookie = 'pst-user=' + encodeURIComponent(e.target.value) + '; path=/; SameSite=Strict';
    location.reload();
  });
  document.getElementById('workbench-lang').addEventListener('change', function (e) { reloadWith('lang', e.target.value); });
  document.getElementById('workbench-theme').addEventListener('change', function (e) {
    var url = new URL(location.href); url.searchParams.set('theme', e.target.value); history.replaceState(null, '', url.toString());
    window.__pstWorkbench.setTheme(config.themes[e.target.value]);
  });
  // A component the framework asks for at run time that the shim table lacks: the workbench
  // answers 501 with a message naming it (workbench.ts); the page shows that message.
  var nativeFetch = window.fetch;
  window.fetch = function (input, init) {
    var url = typeof input === 'string' ? input : (input && input.url) || '';
    return nativeFetch.call(window, input, init).then(function (response) {
      if (response.status === 501 && /_api.web.GetClientSideComponents$/i.test(url)) {
        response.clone().json().then(function (body) { fail(new Error(body['odata.error'].message.value)); }, function () {});
      }
      return response;
    });
  };
  function fail(error) {
    var message = String((error && (error.message || error.stack)) || error);
    window.__pstWorkbenchError = message;
    var area = document.getElementById('workbench-error');
    // Every failure stays listed: a run-time one must not hide the start's.
    area.textContent = (area.textContent ? area.textContent + '\\n' : '') + ${scriptJson(text.failed)} + ' ' + message;
    console.error('[workbench]', error);
  }
  window.spModuleLoader.start(${scriptJson(preloaded)}, fail)
    .then(function (app) { return app.webParts; })
    .then(function (loaded) { window.__pstWorkbenchReady = loaded; })
    .catch(fail);
})();
</script>
</body>
</html>`;
}
