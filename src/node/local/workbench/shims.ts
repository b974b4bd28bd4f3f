/**
 * The pieces SharePoint's pages give the SPFx runtime that no npm package ships. The
 * framework's bundles (node_modules/@microsoft/<pkg>/dist) name them by component id; this
 * table says which ids the local workbench answers and with what. An id the framework asks
 * for that the table lacks fails loudly: a manifest dependency stops the page
 * (`assertAnswered`); an id a chunk asks for at run time reaches the workbench's
 * `GetClientSideComponents` (workbench.ts), which answers 501 with this error's message
 * (naming the id), writes it to the server's console, and the page shows it. A new SPFx
 * version must be looked at, not guessed.
 *
 * Answers:
 * - `assembly`: inside sp-loader-assembly already; only its manifest must be preloaded.
 * - `npm`: a file of node_modules served as it is (react, react-dom UMD).
 * - `fluent8` / `fluent9`: SharePoint's per-control Fluent bundles are slices of Fluent UI 8
 *   or 9; node_modules' own Fluent, wrapped as AMD (fluentBundles.ts), answers them.
 * - `graph-client`: node_modules' @microsoft/microsoft-graph-client, wrapped as AMD.
 * - `react-dom`: ReactDOM itself (SharePoint's render bundle is a slice of it).
 * - `helper`: a few names the property pane reads (`HELPER_EXPORTS`, which also completes
 *   the Fluent slices that export more than Fluent).
 * - `source`: a small module written here (`SHIM_SOURCES`).
 */

export type ShimAnswer = 'assembly' | 'npm' | 'fluent8' | 'fluent9' | 'react-dom' | 'graph-client' | 'helper' | 'source';

export interface ShimEntry {
  readonly id: string;
  readonly version: string;
  /** The module name the framework's define() calls use. */
  readonly alias: string;
  readonly answer: ShimAnswer;
  /** Why SharePoint has it, in a few words. */
  readonly what: string;
}

const entry = (id: string, version: string, alias: string, answer: ShimAnswer, what: string): ShimEntry => ({ id, version, alias, answer, what });

