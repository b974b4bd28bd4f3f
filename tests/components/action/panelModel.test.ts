import { latenessTexts, objectivePaths, pathText, readPercent, readSdgs, withLastCheckIn } from '../../../src/components/action/panelModel';
import { conflictAuthor, conflictMessage, conflictOf, saveErrorMessage } from '../../../src/components/action/save/saveModel';
import { readSheet, sheetConflictRows, sheetValuesOf } from '../../../src/components/action/sheet/sheetFields';
import { indicatorProgress } from '../../../src/components/action/sheet/IndicatorTable';
import { plannedDateText } from '../../../src/components/action/sheet/ActionSheet';
import { initialCheckInValues, checkCheckIn } from '../../../src/components/action/checkIn/CheckInForm';
import { checkSheet } from '../../../src/components/action/sheet/SheetEditForm';
import { sortCheckIns } from '../../../src/components/action/checkIn/CheckInHistory';
import { ConflictError } from '../../../src/data/errors';
import { classifyLateness } from '../../../src/domain/lateness';
import { createAction } from '../../../src/domain/model';
import { checkIns, jean, period, sampleAction, sampleDetails } from './panelTestSupport';

describe('lateness texts', () => {
  const at = (end: string, today: string, lastCheckInDate: string | null = today) =>
    latenessTexts(classifyLateness({ status: 'EN_COURS', plannedStart: null, plannedEnd: period(end), lastCheckInDate }, today)).map((t) => t.text);

  it('says how late, or how soon, in words', () => {
    expect(at('31/12/2024', '2025-01-12')).toEqual(['En retard de 12 jours']);
    expect(at('31/12/2024', '2025-01-01')).toEqual(['En retard de 1 jour']);
    expect(at('17/01/2025', '2025-01-12')).toEqual(['Échéance dans 5 jours']);
    expect(at('13/01/2025', '2025-01-12')).toEqual(['Échéance demain']);
    expect(at('12/01/2025', '2025-01-12')).toEqual(["Échéance aujourd'hui"]);
    expect(at('2030', '2025-01-12')).toEqual([]);
  });

  it('adds the silence of the lead', () => {
    expect(at('2030', '2025-03-01', '2024-12-31')).toEqual(['Sans suivi depuis 60 jours']);
    expect(
      latenessTexts(classifyLateness({ status: 'EN_COURS', plannedStart: period('2024'), plannedEnd: null, lastCheckInDate: null }, '2025-01-12')).map((t) => t.text),
    ).toEqual(['Aucun suivi depuis le début prévu']);
  });

  it('takes the last check-in from the history when the action lags behind', () => {
    const details = sampleDetails({ action: sampleAction({ lastCheckInDate: null }) });
    expect(withLastCheckIn(details).lastCheckInDate).toBe('2025-01-10');
    const newer = sampleDetails({ action: sampleAction({ lastCheckInDate: '2025-01-11' }) });
    expect(withLastCheckIn(newer)).toBe(newer.action);
  });
});

describe('the OS → OO path', () => {
  const os1 = { id: 1, code: '1', title: 'Accueil', volet: null, order: 1 };
  const os2 = { id: 2, code: '2', title: 'Personnel', volet: null, order: 2 };
  const oos = [
    { id: 11, code: '1.1', title: 'Téléphone', strategicObjectiveId: 1, order: 1 },
    { id: 21, code: '2.1', title: 'Formation', strategicObjectiveId: 2, order: 1 },
  ];

  it('finds the OS of each OO, also across several OS', () => {
    const action = createAction({ id: 1, title: 'x', operationalObjectiveIds: [11, 21, 99] });
    const paths = objectivePaths(action, { strategicObjectives: [os1, os2], operationalObjectives: oos });
    expect(paths.map(pathText)).toEqual(['1 Accueil → 1.1 Téléphone', '2 Personnel → 2.1 Formation', 'Objectif opérationnel n° 99']);
  });

  it('accepts a single OS, or a lookup function', () => {
    const action = createAction({ id: 1, title: 'x', operationalObjectiveIds: [11] });
    expect(objectivePaths(action, { strategicObjective: os1, operationalObjectives: oos }).map(pathText)).toEqual(['1 Accueil → 1.1 Téléphone']);
    const lookup = jest.fn(() => [{ strategicObjective: os2, operationalObjective: oos[1], operationalObjectiveId: 21 }]);
    expect(objectivePaths(action, lookup).map(pathText)).toEqual(['2 Personnel → 2.1 Formation']);
    expect(lookup).toHaveBeenCalledWith(action);
  });
});

