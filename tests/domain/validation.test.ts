import {
  ValidationIssue,
  hasErrors,
  validateAction,
  validateCheckIn,
  validateIndicator,
  validateOperationalObjective,
  validateStrategicObjective,
} from '../../src/domain';
import { action, period } from './fixtures';

const NBSP = '\u00a0';
const valid = () =>
  action(1, [11], {
    title: 'Créer un site internet',
    code: '1.4.2.1',
    plannedStart: period('2020'),
    plannedEnd: period('2024'),
    status: 'EN_COURS',
    progressPercent: 35,
  });

const messages = (issues: ValidationIssue[]) => issues.map((i) => i.message);
const only = (issues: ValidationIssue[], code: string) => issues.filter((i) => i.code === code);

describe('validateAction', () => {
  it('accepts a complete action', () => {
    expect(validateAction(valid())).toEqual([]);
  });

  it('requires a title and at least one OO', () => {
    const issues = validateAction({ ...valid(), title: '  ', operationalObjectiveIds: [] });
    expect(issues).toEqual([
      { field: 'title', code: 'title.required', severity: 'error', message: "L'intitulé de l'action est obligatoire." },
      {
        field: 'operationalObjectiveIds',
        code: 'oo.required',
        severity: 'error',
        message: "Rattachez l'action à au moins un objectif opérationnel.",
      },
    ]);
    expect(hasErrors(issues)).toBe(true);
  });

  it('lets a sub-action inherit its OO from its parent', () => {
    expect(validateAction({ ...valid(), operationalObjectiveIds: [], parentActionId: 9 })).toEqual([]);
  });

  it('refuses an action that is its own parent', () => {
    expect(messages(validateAction({ ...valid(), parentActionId: 1 }))).toEqual(['Une action ne peut pas être sa propre action parente.']);
  });

  it('refuses an OO that no longer exists when the list is known', () => {
    const issues = validateAction({ ...valid(), operationalObjectiveIds: [11, 404] }, { knownOperationalObjectiveIds: [11, 12] });
    expect(messages(issues)).toEqual(["L'objectif opérationnel n° 404 n'existe pas (ou plus). Choisissez-en un dans la liste."]);
  });

  it('refuses a title longer than SharePoint allows (255)', () => {
    expect(validateAction({ ...valid(), title: 'a'.repeat(255) })).toEqual([]);
    expect(only(validateAction({ ...valid(), title: 'a'.repeat(256) }), 'title.tooLong')[0].message).toBe(
      "L'intitulé de l'action compte 256 caractères : 255 au maximum. Raccourcissez-le ; le détail peut aller dans la description.",
    );
  });

  it('warns about an unusual code but accepts the usual ones', () => {
    for (const code of ['1.2.3', '1.1.1.1.1', 'OS 100', 'OO 101', '2.2.3.A', '4.3.2', null]) {
      expect(validateAction({ ...valid(), code })).toEqual([]);
    }
    expect(validateAction({ ...valid(), code: '1..2' })).toEqual([
      {
        field: 'code',
        code: 'code.format',
        severity: 'warning',
        message: 'Le code « 1..2 » ne suit pas le format habituel (par exemple 1.2.3 ou OO 101).',
      },
    ]);
  });

  describe('dates', () => {
    it('refuses an end before the start, with both dates as the user wrote them', () => {
      const issues = validateAction({ ...valid(), plannedStart: period('01/01/2020'), plannedEnd: period('31/12/2019') });
      expect(issues).toEqual([
        {
          field: 'plannedEnd',
          code: 'dates.endBeforeStart',
          severity: 'error',
          message: 'La date de fin (31/12/2019) précède la date de début (01/01/2020).',
        },
      ]);
    });

    it('compares periods by their first and last days', () => {
      const years = validateAction({ ...valid(), plannedStart: period('2021'), plannedEnd: period('2020') });
      expect(messages(years)).toEqual(['La date de fin (2020) précède la date de début (2021).']);
      // Same year: an end month inside the start year is fine.
      expect(validateAction({ ...valid(), plannedStart: period('2020'), plannedEnd: period('06/2020') })).toEqual([]);
      expect(validateAction({ ...valid(), plannedStart: period('15/06/2020'), plannedEnd: period('15/06/2020') })).toEqual([]);
    });

    it('gives the English message on request', () => {
      const issues = validateAction({ ...valid(), plannedStart: period('01/01/2020'), plannedEnd: period('31/12/2019') }, { lang: 'en' });
      expect(messages(issues)).toEqual(['The end date (31/12/2019) is before the start date (01/01/2020).']);
    });

    it('warns when a date written in the document could not be read', () => {
      const issues = validateAction({ ...valid(), plannedStart: null, plannedStartText: 'Depuis 1er Trimestre 2019' });
      expect(issues).toEqual([
        {
          field: 'plannedStart',
          code: 'date.unread',
          severity: 'warning',
          message: "La date de début « Depuis 1er Trimestre 2019 » n'a pas pu être lue : indiquez-la sous la forme 31/12/2024, 12/2024 ou 2024.",
        },
      ]);
    });

    it('refuses a malformed period object', () => {
      const issues = validateAction({ ...valid(), plannedEnd: { text: '31/02/2024', start: '2024-02-31', end: '2024-02-31', precision: 'day' } });
      expect(messages(issues)).toEqual(["La date de fin (« 31/02/2024 ») n'est pas une date valide."]);
    });
  });

  describe('progress and status', () => {
    it.each([[-1], [100.5], [120], [NaN]])('refuses a progress of %p', (progressPercent) => {
      const issues = validateAction({ ...valid(), progressPercent });
      expect(only(issues, 'percent.range')).toHaveLength(1);
      expect(hasErrors(issues)).toBe(true);
    });

    it('explains the range in French', () => {
      expect(messages(validateAction({ ...valid(), progressPercent: 120 }))).toEqual([
        "L'avancement doit être compris entre 0 et 100 % (valeur saisie : 120 %).",
      ]);
    });

    it('accepts 0, 100 and decimals', () => {
      expect(validateAction({ ...valid(), progressPercent: 0 })).toEqual([]);
      expect(validateAction({ ...valid(), progressPercent: 33.33 })).toEqual([]);
      expect(validateAction({ ...valid(), status: 'TERMINE', progressPercent: 100 })).toEqual([]);
    });

    it('warns (does not block) when a finished action is below 100 %', () => {
      const issues = validateAction({ ...valid(), status: 'TERMINE', progressPercent: 80 });
      expect(issues).toEqual([
        {
          field: 'progressPercent',
          code: 'status.doneBelow100',
          severity: 'warning',
          message: "L'action est marquée « Terminé » mais son avancement est de 80 %. Mettez l'avancement à 100 % ou changez le statut.",
        },
      ]);
      expect(hasErrors(issues)).toBe(false);
    });

    it('warns when an action at 100 % is still in progress', () => {
      expect(messages(validateAction({ ...valid(), status: 'EN_COURS', progressPercent: 100 }))).toEqual([
        "L'avancement est de 100 % mais le statut est « En cours ». L'action est-elle terminée ?",
      ]);
    });

    it('refuses values outside the vocabularies', () => {
      const issues = validateAction({ ...valid(), status: 'FINI' as never, health: 'rouge' as never, priority: 'haute' as never });
      expect(issues.map((i) => i.code)).toEqual(['status.invalid', 'health.invalid', 'priority.invalid']);
    });
  });

  describe('resources, weight, SDG', () => {
    it('refuses negative budget, ETP and weight', () => {
      const line = { year: 2026, service: null, direction: 'depense' as const, source: null, article: null, planned: -5, actual: null, etp: -0.5 };
      const issues = validateAction({ ...valid(), weight: -1, resources: { text: null, lines: [line] } });
      expect(issues.map((i) => i.field)).toEqual(['resources.lines.0.planned', 'resources.lines.0.etp', 'weight']);
      expect(messages(issues)).toEqual([
        'Le montant prévu ne peut pas être négatif (valeur saisie : -5).',
        "Le nombre d'ETP ne peut pas être négatif (valeur saisie : -0,5).",
        "Le poids de l'action ne peut pas être négatif (valeur saisie : -1).",
      ]);
    });

    it('accepts zero and large budgets', () => {
      const line = { year: 2026, service: 'extraordinaire' as const, direction: 'depense' as const, source: null, article: null, planned: 30000000, actual: 0, etp: 0 };
      expect(validateAction({ ...valid(), resources: { text: null, lines: [line] } })).toEqual([]);
    });

    it('refuses an SDG outside 1..17', () => {
      expect(messages(validateAction({ ...valid(), sdgs: [1, 17, 18] }))).toEqual([
        "L'ODD 18 n'existe pas : les objectifs de développement durable vont de 1 à 17.",
      ]);
    });
  });

  describe('people', () => {
    it('checks e-mail addresses only when given', () => {
      expect(
        validateAction({
          ...valid(),
          projectLead: { displayName: 'Eve Delvinquière', email: 'eve.delvinquiere@cpas-binche.be' },
          pilot: { displayName: 'Gavin Philippart' },
          mandatary: "Conseil de l'Action Sociale",
        }),
      ).toEqual([]);
    });

    it('names the person whose address is wrong', () => {
      const issues = validateAction({
        ...valid(),
        projectLead: { displayName: 'Eve', email: 'eve@cpas' },
        team: [{ displayName: 'Lorette Bougard', email: 'lorette.bougard@cpas.be' }, { displayName: 'Franck Wauthier', email: 'franck wauthier@cpas.be' }],
        mandatary: { displayName: 'Échevin', email: 'echevin' },
      });
      expect(issues.map((i) => [i.field, i.message])).toEqual([
        ['projectLead.email', "L'adresse e-mail du chef de projet (« eve@cpas ») n'est pas valide."],
        ['mandatary.email', "L'adresse e-mail du mandataire (« echevin ») n'est pas valide."],
        ['team[1].email', "L'adresse e-mail de Franck Wauthier (équipe) (« franck wauthier@cpas.be ») n'est pas valide."],
      ]);
    });

    it('requires a name for a person', () => {
      expect(messages(validateAction({ ...valid(), pilot: { displayName: ' ' } }))).toEqual(['Indiquez le nom du pilote (CODIR).']);
    });
  });
});

