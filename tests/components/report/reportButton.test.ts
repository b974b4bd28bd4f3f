/**
 * The report button keeps the heavy libraries out of the web parts' bundles: nothing the
 * button imports statically reaches `docx` or `pdfmake`; generateReport reaches them
 * only through import().
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../../src');

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/** Packages reached through static (non-type) imports from `entry`. */
function staticPackages(entry: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
  if (seen.has(entry)) return packages;
  seen.add(entry);
  const source = fs.readFileSync(entry, 'utf8');
  for (const m of source.matchAll(/^\s*import\s+(type\s+)?(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const target = resolve(entry, m[2]);
    if (target) staticPackages(target, seen, packages);
    else if (!m[2].startsWith('.')) packages.add(m[2]);
  }
  return packages;
}

describe('the report button', () => {
  it('loads docx and pdfmake only on demand', () => {
    const button = staticPackages(path.join(SRC, 'components/report/ReportButton.tsx'));
    const generator = staticPackages(path.join(SRC, 'components/report/generateReport.ts'));
    for (const packages of [button, generator]) expect(Array.from(packages).filter((p) => /^(docx|pdfmake)/.test(p))).toEqual([]);
    // the renderers do import them, so this check would see a static import of a renderer
    expect(Array.from(staticPackages(path.join(SRC, 'export/report/docx.ts')))).toContain('docx');
    const lazy = fs.readFileSync(path.join(SRC, 'components/report/generateReport.ts'), 'utf8');
    expect(lazy).toMatch(/import\([^)]*'\.\.\/\.\.\/export\/report\/docx'\)/);
    expect(lazy).toMatch(/import\([^)]*'\.\.\/\.\.\/export\/report\/pdfEngine'\)/);
  });

  it('« Exporter / publier » loads its generators only on demand', () => {
    const menu = path.join(SRC, 'components/report/ExportMenu.tsx');
    const files = new Set<string>();
    const packages = staticPackages(menu, files);
    expect(Array.from(packages).filter((p) => /^(docx|pdfmake)/.test(p))).toEqual([]);
    const generators = ['components/report/generateExports.ts', 'export/planWorkbook.ts', 'export/xlsx.ts', 'export/publicPage.ts', 'export/ecomptes/ecomptesXml.ts', 'export/report/evaluationLayout.ts'];
    expect(files.has(path.join(SRC, 'components/report/loadReportDetails.ts'))).toBe(true); // the walk does follow the menu's imports
    for (const file of generators) expect(files.has(path.join(SRC, file))).toBe(false);
    // …while the menu does reach them through import() (its loader is shared with the dialogs)
    expect(fs.readFileSync(path.join(SRC, 'components/report/exportSupport.ts'), 'utf8')).toMatch(/import\([^)]*'\.\/generateExports'\)/);
    const lazy = fs.readFileSync(path.join(SRC, 'components/report/generateExports.ts'), 'utf8');
    for (const target of ['export/planWorkbook', 'export/xlsx', 'export/publicPage', 'export/ecomptes/ecomptesXml', 'export/report/evaluationLayout', 'export/report/docx', 'export/report/pdfEngine'])
      expect(lazy).toMatch(new RegExp(`import\\([^)]*'\\.\\./\\.\\./${target.replace(/\//g, '\\/')}'\\)`));
    expect(staticPackages(path.join(SRC, 'components/report/generateExports.ts'))).not.toContain('docx');
  });
});