export const SHIM_TABLE: readonly ShimEntry[] = [
  entry('01c4df03-e775-48cb-aa14-171ee5199a15', '2.3.1', 'tslib', 'assembly', 'TypeScript helpers'),
  entry('229b8d08-79f3-438b-8c21-4613fc877abd', '0.1.2', '@microsoft/load-themed-styles', 'assembly', 'themed CSS loader'),
  entry('2e09fb9b-13bb-48f2-859f-97d6fff71176', '1.5.82', '@msinternal/odsp-core-bundle', 'assembly', 'OneDrive/SharePoint core helpers'),
  entry('8217e442-8ed3-41fd-957d-b112e841286a', '0.35.145', '@msinternal/sp-telemetry', 'assembly', 'telemetry'),
  entry('0d910c1c-13b9-4e1c-9aa4-b008c5e42d7d', '17.0.1', 'react', 'npm', 'React 17 (UMD from node_modules/react)'),
  entry('aa0a46ec-1505-43cd-a44a-93f3a5aa460a', '17.0.1', 'react-dom', 'npm', 'ReactDOM 17 (UMD from node_modules/react-dom)'),
  entry('6d3c733c-8cb7-4871-bb22-b5b37c1d518d', '0.6.0', '@msinternal/sp-safehtml', 'source', 'HTML cleaning of isHtmlString properties'),
  entry('42647dee-1f75-4b9f-b521-5c844a6c35cc', '0.1.0', '@msinternal/sp-edit-customer-promise', 'source', 'edit-mode failure telemetry'),
  entry('c49ba483-7614-4c5c-b9dd-11b45a5fa280', '0.1.2', '@msinternal/sp-idle-web-task', 'source', 'idle-time task queue'),
  entry('cc2cc925-b5be-41bb-880a-f0f8030c6aff', '5.6.604', '@msinternal/odsp-utilities-bundle', 'helper', 'string formatting helper'),
  entry('8494e7d7-6b99-47b2-a741-59873e42f16f', '13.15.20', '@msinternal/sp-component-utilities', 'helper', 'page constants'),
  entry('3173fefe-9995-49d1-a75d-a5caeaaba212', '0.1.0', '@msinternal/sp-pages-content-panel-context', 'helper', 'side content panel (switched off)'),
  entry('bf211556-3cf0-412c-9618-a4f0e7069ebf', '0.1.0', '@msinternal/sp-heading-level', 'helper', 'heading levels'),
  entry('17ce0976-e69a-4355-be84-89b69a74717d', '0.3.65', '@msinternal/fabric-styling', 'fluent8', 'Fabric styling utilities and Icon'),
  entry('63d75709-2785-4c91-97ad-489b171397d4', '0.1.0', '@msinternal/sp-fluentui-migration-reactdom-render-bundle', 'react-dom', 'ReactDOM render'),
  entry('396bbc17-3d18-4f43-8299-d99720d88e22', '1.19.60', '@ms/office-ui-fabric-react-bundle', 'fluent8', 'Fluent UI 8'),
  entry('fab65e60-a04f-4772-874c-10691e4afa4b', '0.1.0', '@msinternal/sp-fluentui-migration-tooltip-bundle', 'fluent8', 'Fluent 8 tooltip'),
  entry('0ad7e31a-8df9-4659-add8-a32c8e40040d', '0.1.0', '@msinternal/sp-fluentui-migration-button-bundle', 'fluent8', 'Fluent 8 button'),
  entry('ffe5c101-373a-4bd2-bebb-13082852bab0', '0.1.0', '@msinternal/sp-fluentui-migration-label-bundle', 'fluent8', 'Fluent 8 label'),
  entry('72ec0651-8a26-441c-87f2-77ec66884ca3', '0.1.0', '@msinternal/sp-fluentui-v9-react-button-bundle', 'fluent9', 'Fluent 9 button'),
  entry('0ec74f52-38bc-4a51-ab82-7c91a2b399a2', '0.1.0', '@msinternal/sp-fluentui-v9-utilities-bundle', 'fluent9', 'Fluent 9 utilities'),
  entry('f652a763-4d5f-4a08-aed3-d3377ef835ff', '0.1.0', '@msinternal/sp-fluentui-v9-react-menu-bundle', 'fluent9', 'Fluent 9 menu'),
  entry('d3139516-bb4d-4141-9d35-a8aefe0272ec', '0.1.0', '@msinternal/sp-fluentui-v9-react-field-bundle', 'fluent9', 'Fluent 9 field'),
  entry('17f3a86d-33ce-4338-8594-8700ee90c494', '0.1.0', '@msinternal/sp-fluentui-v9-react-infolabel-bundle', 'fluent9', 'Fluent 9 info label'),
  entry('33c5a798-8532-4741-888a-d0a7734036b5', '0.1.0', '@msinternal/sp-fluentui-v9-react-tooltip-bundle', 'fluent9', 'Fluent 9 tooltip'),
  entry('29728f96-9823-40fa-a481-ffdf106880b1', '0.1.0', '@msinternal/sp-fluentui-v9-react-combobox-bundle', 'fluent9', 'Fluent 9 combobox'),
  entry('dbdce381-c024-42a0-ab20-4134aca49a27', '0.1.0', '@msinternal/sp-fluentui-v9-react-label-bundle', 'fluent9', 'Fluent 9 label'),
  // Loaded by id from the property pane's control chunk (not in any manifest's dependencies).
  entry('7763227c-dff4-4ad6-a8bd-4d6e41c3afd8', '0.1.0', 'fluent-focustrapzone', 'fluent8', 'Fluent 8 FocusTrapZone'),
  entry('89f063a9-3b5f-4ac2-a3ec-b598f37acb89', '0.1.0', 'fluent-spinner', 'fluent8', 'Fluent 8 Spinner'),
  entry('b9fc293f-811a-4b1c-a851-a1fbcb7851bf', '0.1.0', 'fluent-customizer', 'fluent8', 'Fluent 8 Customizer'),
  entry('111fe4c6-f1c2-4325-a129-3526437cba32', '0.1.0', 'fluent-link', 'fluent8', 'Fluent 8 Link'),
  entry('4c7a0268-816b-4ba5-ab33-df85b4bbf18c', '0.1.0', 'fluent-textfield', 'fluent8', 'Fluent 8 TextField'),
  entry('4a37fff0-2aea-4df6-b0e4-061644a5c355', '0.1.0', 'fluent-checkbox', 'fluent8', 'Fluent 8 Checkbox'),
  entry('7f394f7b-0b39-41b0-89b3-16946caa2f33', '0.1.0', 'fluent-choicegroup', 'fluent8', 'Fluent 8 ChoiceGroup'),
  entry('9f15c0bf-73f0-4365-a7c0-5b2072882dbb', '0.1.0', 'fluent-dropdown', 'fluent8', 'Fluent 8 Dropdown'),
  entry('215395c1-25f7-42ff-967c-8832aff2ab33', '0.1.0', 'fluent-slider', 'fluent8', 'Fluent 8 Slider'),
  entry('b67b6cf3-ed44-4fad-af6b-3d78f3e35971', '0.1.0', 'fluent-spinbutton', 'fluent8', 'Fluent 8 SpinButton'),
  entry('a86b8f98-2f15-4506-b455-c1e9fe8da1bd', '0.1.0', 'fluent-callout', 'fluent8', 'Fluent 8 Callout'),
  // Loaded by id from sp-http-msgraph's MSGraphClientV3 chunk.
  entry('32b9363b-09ff-4959-929a-cab2663fb223', '3.0.2', '@microsoft/microsoft-graph-client', 'graph-client', 'Graph JavaScript client'),
  entry('e7b22f8f-a734-4a67-bd3c-667c8ad8fcbc', '0.1.0', 'fluent9-switch', 'fluent9', 'Fluent 9 Switch'),
  entry('89b85dbe-f07e-424d-88da-a84f647073e2', '0.1.0', 'fluent9-tabs', 'fluent9', 'Fluent 9 tabs'),
  entry('b99a20f7-e090-4a32-a841-7866d0be8d59', '0.1.0', 'fluent9-overflow', 'fluent9', 'Fluent 9 overflow'),
];