describe('validateCheckIn', () => {
  const today = '2025-05-15';
  const checkIn = { id: 1, actionId: 7, date: '2025-05-15', author: null, status: 'EN_COURS' as const, percent: 35.5, health: 'bon' as const, comment: 'Marché attribué.' };

  it('accepts a check-in dated today with one decimal', () => {
    expect(validateCheckIn(checkIn, { today })).toEqual([]);
  });

  it('requires a date and a status', () => {
    const issues = validateCheckIn({ ...checkIn, date: '', status: undefined }, { today });
    expect(issues).toEqual([
      { field: 'date', code: 'date.required', severity: 'error', message: 'La date du suivi est obligatoire.' },
      { field: 'status', code: 'status.required', severity: 'error', message: 'Choisissez un statut.' },
    ]);
  });

  it('refuses a date in the future, and an impossible date', () => {
    expect(messages(validateCheckIn({ ...checkIn, date: '2025-06-01' }, { today }))).toEqual([
      'La date du suivi (01/06/2025) est dans le futur : nous sommes le 15/05/2025.',
    ]);
    expect(messages(validateCheckIn({ ...checkIn, date: '2025-05-16' }, { today }))).toHaveLength(1);
    expect(validateCheckIn({ ...checkIn, date: '2025-05-14' }, { today })).toEqual([]);
    expect(messages(validateCheckIn({ ...checkIn, date: '2023-02-29' }, { today }))).toEqual([
      "La date du suivi (« 2023-02-29 ») n'est pas une date valide.",
    ]);
    expect(messages(validateCheckIn({ ...checkIn, date: '2025-06-01' }, { today, lang: 'en' }))).toEqual([
      'The check-in date (01/06/2025) is in the future: today is 15/05/2025.',
    ]);
  });

  it('accepts integers and one decimal, refuses more decimals and values outside 0–100', () => {
    for (const percent of [0, 35, 35.5, 99.9, null]) {
      expect(validateCheckIn({ ...checkIn, percent }, { today })).toEqual([]);
    }
    expect(validateCheckIn({ ...checkIn, status: 'TERMINE', percent: 100 }, { today })).toEqual([]);
    expect(messages(validateCheckIn({ ...checkIn, percent: 35.55 }, { today }))).toEqual([
      "L'avancement accepte au plus une décimale (par exemple 35,5 %), pas 35,55 %.",
    ]);
    expect(only(validateCheckIn({ ...checkIn, percent: 101 }, { today }), 'percent.range')).toHaveLength(1);
    expect(only(validateCheckIn({ ...checkIn, percent: -0.1 }, { today }), 'percent.range')).toHaveLength(1);
  });

  it('leaves "Terminé" below 100 % to the check-in guardrails (no second message)', () => {
    expect(validateCheckIn({ ...checkIn, status: 'TERMINE', percent: 90 }, { today })).toEqual([]);
  });

  it('limits the comment length (default 2 000 characters)', () => {
    expect(validateCheckIn({ ...checkIn, comment: 'x'.repeat(2000) }, { today })).toEqual([]);
    expect(messages(validateCheckIn({ ...checkIn, comment: 'x'.repeat(2001) }, { today }))).toEqual([
      `Le commentaire compte 2${NBSP}001 caractères : 2${NBSP}000 au maximum.`,
    ]);
    expect(only(validateCheckIn({ ...checkIn, comment: 'x'.repeat(11) }, { today, maxCommentLength: 10 }), 'comment.tooLong')).toHaveLength(1);
  });

  it('asks for an explanation when something is blocked', () => {
    const issues = validateCheckIn({ ...checkIn, status: 'PROBLEME', comment: ' ' }, { today });
    expect(issues).toEqual([
      {
        field: 'comment',
        code: 'comment.explainProblem',
        severity: 'warning',
        message: 'Expliquez le problème en quelques mots dans le commentaire : le comité de pilotage en aura besoin.',
      },
    ]);
    // Blocked and at-risk healths need a reason: a guardrail that refuses, not this warning.
    expect(only(validateCheckIn({ ...checkIn, status: 'PROBLEME', health: 'blocage', comment: null }, { today }), 'comment.explainProblem')).toHaveLength(0);
  });

  it('requires the action', () => {
    expect(messages(validateCheckIn({ ...checkIn, actionId: undefined }, { today }))).toEqual(["Choisissez l'action concernée par ce suivi."]);
  });
});

