/**
 * Big and hostile inputs stay safe (issue 11, point 5): a document whose titles repeat
 * thousands of times gives a report of bounded size, each kind of anomaly listed a few
 * times and the rest counted; the warnings grow with the actions, not with their pairs.
 * The 10 MB case is measured by `npx tsx tests/bench/importLarge.ts` (not timed here).
 */
import { strToU8 } from 'fflate';
import { analyseDocument } from '../../src/import/importDocument';
import { formatReport } from '../../src/import/report';
import { capPerKind, MAX_LISTED_PER_KIND, omittedLine } from '../../src/import/reportLimits';
import { largePstText } from './support/largeDocument';

describe('capPerKind', () => {
  it('lists the first entries of each kind in their order and counts the others', () => {
    const items = ['a1', 'b1', 'a2', 'a3', 'b2', 'a4'].map((id) => ({ kind: id.charAt(0), id }));
    const capped = capPerKind(items, (i) => i.kind, 2);
    expect(capped.listed.map((i) => i.id)).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(capped.omitted).toEqual([{ kind: 'a', count: 2 }]);
    expect(omittedLine(4512, 'code en double')).toBe(
      `  … et 4\u00a0512 autres « code en double » (seules les ${MAX_LISTED_PER_KIND} premières sont listées ; toutes figurent dans l’export JSON).`,
    );
  });
});

describe('a large document with many repeated titles', () => {
  const analysis = analyseDocument('grand.txt', strToU8(largePstText(300 * 1000)));
  const report = formatReport(analysis);
  const actions = analysis.plan.actions.length;

  it('is read whole', () => {
    expect(actions).toBeGreaterThan(1500);
    expect(analysis.outline.strategicObjectives.length).toBeGreaterThan(100);
  });

  it('gives warnings that grow with the actions, not with their pairs', () => {
    const notMerged = analysis.plan.warnings.filter((w) => w.code === 'duplicateTitleNotMerged');
    expect(notMerged.length).toBeGreaterThan(100);
    expect(notMerged.length).toBeLessThan(actions);
    expect(notMerged[notMerged.length - 1].message).toMatch(/apparaît aussi en OS 1 › OO 1\.\d › 1\.\d\.\d \(et \d[\d\u00a0]* autres fois\)/);
  });

  it('gives a report of bounded size that says how many entries it leaves out', () => {
    const lines = report.split('\n');
    expect(lines.length).toBeLessThan(30 + 2 * 12 * (MAX_LISTED_PER_KIND + 1));
    expect(report.length).toBeLessThan(60 * 1000);
    expect(report).toMatch(/… et [\d\u00a0]+ autres « code en double » \(seules les 20 premières sont listées/);
    expect(report).toMatch(/… et [\d\u00a0]+ autres « intitulé en double non fusionné »/);
    const listedDuplicates = lines.filter((l) => /^ {2}ligne \d+ — code en double/.test(l));
    expect(listedDuplicates).toHaveLength(MAX_LISTED_PER_KIND);
    // The anomalies themselves are all kept (the JSON export has them).
    expect(analysis.anomalies.filter((a) => a.kind === 'duplicateCode').length).toBeGreaterThan(MAX_LISTED_PER_KIND);
  });
});