const BY_ID = new Map(SHIM_TABLE.map((e) => [e.id, e]));

export function shimFor(id: string): ShimEntry | undefined {
  return BY_ID.get(id.toLowerCase());
}

export class UnknownComponentError extends Error {
  constructor(readonly ids: readonly string[]) {
    super(
      `Le poste de travail SPFx local ne sait pas répondre au composant SharePoint ${ids.join(', ')} : ajoutez-le à la table de src/node/local/workbench/shims.ts. ` +
        `(The local SPFx workbench does not answer SharePoint component ${ids.join(', ')}: add it to the table in src/node/local/workbench/shims.ts.)`,
    );
    this.name = 'UnknownComponentError';
  }
}

/** Throws when a component the framework depends on is neither on npm nor in the table. */
export function assertAnswered(requiredIds: Iterable<string>, shippedIds: ReadonlySet<string>): void {
  const missing = [...requiredIds].filter((id) => !shippedIds.has(id) && !BY_ID.has(id));
  if (missing.length) throw new UnknownComponentError(missing);
}

/** What the internal helper bundles export besides Fluent, by alias (names the property pane reads). */
const HELPER_EXPORTS: Record<string, string> = {
  '@msinternal/odsp-utilities-bundle': `{ StringHelper: { format: function (s) { var a = [].slice.call(arguments, 1); return String(s).replace(/\\{(\\d+)\\}/g, function (m, i) { return a[i] !== undefined ? a[i] : m; }); } } }`,
  // The content panel is switched off by a kill switch in the page context: these names only keep its imports resolvable.
  '@msinternal/sp-pages-content-panel-context': `{ SPPagesContentPanelProviderContext: React.createContext(undefined), monitorChunkLoad: function (n, p) { return p; }, getQOSName: function (s) { return String(s); }, SPPagesContentPanelQOSScenarios: {}, SPPagesContentPanelPivot: {}, SPPagesContentPanelCommandId: {} }`,
  '@msinternal/fabric-styling': `{ _Utilities: base, workaround_Icon: base.Icon }`,
  '@msinternal/sp-heading-level': `{ _DEFAULT_HEADING_LEVEL: 2, _HeadingLevel: { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 } }`,
  '@msinternal/sp-component-utilities': `{ FAB_TOGGLE_EVT: 'fabToggle', ReadingMode: { ReadImmediately: 0, ReadAfterOtherContent: 1 }, getTimestampForGettyContent: function () { return ''; } }`,
};

