import {
  OutlineAction,
  OutlineDocument,
  OutlineStrategicObjective,
  planFromOutline,
  readResources,
  readMeansLines,
  splitSectionHeading,
} from '../../src/import/toPlan';
import { titleKey } from '../../src/domain/vocabularies';

function doc(strategicObjectives: OutlineStrategicObjective[], extra: Partial<OutlineDocument> = {}): OutlineDocument {
  return { organisation: 'CPAS de Test', period: '2019-2024', strategicObjectives, ...extra };
}

/** One OS with the given OO, each OO given as its list of actions. */
function oneOs(...oos: OutlineAction[][]): OutlineDocument {
  return doc([
    {
      code: '1',
      title: 'Être un CPAS ouvert',
      operationalObjectives: oos.map((actions, i) => ({ code: `1.${i + 1}`, title: `OO ${i + 1}`, actions })),
    },
  ]);
}

const LONG = "Envisager l'accompagnement des personnes par un professionnel du secteur de l'éducation";

describe('planFromOutline: plan, ids, structure', () => {
  it('reads the plan period and numbers ids from firstId', () => {
    const result = planFromOutline(oneOs([{ title: 'A' }], [{ title: 'B' }]), { firstId: 100 });
    expect(result.plan).toEqual({
      id: 100,
      title: 'Programme stratégique transversal 2019-2024',
      organisation: 'CPAS de Test',
      startYear: 2019,
      endYear: 2024,
    });
    expect(result.strategicObjectives.map((o) => o.id)).toEqual([100]);
    expect(result.operationalObjectives.map((o) => [o.id, o.strategicObjectiveId, o.order])).toEqual([
      [100, 100, 1],
      [101, 100, 2],
    ]);
    expect(result.actions.map((a) => [a.id, a.operationalObjectiveIds])).toEqual([
      [100, [100]],
      [101, [101]],
    ]);
  });

  it('leaves the period empty when the document has none, and warns when it is unreadable', () => {
    expect(planFromOutline(doc([], { period: null })).plan).toMatchObject({ startYear: null, endYear: null, title: 'Programme stratégique transversal' });
    const unreadable = planFromOutline(doc([], { period: 'législature' }));
    expect(unreadable.warnings.map((w) => w.code)).toEqual(['unreadablePeriod']);
  });

  it('builds sections from the section path, skipping the volet heading, and nests them', () => {
    const result = planFromOutline(
      doc([
        {
          title: 'Etre un CPAS qui lutte contre le surendettement',
          volet: 'externe',
          section: 'II.II.1 La lutte contre le surendettement',
          sectionPath: ['PARTIE II : LE VOLET EXTERNE', 'II.II LE SOCIAL', 'II.II.1 La lutte contre le surendettement'],
          operationalObjectives: [],
        },
        {
          title: "Etre un CPAS qui répond à l'amélioration des conditions",
          volet: 'externe',
          sectionPath: ['PARTIE II : LE VOLET EXTERNE', 'II.II LE SOCIAL', "II.II.2 L'insertion socio-professionnelle"],
          operationalObjectives: [],
        },
        {
          title: 'Finances',
          volet: 'externe',
          sectionPath: ['PARTIE II : LE VOLET EXTERNE', 'II.IV LES FINANCES :'],
          operationalObjectives: [],
        },
      ]),
    );
    expect(result.sections.map((s) => [s.id, s.code, s.title, s.volet, s.parentSectionId, s.order])).toEqual([
      [1, 'II.II', 'LE SOCIAL', 'externe', null, 1],
      [2, 'II.II.1', 'La lutte contre le surendettement', 'externe', 1, 1],
      [3, 'II.II.2', "L'insertion socio-professionnelle", 'externe', 1, 2],
      [4, 'II.IV', 'LES FINANCES', 'externe', null, 2],
    ]);
    expect(result.strategicObjectives.map((o) => [o.sectionId, o.volet])).toEqual([
      [2, 'externe'],
      [3, 'externe'],
      [4, 'externe'],
    ]);
  });

  it('uses the axis when there is no section path', () => {
    const result = planFromOutline(
      doc([
        { code: '1.1', title: 'A', section: '1. LE SERVICE À LA POPULATION', axis: { code: '1', title: 'LE SERVICE À LA POPULATION' }, operationalObjectives: [] },
        { code: '1.2', title: 'B', section: '1. LE SERVICE À LA POPULATION', axis: { code: '1', title: 'LE SERVICE À LA POPULATION' }, operationalObjectives: [] },
      ]),
    );
    expect(result.sections).toEqual([{ id: 1, code: '1', title: 'LE SERVICE À LA POPULATION', volet: null, parentSectionId: null, order: 1 }]);
    expect(result.strategicObjectives.map((o) => o.sectionId)).toEqual([1, 1]);
  });

  it('splits section headings into code and title', () => {
    expect(splitSectionHeading('I.II RESSOURCES HUMAINES ET MATÉRIELLES')).toEqual({ code: 'I.II', title: 'RESSOURCES HUMAINES ET MATÉRIELLES' });
    expect(splitSectionHeading('1. LE SERVICE')).toEqual({ code: '1', title: 'LE SERVICE' });
    expect(splitSectionHeading('II.IV LES FINANCES :')).toEqual({ code: 'II.IV', title: 'LES FINANCES' });
    expect(splitSectionHeading('Consommation durable')).toEqual({ code: null, title: 'Consommation durable' });
  });

  it('warns about a missing OO title and keeps the OO', () => {
    const result = planFromOutline(doc([{ code: '1.3', title: 'Réseau', operationalObjectives: [{ code: '1.3.1', title: null, actions: [] }] }]));
    expect(result.operationalObjectives[0]).toMatchObject({ code: '1.3.1', title: '' });
    expect(result.warnings).toEqual([
      {
        code: 'missingTitle',
        path: 'OS 1.3 › OO 1.3.1',
        message: "L'objectif opérationnel 1.3.1 n'a pas d'intitulé dans le document : complétez-le.",
      },
    ]);
  });

  it('turns sub-actions into actions with a parent and the same OO', () => {
    const result = planFromOutline(
      oneOs([{ code: '2.2.3', title: 'Aider les personnes', subActions: [{ code: '2.2.3.A', title: 'Repérer' }, { code: '2.2.3.B', title: 'Analyser' }] }]),
    );
    expect(result.actions.map((a) => [a.id, a.code, a.parentActionId, a.operationalObjectiveIds, a.order])).toEqual([
      [1, '2.2.3', null, [1], 1],
      [2, '2.2.3.A', 1, [1], 1],
      [3, '2.2.3.B', 1, [1], 2],
    ]);
  });
});

