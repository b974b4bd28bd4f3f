import { actionAfterCheckIn, checkInEffect, checkInGuardrails, confirmDone, latestCheckIn, mayCorrect, refusedCheckIn } from '../../src/domain/checkIns';
import { createAction } from '../../src/domain/model';

describe('what a check-in does to its action', () => {
  const checkIn = { date: '2025-01-12', status: 'EN_COURS' as const, percent: 40, health: 'risque' as const };

  it('sets the status, progress, health and last check-in date, nothing else', () => {
    expect(checkInEffect(checkIn)).toEqual({ status: 'EN_COURS', progressPercent: 40, health: 'risque', lastCheckInDate: '2025-01-12' });
    const action = createAction({ id: 7, title: 'Téléphonie', status: 'NON_COMMENCE', statusText: "A l'étude", progressPercent: 10 });
    const after = actionAfterCheckIn(action, checkIn);
    expect(after).toEqual({ ...action, status: 'EN_COURS', progressPercent: 40, health: 'risque', lastCheckInDate: '2025-01-12' });
    expect(action.status).toBe('NON_COMMENCE');
  });

  it('clears what the check-in leaves empty', () => {
    const action = createAction({ id: 7, title: 'x', progressPercent: 50, health: 'bon' });
    expect(actionAfterCheckIn(action, { ...checkIn, percent: null, health: null })).toMatchObject({ progressPercent: null, health: null });
  });
});

describe('check-in guardrails', () => {
  const draft = { date: '2025-03-10', status: 'EN_COURS' as const, percent: 40, health: 'bon' as const, comment: null };
  const codes = (list: { code: string; severity: string }[]) => list.map((g) => `${g.code}:${g.severity}`);

  it('passes an ordinary check-in', () => {
    expect(checkInGuardrails(draft, '2025-01-01')).toEqual([]);
    expect(checkInGuardrails(draft, null)).toEqual([]);
  });

  it('refuses "Terminé" below 100 % or without a percent, and the confirmation sets 100 %', () => {
    const done = { ...draft, status: 'TERMINE' as const, percent: 90 };
    expect(checkInGuardrails(done, null)).toEqual([
      {
        code: 'done.not100',
        field: 'percent',
        severity: 'refused',
        message: "« Terminé » veut dire 100 %, l'avancement indiqué est de 90 % : confirmez 100 % ou choisissez un autre statut.",
      },
    ]);
    expect(codes(checkInGuardrails({ ...done, percent: null }, null))).toEqual(['done.not100:refused']);
    expect(checkInGuardrails({ ...done, percent: 99.9 }, null, 'en')[0].message).toContain('99.9 %');
    const confirmed = confirmDone(done);
    expect(confirmed).toEqual({ ...done, percent: 100 });
    expect(checkInGuardrails(confirmed, null)).toEqual([]);
    expect(confirmDone({ ...draft, percent: null })).toMatchObject({ status: 'TERMINE', percent: 100 });
  });

  it('requires a reason for "Bloqué" and "À risque", not for the other healths', () => {
    expect(checkInGuardrails({ ...draft, health: 'blocage' }, null)).toEqual([
      {
        code: 'reason.required',
        field: 'comment',
        severity: 'refused',
        message: '« Bloqué » demande une raison : dites en quelques mots dans le commentaire ce qui se passe.',
      },
    ]);
    expect(codes(checkInGuardrails({ ...draft, health: 'risque', comment: '   ' }, null))).toEqual(['reason.required:refused']);
    expect(checkInGuardrails({ ...draft, health: 'risque' }, null, 'en')[0].message).toBe('"At risk" needs a reason: say in a few words in the comment what is happening.');
    expect(checkInGuardrails({ ...draft, health: 'risque', comment: 'Le marché public est en recours.' }, null)).toEqual([]);
    expect(checkInGuardrails({ ...draft, health: 'pause' }, null)).toEqual([]);
    expect(checkInGuardrails({ ...draft, health: null }, null)).toEqual([]);
  });

  it("questions a date before the action's planned start, not the start day itself", () => {
    expect(checkInGuardrails({ ...draft, date: '2024-12-31' }, '2025-01-01')).toEqual([
      {
        code: 'date.beforeStart',
        field: 'date',
        severity: 'question',
        message: "Le 31/12/2024 est avant le début prévu de l'action (01/01/2025). Cette date est-elle correcte ?",
      },
    ]);
    expect(checkInGuardrails({ ...draft, date: '2025-01-01' }, '2025-01-01')).toEqual([]);
    expect(checkInGuardrails({ ...draft, date: 'pas une date' }, '2025-01-01')).toEqual([]);
  });

  it('reports every rule broken at once; the repository refuses only the "refused" ones', () => {
    const bad = { ...draft, status: 'TERMINE' as const, percent: 50, health: 'blocage' as const, date: '2020-01-01' };
    expect(codes(checkInGuardrails(bad, '2021-01-01'))).toEqual(['done.not100:refused', 'reason.required:refused', 'date.beforeStart:question']);
    expect(codes(refusedCheckIn(bad))).toEqual(['done.not100:refused', 'reason.required:refused']);
    expect(refusedCheckIn(draft)).toEqual([]);
  });
});

describe('which check-in a lead may correct', () => {
  const marc = { id: 12, displayName: 'Marc Dubois' };
  const sophie = { id: 13, displayName: 'Sophie Lambert' };
  const at = (id: number, date: string, author: typeof marc | null) => ({ id, actionId: 7, date, author, status: 'EN_COURS' as const, percent: 10, health: null, comment: null });
  const history = [at(1, '2025-01-10', marc), at(3, '2025-02-10', marc), at(2, '2025-02-10', sophie)];

  it('is the latest by date, then by id', () => {
    expect(latestCheckIn(history)?.id).toBe(3);
    expect(latestCheckIn([])).toBeUndefined();
  });

  it('only their own latest one', () => {
    expect(mayCorrect(history, history[1], marc)).toBe(true);
    expect(mayCorrect(history, history[0], marc)).toBe(false);
    expect(mayCorrect(history, history[1], sophie)).toBe(false);
    expect(mayCorrect(history, history[2], sophie)).toBe(false);
    expect(mayCorrect(history, history[1], null)).toBe(false);
    expect(mayCorrect(history, history[1], { id: undefined })).toBe(false);
    expect(mayCorrect([at(4, '2025-03-01', null)], at(4, '2025-03-01', null), marc)).toBe(false);
  });
});