describe('reading what users type', () => {
  it('reads a percent the Belgian way', () => {
    expect(readPercent('35')).toEqual({ value: 35 });
    expect(readPercent(' 35,5 % ')).toEqual({ value: 35.5 });
    expect(readPercent('35.5')).toEqual({ value: 35.5 });
    expect(readPercent('')).toEqual({ value: null });
    expect(readPercent('abc')).toEqual({ error: '« abc » n\'est pas un pourcentage : tapez un nombre entre 0 et 100, par exemple 35 ou 35,5.' });
  });

  it('reads SDG numbers', () => {
    expect(readSdgs('16, 9; 9 ODD 1')).toEqual({ value: [1, 9, 16] });
    expect(readSdgs('')).toEqual({ value: [] });
    expect(readSdgs('3, 18')).toEqual({ error: "« 18 » n'est pas un numéro d'ODD : les ODD vont de 1 à 17." });
  });

  it('checks a check-in with validateCheckIn, one message per field', () => {
    const action = sampleAction();
    const values = { ...initialCheckInValues(action, '2025-01-12'), percent: '100', status: 'EN_COURS' as const, comment: 'Fournisseur en retard' };
    const check = checkCheckIn(values, 7, '2025-01-12', 'fr');
    expect(check.errors).toEqual({});
    expect(check.warnings.status?.[0]).toContain("L'avancement est de 100 % mais le statut est « En cours »");
    expect(check.checkIn).toEqual({ actionId: 7, date: '2025-01-12', status: 'EN_COURS', percent: 100, health: 'risque', comment: 'Fournisseur en retard' });
    // « À risque » needs a reason: refused on the comment until one is given.
    expect(checkCheckIn({ ...values, comment: '' }, 7, '2025-01-12', 'fr').errors).toEqual({
      comment: '« À risque » demande une raison : dites en quelques mots dans le commentaire ce qui se passe.',
    });

    const empty = checkCheckIn({ status: '', percent: '', health: '', comment: '', date: '' }, 7, '2025-01-12', 'fr');
    expect(empty.errors).toEqual({ status: 'Choisissez un statut.', date: 'La date du suivi est obligatoire.' });
    expect(empty.checkIn).toBeNull();

    expect(checkCheckIn({ ...values, percent: '120' }, 7, '2025-01-12', 'en').errors.percent).toBe('Progress must be between 0 and 100 % (value entered: 120 %).');
  });

  it('adds the guardrails: « Terminé » below 100 % refused, a date before the start refused until confirmed', () => {
    const values = { ...initialCheckInValues(sampleAction(), '2025-01-12'), health: 'bon' as const };
    const done = checkCheckIn({ ...values, status: 'TERMINE' }, 7, '2025-01-12', 'fr');
    expect(done.errors.percent).toContain('« Terminé » veut dire 100 %');
    expect(done.checkIn).toBeNull();
    expect(checkCheckIn({ ...values, status: 'TERMINE', percent: '100' }, 7, '2025-01-12', 'fr').checkIn).toMatchObject({ status: 'TERMINE', percent: 100 });

    const early = { ...values, date: '20/12/2024' };
    expect(checkCheckIn(early, 7, '2025-01-12', 'fr', { actionStart: '2025-01-01' }).errors).toEqual({ date: 'Confirmez la date ou corrigez-la.' });
    expect(checkCheckIn(early, 7, '2025-01-12', 'fr', { actionStart: '2025-01-01' }).guardrails.map((g) => g.code)).toEqual(['date.beforeStart']);
    expect(checkCheckIn(early, 7, '2025-01-12', 'fr', { actionStart: '2025-01-01', dateConfirmed: true }).checkIn).toMatchObject({ date: '2024-12-20' });
    expect(checkCheckIn(early, 7, '2025-01-12', 'fr').checkIn).not.toBeNull();
  });
});

