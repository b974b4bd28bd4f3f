import { periodAsWritten, progressAsWritten, resourcesAsWritten, restatesPeriod, restatesProgress, restatesResources, restatesStatus, statusAsWritten } from '../../src/domain/asWritten';
import { planSync, syncTotals } from '../../src/domain/planSync';
import type { PstSnapshot } from '../../src/domain/snapshot';
import { PLAN, action, oo, os, period } from './fixtures';

describe('texts written for stored values', () => {
  it('writes the text as written when there is one, else the value the Belgian way', () => {
    expect(periodAsWritten('Depuis 2019', null)).toBe('Depuis 2019');
    expect(periodAsWritten(null, period('2026-03-15'))).toBe('15/03/2026');
    expect(periodAsWritten(null, period('09/2026'))).toBe('09/2026');
    expect(statusAsWritten({ status: 'EN_COURS', statusText: 'En cours de réalisation' })).toBe('En cours de réalisation');
    // The document said « A l'étude », a check-in since said EN_COURS: the current status.
    expect(statusAsWritten({ status: 'EN_COURS', statusText: "A l'étude" })).toBe('En cours');
    expect(statusAsWritten({ status: null, statusText: 'Indéterminé' })).toBe('Indéterminé');
    expect(progressAsWritten({ progressPercent: 35, progressText: '+/- 35 %' })).toBe('+/- 35 %');
    expect(progressAsWritten({ progressPercent: 60, progressText: '+/- 35 %' })).toBe('60 %');
    expect(resourcesAsWritten({ text: null, lines: [{ year: 2026, service: 'ordinaire' as const, direction: 'depense' as const, source: 'region' as const, article: null, planned: 1234.5, actual: null, etp: 0.5 }] })).toBe('2026 : 1\u00a0234,5 € (Région wallonne)\nHumaines (ETP) : 0,5\nService ordinaire');
    expect(resourcesAsWritten({ text: '1 ETP et un stagiaire', lines: [{ year: 2026, service: 'ordinaire' as const, direction: 'depense' as const, source: 'region' as const, article: null, planned: 1234.5, actual: null, etp: 0.5 }] })).toBe('1 ETP et un stagiaire');
  });

  it('tells a restatement from a change', () => {
    expect(restatesPeriod('15/03/2026', period('2026-03-15'))).toBe(true);
    expect(restatesPeriod('16/03/2026', period('2026-03-15'))).toBe(false);
    expect(restatesPeriod('2026', period('2026-03-15'))).toBe(false);
    expect(restatesStatus('En cours', 'EN_COURS')).toBe(true);
    expect(restatesStatus('Terminé', 'EN_COURS')).toBe(false);
    expect(restatesStatus('Indéterminé', null)).toBe(false);
    expect(restatesProgress('40 %', 40)).toBe(true);
    expect(restatesProgress('40', 40)).toBe(true);
    expect(restatesProgress('45 %', 40)).toBe(false);
    const figures = { text: null, lines: [{ year: 2026, service: 'ordinaire' as const, direction: 'depense' as const, source: 'region' as const, article: null, planned: 1234.5, actual: null, etp: 0.5 }] };
    expect(restatesResources(resourcesAsWritten(figures), figures)).toBe(true);
    expect(restatesResources('Humaines (ETP) : 0,5 et un stagiaire', figures)).toBe(false);
    expect(restatesResources('Humaines (ETP) : 0,5', { ...figures, text: 'Humaines (ETP) : 0,5' })).toBe(false);
  });
});

describe('planSync and restated values', () => {
  const stored: PstSnapshot = {
    plans: [PLAN],
    sections: [],
    strategicObjectives: [os(1, { code: '1', order: 1 })],
    operationalObjectives: [oo(11, 1, { code: '1.1', order: 1 })],
    actions: [action(101, [11], { code: '1.1.1', order: 1, status: 'EN_COURS', statusText: null, progressPercent: 40, plannedEnd: period('2026-09-30'), resources: { text: null, lines: [{ year: 2026, service: null, direction: 'depense', source: null, article: null, planned: 1000, actual: null, etp: 0.5 }] } })],
    indicators: [],
  };
  const incoming = (fields: Parameters<typeof action>[2]) => ({
    plan: PLAN,
    sections: [],
    strategicObjectives: stored.strategicObjectives,
    operationalObjectives: stored.operationalObjectives,
    actions: [action(101, [11], { code: '1.1.1', order: 1, ...fields })],
  });

  it('changes nothing when the document only restates the stored values', () => {
    const sync = planSync(stored, incoming({ statusText: 'En cours', status: 'EN_COURS', progressText: '40 %', progressPercent: 40, plannedEnd: period('30/09/2026'), plannedEndText: '30/09/2026', resources: { text: '2026 : 1\u00a0000 €\nHumaines (ETP) : 0,5' } }));
    expect(syncTotals(sync).updates).toBe(0);
  });

  it('keeps the OS in their section when the document has no section at all', () => {
    const inSection: PstSnapshot = { ...stored, sections: [{ id: 5, code: 'I', title: 'Axe social', volet: null, parentSectionId: null, order: 1 }], strategicObjectives: [os(1, { code: '1', order: 1, sectionId: 5 })] };
    const flat = incoming({});
    expect(planSync(inSection, { ...flat, strategicObjectives: [os(1, { code: '1', order: 1, sectionId: null })] }).strategicObjectives.updates).toEqual([]);
  });

  it('still writes a text that says something else', () => {
    const sync = planSync(stored, incoming({ plannedEnd: period('31/12/2026'), plannedEndText: '31/12/2026', progressText: '+/- 50 %' }));
    expect(sync.actions.updates[0].changes).toEqual({ plannedEnd: period('31/12/2026'), plannedEndText: '31/12/2026', progressText: '+/- 50 %' });
  });
});
