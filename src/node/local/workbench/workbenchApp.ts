/**
 * The stand-in for `sp-application-base` (SharePoint's page host, not on npm). The loader's
 * `SPStarter.start()` ends with `new _Navigator(scope).navigateToApplication(data)`; here
 * the application is the workbench page: it gives the framework what a SharePoint page
 * gives it (the page context, the token provider, the site theme) and
 * asks the framework's `_ClientSideWebPartManager` to load the chosen web parts. Everything
 * else (onInit, render, the property pane, SPHttpClient) is the framework's own code.
 *
 * The Graph endpoint is the local Graph (`/graph`), and the token the framework's
 * MSGraphClientV3 sends is the local session's browser token: the local Graph knows who
 * calls by the page's HttpOnly cookie, as Graph knows a user by an AAD token.
 */
import { LOCAL_BROWSER_TOKEN } from '../localSession';

export const WORKBENCH_APP_SOURCE = `// sp-application-base for the local workbench (src/node/local/workbench/workbenchApp.ts).
define(['@microsoft/sp-core-library', '@microsoft/sp-page-context', '@microsoft/sp-webpart-base', '@microsoft/sp-loader', '@microsoft/sp-http-base', '@microsoft/sp-component-base'], function (core, pageContextLib, webPartBase, loader, httpBase, componentBase) {
  var LOCAL_TOKEN = ${JSON.stringify(LOCAL_BROWSER_TOKEN)};
  function localTokenProvider() {
    var provider = {
      tokenAcquisitionEvent: new core.SPEvent('localWorkbench.tokenAcquisition'),
      getToken: function () { return Promise.resolve(LOCAL_TOKEN); },
      _getTokenInternal: function () { return Promise.resolve(LOCAL_TOKEN); },
      _getTokenData: function () { return Promise.resolve({ token: LOCAL_TOKEN }); },
    };
    return provider;
  }
  function _Navigator(serviceScope) { this.serviceScope = serviceScope; }
  _Navigator.prototype.navigateToApplication = function (preloadedData) {
    var scope = this.serviceScope;
    var config = window.__pstWorkbenchConfig;
    var info = preloadedData.spPageContextInfo;
    var pageContext = scope.consume(pageContextLib.PageContext.serviceKey);
    pageContext.initialize(pageContextLib.SharePointPageContextDataProvider._createPageContextData(info), info);
    var tokens = localTokenProvider();
    httpBase._AadTokenProviders._initialize(tokens, tokens);
    var themeProvider = scope.consume(componentBase.ThemeProvider.serviceKey);
    if (config.theme) themeProvider._setTheme(config.theme);

    var manager = new webPartBase._ClientSideWebPartManager(new webPartBase._MinimalWebPartHost(scope));
    var zone = document.getElementById('workbench-canvas');
    var loads = config.webParts.map(function (wanted) {
      var manifest = loader.SPComponentLoader.tryGetManifestById(wanted.id);
      if (!manifest) return Promise.reject(new Error('Pas de manifeste pour la partie ' + wanted.key + ' (' + wanted.id + ')'));
      var instanceId = core.Guid.newGuid().toString();
      var section = document.createElement('section');
      section.className = 'workbench-webpart';
      section.setAttribute('data-webpart', wanted.key);
      section.setAttribute('aria-label', wanted.title);
      zone.appendChild(section);
      var entry = manifest.preconfiguredEntries[0];
      return manager.loadWebPart({
        domElement: section,
        instanceId: instanceId,
        manifest: manifest,
        displayMode: core.DisplayMode.Edit,
        webPartData: { id: manifest.id, instanceId: instanceId, title: wanted.title, dataVersion: '1.0', properties: Object.assign({}, entry.properties) },
      }).then(function () { return { key: wanted.key, instanceId: instanceId, alias: manifest.alias }; });
    });
    var app = {
      manager: manager,
      pageContext: pageContext,
      webParts: Promise.all(loads),
      openPropertyPane: function (instanceId) { manager.requestPropertyPaneAction(instanceId, 'Open'); },
      setTheme: function (theme) { themeProvider._setTheme(theme); },
      // A component by id, as the framework's chunks load them at run time (tests, the console).
      loadComponent: function (id, version) { return loader.SPComponentLoader.loadComponentById(id, version); },
    };
    window.__pstWorkbench = app;
    return app;
  };
  return { __esModule: true, _Navigator: _Navigator };
});
`;