describe('the sheet form', () => {
  it('changes nothing when nothing was typed', () => {
    const action = sampleAction({ description: '<div class="x"><p>Un&nbsp;deux</p><ul><li>trois</li></ul></div>' });
    expect(readSheet(sheetValuesOf(action), action, 'fr')).toEqual({ changes: {}, errors: {} });
  });

  it('keeps the dates as written and reads them', () => {
    const action = sampleAction({ plannedEnd: null, plannedEndText: 'Fin de législature' });
    const values = { ...sheetValuesOf(action), plannedStart: '09/2024' };
    expect(values.plannedEnd).toBe('Fin de législature');
    expect(readSheet(values, action, 'fr').changes).toEqual({ plannedStart: period('09/2024'), plannedStartText: '09/2024' });
    expect(readSheet({ ...values, plannedStart: '' }, action, 'fr').changes).toEqual({ plannedStart: null, plannedStartText: null });
    expect(readSheet({ ...values, plannedStart: '13/2024' }, action, 'fr').errors).toEqual({
      plannedStart: "Le mois 13 n'existe pas (les mois vont de 01 à 12).",
    });
  });

  it('forgets the document texts of the state and progress once they are changed', () => {
    const action = sampleAction({ statusText: "A l'étude", progressText: '+/- 35 %' });
    const values = { ...sheetValuesOf(action), status: 'TERMINE', progressPercent: '100' };
    expect(readSheet(values, action, 'fr').changes).toEqual({ status: 'TERMINE', statusText: null, progressPercent: 100, progressText: null });
  });

  it('has no single budget or ETP: the resources text travels without the means lines', () => {
    const action = sampleAction();
    expect(Object.keys(sheetValuesOf(action))).not.toEqual(expect.arrayContaining(['etp']));
    expect(Object.keys(sheetValuesOf(action)).filter((key) => ['etp', 'budget', 'budgetService'].includes(key))).toEqual([]);
    const values = { ...sheetValuesOf(action), resourcesText: 'Deux agents à mi-temps' };
    expect(readSheet(values, action, 'fr').changes).toEqual({ resources: { text: 'Deux agents à mi-temps' } });
  });

  it('validates with validateAction, next to the fields; other remarks do not block', () => {
    const action = sampleAction({ projectLead: { displayName: 'X', email: 'pas-une-adresse' } });
    const values = { ...sheetValuesOf(action), title: ' ', plannedStart: '2026', plannedEnd: '2025' };
    const check = checkSheet(values, action, 'fr');
    expect(check.errors.title).toBe("L'intitulé de l'action est obligatoire.");
    expect(check.errors.plannedEnd).toBe('La date de fin (2025) précède la date de début (2026).');
    expect(check.others.join(' ')).toContain('pas-une-adresse');
    expect(Object.keys(check.errors).sort()).toEqual(['plannedEnd', 'title']);
  });

  it('shows the fields that differ from the stored version', () => {
    const mine = sampleAction({ title: 'Mon titre' });
    const theirs = sampleAction({ title: 'Leur titre', priority: 'prioritaire' });
    const rows = sheetConflictRows(sheetValuesOf(mine), theirs, 'fr');
    expect(rows).toEqual([
      { label: 'Intitulé', mine: 'Mon titre', theirs: 'Leur titre' },
      { label: 'Priorité', mine: 'Niveau 1', theirs: 'Prioritaire' },
    ]);
  });
});

