/**
 * node_modules' own Fluent UI 8 and 9 and Graph JavaScript client wrapped as AMD modules for
 * the SPFx loader (they answer SharePoint's per-control Fluent bundles and its Graph client
 * component, see shims.ts), and the MDL2 icon font
 * registration a SharePoint page does for every web part. Built with esbuild on first use,
 * kept in node_modules/.cache (so a new `npm ci` rebuilds them), never in the repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type FluentBundle = 'fluent8' | 'fluent9' | 'icons' | 'graphClient';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');

function versionOf(pkg: string): string {
  return (JSON.parse(fs.readFileSync(path.join(NODE_MODULES, pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

const ENTRIES: Record<FluentBundle, () => { source: string; key: string }> = {
  fluent8: () => ({
    key: `fluent8-${versionOf('@fluentui/react')}`,
    // `autobind`: office-ui-fabric-react 7's decorator, still used by the property pane's controls.
    source: `export * from '@fluentui/react';
export function autobind(target, key, descriptor) {
  const fn = descriptor.value;
  return { configurable: true, get() { const bound = fn.bind(this); Object.defineProperty(this, key, { value: bound, configurable: true, writable: true }); return bound; } };
}`,
  }),
  fluent9: () => ({ key: `fluent9-${versionOf('@fluentui/react-components')}`, source: `export * from '@fluentui/react-components';` }),
  // SharePoint hosts the Graph JavaScript client as a component of its own; npm ships it as a package.
  graphClient: () => ({ key: `graph-client-${versionOf('@microsoft/microsoft-graph-client')}`, source: `export * from '@microsoft/microsoft-graph-client';` }),
  icons: () => ({
    key: `icons-${versionOf('@fluentui/font-icons-mdl2')}`,
    source: `import { initializeIcons } from '@fluentui/font-icons-mdl2';
initializeIcons('/local/fonts/');`,
  }),
};

const building = new Map<FluentBundle, Promise<string>>();

async function build(name: FluentBundle): Promise<string> {
  const { key, source } = ENTRIES[name]();
  const cacheFile = path.join(NODE_MODULES, '.cache', 'pst-workbench', `${key}.js`);
  if (fs.existsSync(cacheFile)) return fs.readFileSync(cacheFile, 'utf8');
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: REPO_ROOT, loader: 'js' },
    bundle: true,
    format: name === 'icons' ? 'iife' : 'cjs',
    platform: 'browser',
    minify: true,
    write: false,
    // Only React itself stays outside (react/jsx-runtime is bundled and asks for React).
    plugins: [{ name: 'react-outside', setup: (b) => b.onResolve({ filter: /^react(-dom)?$/ }, (a) => ({ path: a.path, external: true })) }],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  // React and ReactDOM stay the framework's components: the wrapper hands them to the bundle.
  const dependencies = name === 'graphClient' ? '' : `'react','react-dom'`;
  const amd =
    name === 'icons'
      ? code
      : `define([${dependencies}],function(__react,__reactDom){var module={exports:{}},exports=module.exports;var require=function(n){if(n==='react')return __react;if(n==='react-dom')return __reactDom;throw new Error('not bundled: '+n)};\n${code}\nreturn module.exports;});\n`;
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, amd);
  fs.renameSync(temporary, cacheFile);
  return amd;
}

/** The bundle's JavaScript (built once per Fluent version). */
export function fluentBundle(name: FluentBundle): Promise<string> {
  let pending = building.get(name);
  if (!pending) {
    pending = build(name);
    pending.catch(() => building.delete(name));
    building.set(name, pending);
  }
  return pending;
}
