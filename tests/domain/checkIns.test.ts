import { actionAfterCheckIn, checkInEffect } from '../../src/domain/checkIns';
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