describe('planFromOutline: merging transversal actions (conservative)', () => {
  it('merges the same title under two OO, ignoring case, accents, apostrophes and a final period', () => {
    const result = planFromOutline(oneOs([{ title: LONG }], [{ title: 'ENVISAGER l’accompagnement des personnes par un professionnel du secteur de l’education.' }]));
    expect(result.actions).toHaveLength(1);
    expect(result.actions[0].operationalObjectiveIds).toEqual([1, 2]);
    expect(result.actions[0].title).toBe(LONG); // the first wording is kept
    expect(result.warnings.map((w) => w.code)).toEqual(['mergedTransversalAction']);
  });

  it('does not merge near duplicates', () => {
    const result = planFromOutline(oneOs([{ title: 'Organiser des réunions thématiques avec les partenaires' }], [{ title: 'Assurer la tenue de réunions thématiques avec les partenaires' }]));
    expect(result.actions).toHaveLength(2);
    expect(result.warnings).toEqual([]);
  });

  it('does not merge two identical titles under the same OO, and says so', () => {
    const result = planFromOutline(oneOs([{ title: LONG }, { title: LONG }]));
    expect(result.actions).toHaveLength(2);
    expect(result.warnings.map((w) => w.code)).toEqual(['duplicateTitleNotMerged']);
    expect(result.warnings[0].message).toContain('il figure deux fois sous le même objectif opérationnel');
  });

  it('does not merge short generic titles', () => {
    const result = planFromOutline(oneOs([{ title: 'Communication' }], [{ title: 'Communication' }]));
    expect(result.actions).toHaveLength(2);
    expect(result.warnings.map((w) => w.code)).toEqual(['duplicateTitleNotMerged']);
  });

  it('does not merge when the two sheets say different things', () => {
    const result = planFromOutline(
      oneOs([{ title: LONG, fields: { projectLead: 'LAHAYE BÉRENGÈRE' } }], [{ title: LONG, fields: { projectLead: 'COYETTE PATRICIA' } }]),
    );
    expect(result.actions).toHaveLength(2);
    expect(result.warnings[0].message).toContain('les deux fiches diffèrent (projectLead)');
  });

  it('completes the merged action with what only the second sheet says', () => {
    const result = planFromOutline(oneOs([{ title: LONG, fields: { start: '2020' } }], [{ title: LONG, fields: { end: '2022', start: '2020' } }]));
    expect(result.actions).toHaveLength(1);
    expect(result.actions[0].plannedStart?.start).toBe('2020-01-01');
    expect(result.actions[0].plannedEnd?.end).toBe('2022-12-31');
  });

  it('compares titles on a normalised key', () => {
    expect(titleKey("  L’Éducation  permanente. ")).toBe("l'education permanente");
    expect(titleKey('Accueil ;')).toBe('accueil');
  });
});

