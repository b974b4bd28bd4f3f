/**
 * The layer rule (`.eslintrc.js`, one `no-restricted-imports` override per layer) and the
 * import-cycle check: a wrong import fails, a right one passes, and src/ has no cycle.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ESLint } from 'eslint';
import { findImportCycles } from '../../../src/node/cli/importCycles';

const REPO = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: REPO });

/** The layer-rule messages ESLint gives for `code` as if it were the file `file` of src/. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

const refused: [string, string, string][] = [
  ['src/domain/probe.ts', "import { SharePointPstRepository } from '../data/SharePointPstRepository';\nexport const x = SharePointPstRepository;\n", 'domain/ may import only text'],
  ['src/domain/filter/probe.ts', "import * as React from 'react';\nexport const x = React;\n", 'domain/ is not the layer'],
  ['src/text/probe.ts', "import { rollUp } from '../domain/rollup';\nexport const x = rollUp;\n", 'text/ may import only nothing'],
  ['src/import/outline/probe.ts', "import { SharePointPstRepository } from '../../data/SharePointPstRepository';\nexport const x = SharePointPstRepository;\n", 'import/ may import only domain'],
  ['src/data/probe.ts', "import { PstApp } from '../components/shell/PstApp';\nexport const x = PstApp;\n", 'data/ may import only'],
  ['src/mail/probe.ts', "import * as fs from 'fs';\nexport const x = fs;\n", 'mail/ is not the layer'],
  ['src/components/tree/probe.ts', "import { SharePointPstRepository } from '../../data/SharePointPstRepository';\nexport const x = SharePointPstRepository;\n", 'only types and error classes from data/'],
  ['src/components/tree/probe.ts', "import { spfi } from '@pnp/sp';\nexport const x = spfi;\n", 'components/ is not the layer'],
  ['src/webparts/common/probe.ts', "import { buildSamplePst } from '../../node/local/samplePst';\nexport const x = buildSamplePst;\n", 'webparts/ may import only'],
  ['src/import/read/pdf/probe.ts', "import { listUrl } from '../../../data/sharePointPaths';\nexport const x = listUrl;\n", 'import/ may import only domain'],
  ['src/schema/probe.ts', "import { ImportError } from '../import/errors';\nexport const x = ImportError;\n", 'schema/ may import only domain, text, strings'],
];

const allowed: [string, string][] = [
  ['src/domain/probe.ts', "import { escapeHtml } from '../text/richText';\nexport const x = escapeHtml;\n"],
  ['src/import/outline/probe.ts', "import { rollUp } from '../../domain/rollup';\nimport { writeXlsx } from '../../export/xlsx';\nexport const x = [rollUp, writeXlsx];\n"],
  ['src/components/tree/probe.ts', "import type { PstRepository } from '../../data/PstRepository';\nexport type X = PstRepository;\n"],
  // A folder of strings/ named like a layer is still strings/.
  ['src/export/probe.ts', "import { MAIL_TEXTS } from '../strings/mail';\nexport const x = MAIL_TEXTS;\n"],
  ['src/components/action/save/probe.ts', "import { ConflictError } from '../../../data/errors';\nexport const x = ConflictError;\n"],
  ['src/components/host/probe.ts', "import { SharePointPstRepository } from '../../data/SharePointPstRepository';\nexport const x = SharePointPstRepository;\n"],
  ['src/node/cli/probe.ts', "import * as fs from 'fs';\nimport { SharePointPstRepository } from '../../data/SharePointPstRepository';\nexport const x = [fs, SharePointPstRepository];\n"],
];

describe('the layer rule', () => {
  test.each(refused)('refuses in %s: %s', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  }, 30000);

  test.each(allowed)('allows in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  }, 30000);
});

describe('the import-cycle check', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-cycles-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  };

  test('finds a cycle through a type import and a lazy import, and nothing else', () => {
    write('a.ts', "import type { B } from './b';\nexport type A = B;\n");
    write('b.ts', "export type B = number;\nexport const c = () => import('./sub');\n");
    write('sub/index.ts', "import type { A } from '../a';\nexport type S = A;\n");
    write('alone.ts', "import type { B } from './b';\nexport type Alone = B;\n");
    const cycles = findImportCycles(folder).map((c) => c.map((f) => path.relative(folder, f)));
    expect(cycles).toEqual([['a.ts', 'b.ts', path.join('sub', 'index.ts')]]);
  });

  test('src/ has no import cycle', () => {
    expect(findImportCycles(path.join(REPO, 'src'))).toEqual([]);
  });
});
