import type { MeansLine } from '../../src/domain/means';
import { meansLineText, meansLinesChange, planMeansSync } from '../../src/domain/meansSync';

const line = (fields: Partial<MeansLine>): MeansLine => ({
  year: 2026,
  service: 'ordinaire',
  direction: 'depense',
  source: 'commune',
  article: null,
  planned: 1000,
  actual: null,
  etp: null,
  ...fields,
});
const imported = (id: number, fields: Partial<MeansLine>): MeansLine => ({ ...line(fields), id, fromDocument: true });
const byHand = (id: number, fields: Partial<MeansLine>): MeansLine => ({ ...line(fields), id });

describe('an update from the document and an action’s means lines', () => {
  it('replaces the previous import’s lines by the document’s, keeping a line typed by hand', () => {
    const stored = [imported(1, { year: 2025, planned: 1000 }), imported(2, { year: 2026, planned: 2000 }), byHand(3, { year: 2027, source: 'region', planned: 50 })];
    const change = meansLinesChange(stored, [line({ year: 2025, planned: 1500 }), line({ year: 2026, planned: 2000 })]);
    expect(change.removed.map((l) => l.id)).toEqual([1]);
    expect(change.added).toEqual([{ ...line({ year: 2025, planned: 1500 }), fromDocument: true }]);
  });

  it('adds nothing where a line by hand (typed, or an imported one changed) stands for the same year, kind, service, source and article', () => {
    // Line 2 was the document's; the coordinator set its actual amount, so it is theirs now.
    const stored = [imported(1, { year: 2025 }), byHand(2, { year: 2026, planned: 2000, actual: 1800 })];
    const change = meansLinesChange(stored, [line({ year: 2025 }), line({ year: 2026, planned: 2500 })]);
    expect(change).toEqual({ removed: [], added: [] });
  });

  it('writes nothing for the same document again, or an import resumed half-way, and adds only what is missing', () => {
    const document = [line({ year: 2025 }), line({ year: 2025 }), line({ year: 2026, direction: 'recette', source: 'region' })];
    const written = document.map((l, i) => ({ ...l, id: i + 1, fromDocument: true }));
    expect(meansLinesChange(written, document)).toEqual({ removed: [], added: [] });
    // Interrupted after the first line: the two others, once each.
    expect(meansLinesChange(written.slice(0, 1), document).added).toEqual(document.slice(1).map((l) => ({ ...l, fromDocument: true })));
  });

  it('changes nothing when the document states no means for the action', () => {
    expect(meansLinesChange([imported(1, {})], [])).toEqual({ removed: [], added: [] });
  });

  it('gives the matched actions’ changes only, by stored id', () => {
    const stored = new Map([[70, [imported(1, { planned: 10 })]], [71, [imported(2, {})]]]);
    const incoming = [
      { id: 1, resources: { lines: [line({ planned: 20 })] } },
      { id: 2, resources: { lines: [line({})] } },
      { id: 3, resources: { lines: [line({})] } },
    ];
    const sync = planMeansSync(new Map([[1, 70], [2, 71]]), incoming, stored);
    expect(sync.map((s) => [s.existingId, s.incomingId, s.removed.map((l) => l.id), s.added.map((l) => l.planned)])).toEqual([[70, 1, [1], [20]]]);
  });

  it('says a line in French for the old → new preview', () => {
    expect(meansLineText(line({ article: '844/124-48', planned: 1234.5, etp: 0.5 }))).toBe('2026 · Dépense · Service ordinaire · Commune · 844/124-48 · prévu 1\u00a0234,5 € · 0,5 ETP');
  });
});
