require('@rushstack/eslint-config/patch/modern-module-resolution');

/**
 * The layers of src/ (see each folder's README): one override per layer says what it may
 * not import. `npm run lint` runs this and the import-cycle check; the SPFx build lints too.
 */
const LAYERS = ['text', 'domain', 'strings', 'schema', 'data', 'import', 'mail', 'export', 'components', 'webparts', 'node'];
const BROWSER_UI = ['react', 'react-dom', '@fluentui/*', 'PstStrings'];
const SPFX = ['@microsoft/sp-*'];
const PNP = ['@pnp/*'];
const NODE_BUILTINS = ['fs', 'fs/*', 'path', 'os', 'http', 'https', 'net', 'url', 'crypto', 'child_process', 'stream', 'zlib', 'util', 'node:*'];

/** Deepest folder level below a layer (src/<layer>/a/b/c/file.ts is level 4). */
const MAX_DEPTH = 6;

/**
 * A relative import into one of the `folders` of src/, written from a file `depth` levels
 * below src/: exactly that many `../`, so `../strings/mail` is the strings layer, not mail/.
 */
const into = (folders, depth) => folders.flatMap((f) => [`${'../'.repeat(depth)}${f}`, `${'../'.repeat(depth)}${f}/**`]);

/** One override per depth below src/<name>/, each with the exact relative form of the other layers. */
function layer(name, { mayImport, packages = [], typesOnly = [] }) {
  const forbidden = LAYERS.filter((l) => l !== name && !mayImport.includes(l) && !typesOnly.includes(l));
  return Array.from({ length: MAX_DEPTH }, (_, index) => {
    const depth = index + 1;
    const patterns = [];
    if (forbidden.length) patterns.push({ group: into(forbidden, depth), message: `${name}/ may import only ${mayImport.join(', ') || 'nothing of the other layers'} (see src/${name}/README.md).` });
    if (packages.length) patterns.push({ group: packages, message: `${name}/ is not the layer for this package (see src/${name}/README.md).` });
    for (const folder of typesOnly)
      // A file pattern, not a folder one: gitignore cannot re-include a file below an excluded folder.
      patterns.push({ group: [`${'../'.repeat(depth)}${folder}/*`, `!${'../'.repeat(depth)}${folder}/errors`], allowTypeImports: true, message: `${name}/ may import only types and error classes from ${folder}/.` });
    const folder = `src/${name}/${'*/'.repeat(depth - 1)}`;
    return {
      files: [`${folder}*.ts`, `${folder}*.tsx`],
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
    };
  });
}

module.exports = {
  extends: ['@microsoft/eslint-config-spfx/lib/profiles/react'],
  parserOptions: { tsconfigRootDir: __dirname },
  overrides: [
    ...layer('text', { mayImport: [], packages: [...BROWSER_UI, ...SPFX, ...PNP, ...NODE_BUILTINS] }),
    ...layer('strings', { mayImport: [], packages: [...BROWSER_UI, ...SPFX, ...PNP, ...NODE_BUILTINS] }),
    ...layer('domain', { mayImport: ['text'], packages: [...BROWSER_UI, ...SPFX, ...PNP, ...NODE_BUILTINS] }),
    ...layer('schema', { mayImport: ['domain', 'text', 'strings'], packages: [...BROWSER_UI, ...SPFX, ...PNP, ...NODE_BUILTINS] }),
    ...layer('data', { mayImport: ['schema', 'domain', 'text', 'strings'], packages: [...BROWSER_UI, ...SPFX, ...NODE_BUILTINS] }),
    ...layer('import', { mayImport: ['domain', 'text', 'strings', 'export'], packages: [...BROWSER_UI, ...SPFX, ...PNP, ...NODE_BUILTINS] }),
    ...layer('mail', { mayImport: ['domain', 'text', 'strings'], packages: [...BROWSER_UI, ...SPFX, ...PNP, ...NODE_BUILTINS] }),
    ...layer('export', { mayImport: ['domain', 'text', 'strings'], packages: [...BROWSER_UI, ...SPFX, ...PNP, ...NODE_BUILTINS] }),
    ...layer('components', { mayImport: ['text', 'domain', 'strings', 'schema', 'import', 'mail', 'export'], typesOnly: ['data'], packages: [...SPFX, ...PNP, ...NODE_BUILTINS] }),
    // The host builds the services: it is the one part of components/ that knows data/.
    {
      files: ['src/components/host/*.ts', 'src/components/host/*.tsx'],
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: into(['node', 'webparts'], 2), message: 'components/host/ builds services from data/ and mail/ only.' }] }] },
    },
    ...layer('webparts', { mayImport: ['components', 'data', 'mail', 'domain', 'text', 'strings'], packages: NODE_BUILTINS }),
    // Nothing outside node/ imports it (the overrides above); node/ may import anything.
  ],
};