/**
 * A Fluent slice or helper bundle: the Fluent build (`base`) plus the helpers above. A name
 * neither has is answered by an inert function and reported once in the console, so a
 * control SharePoint adds later shows up in the page's log instead of breaking the pane.
 */
export function sliceModuleSource(shim: ShimEntry): string {
  return `// ${shim.alias} (${shim.id}): ${shim.what}, answered by node_modules' ${shim.answer} (src/node/local/workbench/shims.ts).
define(['base', 'react'], function (base, React) {
  var real = Object.assign({}, base || {}, ${HELPER_EXPORTS[shim.alias] ?? '{}'});
  function inert(path) { var f = function () { return undefined; }; return new Proxy(f, { get: function (t, p) { if (p === 'then') return undefined; if (typeof p === 'symbol' || p === 'prototype') return t[p]; return inert(path + '.' + String(p)); } }); }
  return new Proxy(real, { get: function (t, p) {
    if (p in t) return t[p];
    if (p === '__esModule') return true;
    if (p === 'then' || typeof p === 'symbol') return undefined;
    console.warn('[workbench] ${shim.alias}.' + String(p) + ' is not in node_modules\\' Fluent: inert stand-in');
    return (t[p] = inert('${shim.alias}.' + String(p)));
  } });
});
`;
}

/** The `source` shims: SharePoint-internal services, reduced to what a local page needs. */
export const SHIM_SOURCES: Record<string, string> = {
  '@msinternal/sp-safehtml': `// SharePoint's sanitizer for web part properties marked isHtmlString: drops scripts, frames and event attributes.
define([], function () {
  var SafeHtml = {
    isSafeLinkProtocol: function (p) { return /^(https?|mailto|tel):?$/i.test(p || ''); },
    clean: function (html) {
      var t = document.createElement('template'); t.innerHTML = String(html);
      t.content.querySelectorAll('script,iframe,object,embed').forEach(function (n) { n.remove(); });
      t.content.querySelectorAll('*').forEach(function (n) { Array.from(n.attributes).forEach(function (a) { if (/^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)) n.removeAttribute(a.name); }); });
      return t.innerHTML;
    },
  };
  return { __esModule: true, SafeHtml: SafeHtml };
});
`,
  '@msinternal/sp-edit-customer-promise': `// SharePoint's telemetry of edit-mode failures: the local page writes them to the console.
define(['@microsoft/sp-core-library'], function (core) {
  function logFailure(details) { console.warn('[workbench] edit-mode failure', details); }
  return {
    __esModule: true,
    _logFailuresForEditCustomerPromise: logFailure,
    _EditModeCustomerPromiseHandler: { serviceKey: core.ServiceKey.create('EditModeCustomerPromiseHandler', function () { return { logFailure: logFailure }; }) },
  };
});
`,
  '@msinternal/sp-idle-web-task': `// SharePoint's idle-time task queue: tasks run when the browser is idle.
define([], function () {
  var pending = {};
  var schedule = window.requestIdleCallback || setTimeout;
  var cancel = window.cancelIdleCallback || clearTimeout;
  var IdleTaskQueue = { instance: {
    enqueueTask: function (t) { pending[t.id] = schedule(function () { delete pending[t.id]; t.task(); }); },
    removeTask: function (id) { if (pending[id]) { cancel(pending[id]); delete pending[id]; } },
  } };
  function createPrefetchDependencyQueue(id, deps) {
    var run = function () { Object.keys(deps).forEach(function (k) { try { deps[k].prefetch(); } catch (e) { console.warn('[workbench] prefetch failed', k, e); } }); };
    return { prefetchByPriorityWhenIdle: run, prefetchByPriority: run, cancelPrefetching: function () {} };
  }
  return { __esModule: true, IdleTaskQueue: IdleTaskQueue, IdleTaskPriority: { REQUIRED: 0, OPTIONAL_HIGH: 1, OPTIONAL_LOW: 2 }, PrefetchDependencyPriority: { high: 0, low: 1 }, createPrefetchDependencyQueue: createPrefetchDependencyQueue };
});
`,
};