describe('validateIndicator', () => {
  const indicator = { id: 1, actionId: 7, label: 'Nombre de bénéficiaires suivis', unit: 'personnes', baseline: 40, target: 60, current: 52, year: 2024 };

  it('accepts a complete indicator', () => {
    expect(validateIndicator(indicator)).toEqual([]);
  });

  it('requires a label and an action, checks the year and the numbers', () => {
    const issues = validateIndicator({ ...indicator, label: '', actionId: undefined, year: 24, current: NaN });
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['label', "Le libellé de l'indicateur est obligatoire."],
      ['actionId', "Choisissez l'action que mesure cet indicateur."],
      ['year', "L'année 24 n'est pas valide (par exemple 2024)."],
      ['current', "La valeur actuelle n'est pas un nombre."],
    ]);
  });

  it('warns when the target equals the baseline', () => {
    expect(validateIndicator({ ...indicator, target: 40 })).toEqual([
      {
        field: 'target',
        code: 'target.equalsBaseline',
        severity: 'warning',
        message: "La cible est égale à la valeur de départ : l'indicateur ne mesurera aucun progrès.",
      },
    ]);
  });
});

describe('validateStrategicObjective and validateOperationalObjective', () => {
  it('require a title', () => {
    expect(messages(validateStrategicObjective({ id: 1, title: '', volet: 'interne' }))).toEqual([
      "L'intitulé de l'objectif stratégique est obligatoire.",
    ]);
    expect(messages(validateOperationalObjective({ id: 1, title: null as unknown as string, strategicObjectiveId: 1 }))).toEqual([
      "L'intitulé de l'objectif opérationnel est obligatoire.",
    ]);
    expect(messages(validateOperationalObjective({ id: 1, title: '' }, { lang: 'en' }))).toEqual([
      'The title of the operational objective is required.',
      'Link the operational objective to a strategic objective.',
    ]);
  });

  it('accept well-formed objectives and refuse an unknown volet', () => {
    expect(validateStrategicObjective({ id: 1, code: 'OS 100', title: 'Être un CPAS éco-responsable', volet: 'transversal' })).toEqual([]);
    expect(validateOperationalObjective({ id: 1, code: '1.1', title: 'Accueil', strategicObjectiveId: 3 })).toEqual([]);
    expect(validateStrategicObjective({ id: 1, title: 'x', volet: 'mixte' as never }).map((i) => i.code)).toEqual(['volet.invalid']);
  });
});