describe('planFromOutline: action fields', () => {
  const sheet: OutlineAction = {
    code: '1.1.1.1.1',
    title: 'Réalisation d’un marché public de téléphonie. Amélioration des espaces d’accueil.',
    shortTitle: 'Réalisation d’un marché public de téléphonie.',
    description: 'Le but est d’assurer le passage à la VOIP.',
    fields: {
      start: '2019',
      end: '31/12/2024',
      department: 'SERVICE JURIDIQUE/ INFORMATIQUE',
      context: 'Technologie dépassée.',
      risks: ['Perte des télécommunications', 'Recours (perte de temps)'],
      projectLead: 'KONIECZNY EDWIGE / LAHAYE BÉRENGÈRE',
      team: 'Gavin Philippart/ France Catalano/ Christophe Bettesone',
      mandatary: 'Conseil de l’Action Sociale',
      partners: 'J2P/Eonix',
      deliverables: 'Nouveaux centraux téléphoniques',
      resources: 'Humaine (ETP) : 0,5 et Budgétaires (€) : 120.000€ (estimé sur quatre ans)',
      comments: null,
      progress: '+/- 35 % des profils établis',
      progressPercent: 35,
      state: 'En cours de réalisation',
      priority: 'Niveau 1',
      sdgs: 'ODD 1, ODD 10',
      labels: ['PCS', 'Etats généraux'],
      projectGroup: 'Amélioration des espaces d’accueil',
      projectGroupCode: '1.1.1.1',
      links: ['http://example.org/a'],
    },
  };
  const [action] = planFromOutline(oneOs([sheet])).actions;

  it('uses the short title and keeps the rest of the title cell at the head of the description', () => {
    expect(action.title).toBe('Réalisation d’un marché public de téléphonie.');
    expect(action.description).toBe('Amélioration des espaces d’accueil.\n\nLe but est d’assurer le passage à la VOIP.\n\nLiens : http://example.org/a');
  });

  it('reads dates and keeps their text', () => {
    expect(action.plannedStart).toEqual({ text: '2019', start: '2019-01-01', end: '2019-12-31', precision: 'year' });
    expect(action.plannedEnd).toEqual({ text: '31/12/2024', start: '2024-12-31', end: '2024-12-31', precision: 'day' });
    expect([action.plannedStartText, action.plannedEndText]).toEqual(['2019', '31/12/2024']);
  });

  it('reads progress, state and priority', () => {
    expect([action.progressPercent, action.progressText]).toEqual([35, '+/- 35 % des profils établis']);
    expect([action.status, action.statusText, action.priority]).toEqual(['EN_COURS', 'En cours de réalisation', 'niveau1']);
  });

  it('keeps the project lead cell whole and splits team and partners', () => {
    expect(action.projectLead).toEqual({ displayName: 'KONIECZNY EDWIGE / LAHAYE BÉRENGÈRE' });
    expect(action.team.map((p) => p.displayName)).toEqual(['Gavin Philippart', 'France Catalano', 'Christophe Bettesone']);
    expect(action.partners).toEqual(['J2P', 'Eonix']);
    expect(action.mandatary).toBe('Conseil de l’Action Sociale');
  });

  it('reads ETP and budget stated plainly as one means line on the start year, keeps the resources text', () => {
    expect(action.resources).toEqual({
      text: 'Humaine (ETP) : 0,5 et Budgétaires (€) : 120.000€ (estimé sur quatre ans)',
      lines: [{ year: 2019, service: null, direction: 'depense', source: null, article: null, planned: 120000, actual: null, etp: 0.5 }],
    });
  });

  it('puts single figures of an undated action on the plan’s first year, and a lone ETP on the first line per year', () => {
    const undated = { ...sheet, fields: { ...sheet.fields, start: null, end: null, timing: null, resources: 'Humaines (ETP) : 2' } };
    const perYear = { ...sheet, fields: { ...sheet.fields, resources: 'Humaines (ETP) : 1\n2021 : 5.000 €\n2022 : 6.000 € (Région wallonne)' } };
    const outline = { ...oneOs([undated, perYear]), period: '2019-2024' };
    const [first, second] = planFromOutline(outline).actions;
    expect(first.resources.lines).toEqual([{ year: 2019, service: null, direction: 'depense', source: null, article: null, planned: null, actual: null, etp: 2 }]);
    expect(second.resources.lines).toEqual([
      { year: 2021, service: null, direction: 'depense', source: null, article: null, planned: 5000, actual: null, etp: 1 },
      { year: 2022, service: null, direction: 'depense', source: 'region', article: null, planned: 6000, actual: null, etp: null },
    ]);
  });

  it('keeps the other fields', () => {
    expect(action.risks).toEqual(['Perte des télécommunications', 'Recours (perte de temps)']);
    expect(action.sdgs).toEqual([1, 10]);
    expect(action.labels).toEqual(['PCS', 'Etats généraux']);
    expect(action.department).toBe('SERVICE JURIDIQUE/ INFORMATIQUE');
    expect(action.projectGroup).toEqual({ code: '1.1.1.1', title: 'Amélioration des espaces d’accueil' });
    expect(action.weight).toBe(1);
  });

  it('warns about unreadable dates and progress but keeps the text', () => {
    const result = planFromOutline(oneOs([{ title: 'x', fields: { timing: 'Depuis 1er Trimestre 2019', progress: 'bien avancé', end: '31/02/2020' } }]));
    const [a] = result.actions;
    expect([a.plannedStart, a.plannedStartText, a.plannedEnd, a.plannedEndText]).toEqual([null, 'Depuis 1er Trimestre 2019', null, '31/02/2020']);
    expect([a.progressPercent, a.progressText]).toEqual([null, 'bien avancé']);
    expect(result.warnings.map((w) => w.code)).toEqual(['unreadableDate', 'unreadableDate', 'unreadableProgress']);
    expect(result.warnings[1].message).toBe(
      "La date de fin « 31/02/2020 » n'a pas pu être lue : Le 31/02/2020 n'existe pas : février 2020 compte 29 jours.",
    );
  });

  it('reads a postponed project and an unknown state', () => {
    const result = planFromOutline(oneOs([{ title: 'a', fields: { state: 'Projet postposé au-delà de 2019' } }, { title: 'b', fields: { state: 'Indéterminé' } }, { title: 'c', fields: { state: 'Voir DG' } }]));
    expect(result.actions.map((a) => [a.status, a.priority, a.statusText])).toEqual([
      ['EN_ATTENTE', 'postpose', 'Projet postposé au-delà de 2019'],
      [null, null, 'Indéterminé'],
      [null, null, 'Voir DG'],
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual(['unrecognisedStatus']);
  });

  it('uses the outline percent only when there is no progress text, and reports a disagreement', () => {
    const result = planFromOutline(oneOs([{ title: 'a', fields: { progressPercent: 20 } }, { title: 'b', fields: { progress: '30 %', progressPercent: 35 } }]));
    expect(result.actions.map((a) => a.progressPercent)).toEqual([20, 30]);
    expect(result.warnings.map((w) => w.code)).toEqual(['progressMismatch']);
  });
});

describe('readResources', () => {
  it.each([
    ['• Humaine (ETP) : 1 (en phase de conception de marché)\n• Budgétaires (€) : Soit en achat', 1, null],
    ["Humaines (ETP) : 1 à prévoir en plus au niveau de l'article 831", 1, null],
    ['Humaines (ETP) : 2 (compte tenu de la charge) et Budgétaires (€) : 30.000.000€ estimé à ce jour (2019).', 2, 30000000],
    ['Budgétaires (€) : 1000€ (achat de poussettes triples)', null, 1000],
    ['Budgétaires (€) : +/- 7000€', null, 7000],
    ['• Humaines (ETP) : 2\n• Coût supplémentaire', 2, null],
    ['Humaines (ETP) : 2 - coût des formations', 2, null],
    // Left to a person: people are not ETP, two amounts are not one budget.
    ['• Humaines (ETP) : 4 personnes référentes', null, null],
    ['• Humaines (ETP) : Minimum 5 tuteurs au départ', null, null],
    ['• Humaines (ETP) : 1 agent dédicacé', null, null],
    ['• Budgétaires (€) : 7500 (mise en œuvre) / 6400 (maintenance annuelle)', null, null],
    ['Budgétaires (€) : Mobilier → 8.000€ + frais de déménagement', null, null],
  ])('%s → ETP %p, budget %p', (text, etp, budget) => {
    const resources = readResources(text);
    expect([resources.etp, resources.budget]).toEqual([etp, budget]);
    expect(resources.text).toBe(text);
  });

  it('reads the budget service only when one of the two is named', () => {
    expect(readResources("• Fonds de réserve à l'extraordinaire").budgetService).toBe('extraordinaire');
    expect(readResources("Frais à l'ordinaire").budgetService).toBe('ordinaire');
    expect(readResources("Investissement à l'extraordinaire. Analyse au niveau de l'ordinaire.").budgetService).toBeNull();
    expect(readResources(null)).toEqual({ etp: null, budget: null, budgetService: null, text: null });
  });
});

describe('readMeansLines: a budget stated year by year becomes means lines', () => {
  it('reads one line per segment with a year and an amount, with its source and direction', () => {
    const text = [
      'Budgétaires (€) : à l’extraordinaire',
      '• 2024 : 15.000 € (fonds propres du CPAS)',
      '• 2025 : 12 500,50 € dont subside de la Région wallonne',
      '2020 - 2021 : Subsidiation des activités via le subside P.I.I.S (20.000€)',
    ].join('\n');
    const resources = readResources(text);
    expect(resources.lines).toEqual([
      { year: 2024, service: 'extraordinaire', direction: 'depense', source: 'cpas', article: null, planned: 15000, actual: null, etp: null },
      { year: 2025, service: 'extraordinaire', direction: 'recette', source: 'region', article: null, planned: 12500.5, actual: null, etp: null },
      { year: 2020, service: 'extraordinaire', direction: 'recette', source: 'federal', article: null, planned: 20000, actual: null, etp: null },
    ]);
    expect(resources.text).toBe(text);
  });

  it('leaves the single figures when no segment gives both a year and an amount', () => {
    expect(readResources('Humaine (ETP) : 0,5 et Budgétaires (€) : 120.000€ (estimé sur quatre ans)').lines).toBeUndefined();
    expect(readResources('Budgétaires (€) : 30.000.000€ estimé à ce jour (2019).').lines).toBeUndefined();
    expect(readResources("Financement d'un AS temps plein à partir de 2022").lines).toBeUndefined();
    expect(readMeansLines(null)).toEqual([]);
  });

  it('never reads the year itself as the amount', () => {
    expect(readMeansLines('2023 : 2024 €')).toEqual([expect.objectContaining({ year: 2023, planned: 2024 })]);
    expect(readMeansLines('Prévu en 2026, coût à estimer')).toEqual([]);
  });
});