describe('conflicts and failed saves', () => {
  it('names who changed the action, from the item or from the newest unseen check-in', () => {
    const seen = sampleDetails();
    const withEditor = { ...sampleDetails(), modifiedBy: jean, modified: '2025-01-11T09:30:00' };
    expect(conflictMessage(conflictAuthor(withEditor, seen))).toBe('Cette action a été modifiée par Jean Martin le 11/01/2025 pendant que vous la modifiiez.');
    const withCheckIn = sampleDetails({
      checkIns: [{ id: 300, actionId: 7, date: '2025-01-11', author: jean, status: 'EN_COURS', percent: 40, health: 'bon', comment: null }, ...checkIns],
    });
    expect(conflictAuthor(withCheckIn, seen)).toEqual({ name: 'Jean Martin', date: '2025-01-11' });
    expect(conflictMessage(conflictAuthor(sampleDetails(), seen))).toBe(
      'Cette action a été modifiée par une autre personne pendant que vous la modifiiez.',
    );
  });

  it('recognises a ConflictError and its current version', () => {
    const current = sampleDetails();
    expect(conflictOf(new ConflictError(current))).toBe(current);
    expect(conflictOf(new Error('x'))).toBeNull();
    expect(conflictOf(null)).toBeNull();
  });

  it('explains failures in French', () => {
    const http = (status: number) => Object.assign(new Error('HTTP'), { status });
    expect(saveErrorMessage(http(403))).toBe("Vous n'avez pas le droit de modifier cette action.");
    expect(saveErrorMessage(http(401))).toBe("Vous n'avez pas le droit de modifier cette action.");
    expect(saveErrorMessage(http(404))).toBe("Cette action n'existe plus : elle a peut-être été supprimée.");
    expect(saveErrorMessage(http(429))).toContain('SharePoint est momentanément surchargé');
    expect(saveErrorMessage(new TypeError('Failed to fetch'))).toContain("Le serveur n'a pas pu être joint.");
    expect(saveErrorMessage(http(500))).toBe("L'enregistrement a échoué (500 HTTP). Votre saisie est conservée ; réessayez dans un instant.");
  });
});

describe('display helpers', () => {
  it('shows the planned day and the text as written when they differ', () => {
    expect(plannedDateText(period('2024'), '2024', 'end')).toBe('31/12/2024 (écrit : 2024)');
    expect(plannedDateText(period('2024'), '2024', 'start')).toBe('01/01/2024 (écrit : 2024)');
    expect(plannedDateText(period('15/03/2024'), '15/03/2024', 'end')).toBe('15/03/2024');
    expect(plannedDateText(null, 'Depuis 1er trimestre 2019', 'start')).toBe('Depuis 1er trimestre 2019 (date non reconnue)');
    expect(plannedDateText(null, null, 'start')).toBeNull();
  });

  it('measures indicators from the baseline to the target', () => {
    expect(indicatorProgress({ baseline: 60, target: 90, current: 75 })).toBe(0.5);
    expect(indicatorProgress({ baseline: null, target: 200, current: 50 })).toBe(0.25);
    // reducing a waiting time from 30 to 10 days
    expect(indicatorProgress({ baseline: 30, target: 10, current: 20 })).toBe(0.5);
    expect(indicatorProgress({ baseline: null, target: 100, current: 150 })).toBe(1);
    expect(indicatorProgress({ baseline: 0, target: null, current: 5 })).toBeNull();
    expect(indicatorProgress({ baseline: 0, target: 0, current: 0 })).toBe(1);
  });

  it('sorts check-ins newest first', () => {
    expect(sortCheckIns(checkIns).map((c) => c.id)).toEqual([100, 99]);
    const sameDay = [{ ...checkIns[0], id: 1, date: '2025-01-01' }, { ...checkIns[0], id: 2, date: '2025-01-01' }];
    expect(sortCheckIns(sameDay).map((c) => c.id)).toEqual([2, 1]);
  });

  it('formats numbers in the form the Belgian way', () => {
    expect(sheetValuesOf(sampleAction({ progressPercent: 12.5 })).progressPercent).toBe('12,5');
  });
});
