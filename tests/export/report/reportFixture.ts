/** A small plan for the report tests: two OS, late, blocked, done and cancelled actions, a sub-action, indicators, check-ins. */
import type { CheckIn, Indicator } from '../../../src/domain/model';
import type { ReportInput } from '../../../src/domain/report';
import { PLAN, action, oo, os, period, subAction } from '../../domain/fixtures';

export const TODAY = '2026-11-23';

const lead = (name: string) => ({ displayName: name, email: `${name.split(' ')[0].toLowerCase()}@cpas.example` });

export function reportInput(): ReportInput & { indicators: Indicator[]; checkIns: CheckIn[] } {
  return {
    plan: { ...PLAN, title: 'PST 2025-2030', organisation: 'CPAS de Testville', startYear: 2025, endYear: 2030 },
    strategicObjectives: [os(1, { code: '1', title: 'Un accueil de qualité', volet: 'externe' }), os(2, { code: '2', title: 'Une administration efficace', volet: 'interne' })],
    operationalObjectives: [oo(11, 1, { code: '1.1', title: 'Rénover l’accueil' }), oo(12, 1, { code: '1.2', title: 'Former les agents' }), oo(21, 2, { code: '2.1', title: 'Numériser les dossiers' })],
    actions: [
      action(101, [11], { code: '1.1.1', title: 'Refaire le guichet', status: 'EN_COURS', progressPercent: 40, plannedEnd: period('30/09/2026'), department: 'Service social', projectLead: lead('Marie Dupont'), health: 'risque', resources: { text: null, lines: [{ year: 2026, service: 'extraordinaire' as const, direction: 'depense' as const, source: null, article: null, planned: 1234.5, actual: null, etp: 0.5 }] } }),
      action(102, [11, 21], { code: '1.1.2', title: 'Borne d’accueil numérique', status: 'PROBLEME', health: 'blocage', progressPercent: 20, plannedEnd: period('2027'), department: 'Informatique', projectLead: lead('Jean Martin') }),
      subAction(103, 102, { code: '1.1.2.1', title: 'Choisir le fournisseur', status: 'TERMINE', plannedEnd: period('03/2026') }),
      action(104, [12], { code: '1.2.1', title: 'Plan de formation', status: 'TERMINE', plannedEnd: period('2025'), department: 'Ressources humaines', projectLead: lead('Marie Dupont') }),
      action(105, [12], { code: '1.2.2', title: 'Formation abandonnée', status: 'ANNULE_ABANDONNE', department: 'Ressources humaines' }),
      action(201, [21], { code: '2.1.1', title: 'Scanner les archives', status: null, statusText: 'Indéterminé', plannedEnd: period('31/10/2026'), projectLead: lead('Jean Martin'), indicatorsText: 'Nombre de dossiers scannés' }),
    ],
    indicators: [{ id: 1, actionId: 101, label: 'Visiteurs accueillis', unit: 'pers.', baseline: 800, target: 1500, current: 1234.5, year: 2026 }],
    checkIns: [
      { id: 1, actionId: 101, date: '2026-06-01', author: { displayName: 'Marie Dupont' }, status: 'EN_COURS', percent: 20, health: 'bon', comment: 'Ancien commentaire' },
      { id: 2, actionId: 101, date: '2026-10-15', author: { displayName: 'Marie Dupont' }, status: 'EN_COURS', percent: 40, health: 'risque', comment: 'Marché public relancé' },
      { id: 3, actionId: 102, date: '2026-11-02', author: { displayName: 'Jean Martin' }, status: 'PROBLEME', percent: 20, health: 'blocage', comment: 'En attente de l’avis de la tutelle' },
    ],
  };
}
