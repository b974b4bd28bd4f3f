/**
 * The component manifests the workbench page preloads, as a SharePoint page does: the
 * framework's (node_modules/@microsoft/<pkg>/dist/*.manifest.json), the shims' (shims.ts)
 * and the solution's ship build (release/manifests). Base URLs point at this server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertAnswered, SHIM_TABLE, ShimEntry } from './shims';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const MICROSOFT_PACKAGES = path.join(REPO_ROOT, 'node_modules', '@microsoft');
export const RELEASE = path.join(REPO_ROOT, 'release');

/** URL prefixes of what the workbench serves. */
export const ROUTES = {
  framework: '/_workbench/spfx/',
  release: '/_workbench/release/',
  shims: '/_workbench/shims/',
} as const;

interface ScriptResource {
  type: string;
  id?: string;
  version?: string;
  path?: string;
  paths?: Record<string, string>;
  defaultPath?: string;
}

export interface ComponentManifest {
  id: string;
  alias: string;
  version: string;
  componentType: string;
  manifestVersion: number;
  isInternal?: boolean;
  preconfiguredEntries?: { title: Record<string, string>; properties: Record<string, unknown> }[];
  loaderConfig: { internalModuleBaseUrls: string[]; entryModuleId: string; scriptResources: Record<string, ScriptResource> };
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** Every framework manifest npm ships, with the package folder it comes from. */
function frameworkManifestFiles(): { pkg: string; manifest: ComponentManifest }[] {
  const out: { pkg: string; manifest: ComponentManifest }[] = [];
  for (const pkg of fs.readdirSync(MICROSOFT_PACKAGES)) {
    const dist = path.join(MICROSOFT_PACKAGES, pkg, 'dist');
    if (!fs.existsSync(dist)) continue;
    for (const file of fs.readdirSync(dist)) {
      if (file.endsWith('.manifest.json')) out.push({ pkg, manifest: readJson<ComponentManifest>(path.join(dist, file)) });
    }
  }
  return out;
}

export function frameworkManifests(origin: string): ComponentManifest[] {
  return frameworkManifestFiles().map(({ pkg, manifest }) => {
    manifest.loaderConfig.internalModuleBaseUrls = [`${origin}${ROUTES.framework}${pkg}/`];
    // npm carries the framework's strings in en-US only: every other UI language reads those.
    for (const resource of Object.values(manifest.loaderConfig.scriptResources)) {
      if (resource.type === 'localizedPath' && resource.paths?.['en-US']) resource.defaultPath = resource.paths['en-US'];
    }
    return manifest;
  });
}

const component = (id: string, version: string): ScriptResource => ({ type: 'component', id, version });
const REACT = SHIM_TABLE.find((s) => s.alias === 'react')!;
const REACT_DOM = SHIM_TABLE.find((s) => s.alias === 'react-dom')!;
export const FLUENT8_ID = 'c0ffee08-0000-4000-8000-000000000008';
export const FLUENT9_ID = 'c0ffee09-0000-4000-8000-000000000009';
/** The page host the loader starts (sp-application-base) and the application id it names. */
export const APPLICATION_BASE_ID = '4df9bb86-ab0a-4aab-ab5f-48bf167048fb';
export const APPLICATION_ID = 'b2a5d5d4-0c0e-4c55-9a43-7d6a0e1f0a01';

function library(id: string, version: string, alias: string, baseUrl: string, file: string, dependencies: Record<string, ScriptResource> = {}): ComponentManifest {
  return {
    id,
    version,
    alias,
    componentType: 'Library',
    manifestVersion: 2,
    isInternal: true,
    loaderConfig: { internalModuleBaseUrls: [baseUrl], entryModuleId: alias, scriptResources: { [alias]: { type: 'path', path: file }, ...dependencies } },
  };
}

function shimManifest(shim: ShimEntry, origin: string, frameworkIds: Map<string, string>): ComponentManifest {
  const base = `${origin}${ROUTES.shims}`;
  switch (shim.answer) {
    case 'assembly':
      // Carried inside sp-loader-assembly; the loader still wants a manifest for each.
      return library(shim.id, shim.version, shim.alias, base, `assembly-inline/${shim.alias}.js`);
    case 'npm':
      return library(shim.id, shim.version, shim.alias, `${origin}${ROUTES.shims}npm/`, `${shim.alias}.js`, shim.alias === 'react-dom' ? { react: component(REACT.id, REACT.version) } : {});
    case 'source':
      return library(shim.id, shim.version, shim.alias, base, `${shim.id}.js`, shim.alias.endsWith('edit-customer-promise') ? { '@microsoft/sp-core-library': component(frameworkIds.get('SPCoreLibrary')!, '1.23.2') } : {});
    case 'graph-client':
      return library(shim.id, shim.version, shim.alias, base, 'graphClient.js');
    default: {
      const baseComponent =
        shim.answer === 'fluent8'
          ? component(FLUENT8_ID, '8.0.0')
          : shim.answer === 'fluent9'
            ? component(FLUENT9_ID, '9.0.0')
            : shim.answer === 'react-dom'
              ? component(REACT_DOM.id, REACT_DOM.version)
              : component(REACT.id, REACT.version);
      return library(shim.id, shim.version, shim.alias, base, `${shim.id}.js`, { base: baseComponent, react: component(REACT.id, REACT.version) });
    }
  }
}

export function shimManifests(origin: string): ComponentManifest[] {
  const frameworkIds = new Map(frameworkManifestFiles().map(({ manifest }) => [manifest.alias, manifest.id]));
  const base = `${origin}${ROUTES.shims}`;
  const react = { react: component(REACT.id, REACT.version), 'react-dom': component(REACT_DOM.id, REACT_DOM.version) };
  const dependency = (alias: string) => component(frameworkIds.get(alias)!, '1.23.2');
  return [
    ...SHIM_TABLE.map((shim) => shimManifest(shim, origin, frameworkIds)),
    library(FLUENT8_ID, '8.0.0', 'fluent8', base, 'fluent8.js', react),
    library(FLUENT9_ID, '9.0.0', 'fluent9', base, 'fluent9.js', react),
    library(APPLICATION_BASE_ID, '1.23.2', 'sp-application-base', base, 'sp-application-base.js', {
      '@microsoft/sp-core-library': dependency('SPCoreLibrary'),
      '@microsoft/sp-page-context': dependency('SPPageContext'),
      '@microsoft/sp-webpart-base': dependency('SPWebPartBase'),
      '@microsoft/sp-loader': dependency('SPLoader'),
      '@microsoft/sp-http-base': dependency('@microsoft/sp-http-base'),
      '@microsoft/sp-component-base': dependency('SPComponentBase'),
    }),
    {
      id: APPLICATION_ID,
      alias: 'PstLocalWorkbench',
      componentType: 'Application',
      version: '0.0.1',
      manifestVersion: 2,
      isInternal: true,
      loaderConfig: { internalModuleBaseUrls: [base], entryModuleId: 'empty', scriptResources: { empty: { type: 'path', path: 'empty.js' } } },
    },
  ];
}

/** The solution's manifests from the ship build, or undefined when there is none. */
export function solutionManifests(origin: string): ComponentManifest[] | undefined {
  const folder = path.join(RELEASE, 'manifests');
  if (!fs.existsSync(folder)) return undefined;
  const manifests = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.manifest.json'))
    .map((file) => readJson<ComponentManifest>(path.join(folder, file)));
  if (!manifests.some((m) => m.componentType === 'WebPart')) return undefined;
  for (const manifest of manifests) manifest.loaderConfig.internalModuleBaseUrls = [`${origin}${ROUTES.release}`];
  return manifests;
}

/** All manifests of the page; throws UnknownComponentError when a dependency is answered by nobody. */
export function pageManifests(origin: string, solution: ComponentManifest[]): ComponentManifest[] {
  const all = [...frameworkManifests(origin), ...shimManifests(origin), ...solution];
  const known = new Set(all.map((m) => m.id));
  const required = all.flatMap((m) =>
    Object.values(m.loaderConfig.scriptResources)
      .filter((r) => r.type === 'component' && r.id)
      .map((r) => r.id!),
  );
  assertAnswered(required, known);
  return all;
}
