import { Action, Period, PlanTreeInput, createAction, isParseError, parsePeriod } from '../../../src/domain';

export const TODAY = '2024-06-15';

function period(text: string): Period {
  const result = parsePeriod(text);
  if (result === null || isParseError(result)) throw new Error(`unreadable period ${text}`);
  return result;
}

export const ME = { id: 7, displayName: 'Marie Dupont', email: 'marie.dupont@cpas-test.be' };

/**
 * Volet interne › I.I Ressources humaines › 1 Être une administration moderne
 *   › 1.1 Améliorer l’accueil: Guichet unique (shared with 2.1, 76 days late), Téléphonie (done)
 *   › 1.2 Élaboration du plan de formation: Réécriture des procédures (unknown status)
 * Volet externe › 2 Renforcer l’insertion
 *   › 2.1 Insertion socio-professionnelle: Guichet unique, Ateliers emploi (blocked; 2 sub-actions)
 */
export const ACTIONS: Action[] = [
  createAction({
    id: 1,
    code: '1.1.1',
    title: 'Guichet unique',
    operationalObjectiveIds: [11, 21],
    status: 'EN_COURS',
    progressPercent: 40,
    plannedEnd: period('31/03/2024'),
    department: 'Service social',
    projectLead: { displayName: 'Marie Dupont', email: 'marie.dupont@cpas-test.be' },
    order: 1,
  }),
  createAction({ id: 2, code: '1.1.2', title: 'Téléphonie', operationalObjectiveIds: [11], status: 'TERMINE', department: 'Informatique', order: 2 }),
  createAction({ id: 3, code: '1.2.1', title: 'Réécriture des procédures', operationalObjectiveIds: [12], status: null, department: 'Service social', order: 1 }),
  createAction({
    id: 4,
    code: '2.1.1',
    title: 'Ateliers emploi',
    operationalObjectiveIds: [21],
    status: 'PROBLEME',
    progressPercent: 10,
    department: 'Insertion',
    order: 2,
  }),
  createAction({ id: 41, title: 'Recrutement formateur', operationalObjectiveIds: [], parentActionId: 4, status: 'TERMINE', order: 1 }),
  createAction({ id: 42, title: 'Salle équipée', operationalObjectiveIds: [], parentActionId: 4, status: 'EN_COURS', progressPercent: 20, order: 2 }),
];

export const DATA: PlanTreeInput = {
  plan: { id: 1, title: 'PST 2019-2024 du CPAS de Test', organisation: 'CPAS de Test', startYear: 2019, endYear: 2024 },
  sections: [{ id: 100, code: 'I.I', title: 'Ressources humaines', volet: 'interne', parentSectionId: null, order: 1 }],
  strategicObjectives: [
    { id: 1, code: '1', title: 'Être une administration moderne', volet: 'interne', sectionId: 100, order: 1 },
    { id: 2, code: '2', title: 'Renforcer l’insertion', volet: 'externe', sectionId: null, order: 2 },
  ],
  operationalObjectives: [
    { id: 11, code: '1.1', title: 'Améliorer l’accueil', strategicObjectiveId: 1, order: 1 },
    { id: 12, code: '1.2', title: 'Élaboration du plan de formation', strategicObjectiveId: 1, order: 2 },
    { id: 21, code: '2.1', title: 'Insertion socio-professionnelle', strategicObjectiveId: 2, order: 1 },
  ],
  actions: ACTIONS,
};

/** A large plan: 10 OS × 10 OO × 50 actions = 5,000 actions. */
export function bigPlan(): PlanTreeInput {
  const strategicObjectives = [];
  const operationalObjectives = [];
  const actions: Action[] = [];
  for (let s = 1; s <= 10; s++) {
    strategicObjectives.push({ id: s, code: `${s}`, title: `Objectif stratégique ${s}`, volet: s % 2 ? ('interne' as const) : ('externe' as const), order: s });
    for (let o = 1; o <= 10; o++) {
      const ooId = s * 100 + o;
      operationalObjectives.push({ id: ooId, code: `${s}.${o}`, title: `Objectif opérationnel ${s}.${o}`, strategicObjectiveId: s, order: o });
      for (let a = 1; a <= 50; a++) {
        actions.push(
          createAction({
            id: ooId * 100 + a,
            code: `${s}.${o}.${a}`,
            title: `Action ${s}.${o}.${a}`,
            operationalObjectiveIds: [ooId],
            status: a % 5 === 0 ? 'TERMINE' : 'EN_COURS',
            progressPercent: (a * 7) % 100,
            order: a,
          }),
        );
      }
    }
  }
  return { plan: DATA.plan, sections: [], strategicObjectives, operationalObjectives, actions };
}
