import * as fs from 'node:fs';
import * as path from 'node:path';
import { readAmdStrings } from '../../../src/node/local/amdStrings';

const loc = path.resolve(__dirname, '../../../src/strings/loc');
const read = (locale: string) => readAmdStrings(fs.readFileSync(path.join(loc, `${locale}.js`), 'utf8'));

describe('the solution strings', () => {
  it('has the same keys in French and English, all declared in mystrings.d.ts, none empty', () => {
    const fr = read('fr-fr');
    const en = read('en-us');
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const declared = [...fs.readFileSync(path.join(loc, 'mystrings.d.ts'), 'utf8').matchAll(/^\s+(\w+): string;$/gm)].map((m) => m[1]);
    expect(declared.sort()).toEqual(Object.keys(fr).sort());
    for (const value of [...Object.values(fr), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });

  it('is French first: the French strings are translations, not English copies', () => {
    const fr = read('fr-fr');
    const en = read('en-us');
    const sameWordInBothLanguages = ['Actions', 'ActionCount', 'ImportFigureSections', 'ImportFigureActions', 'ImportAnomalies', 'ImportAnomalyDocument', 'CommandPlan', 'StructureMenuLabel', 'StructureChangeLogWhen', 'StructureCodeLabel', 'StructureRenumberChange', 'ReportWord', 'ReportPdf', 'EvaluationFigureActions', 'EvaluationNotInSnapshot', 'EvaluationCount', 'EvaluationColumnAction'];
    const same = Object.keys(fr).filter((k) => fr[k] === en[k]);
    expect(same).toEqual(sameWordInBothLanguages);
  });
});
