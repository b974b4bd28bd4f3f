import { leadAgenda, leadsAnAction } from '../../src/domain/leadAgenda';
import { createAction, Period } from '../../src/domain/model';

const day = (iso: string): Period => ({ text: iso, start: iso, end: iso, precision: 'day' });
const me = { displayName: 'Julien Leclercq', email: 'julien.leclercq@cpas.example' };
const other = { displayName: 'Claire Renard', email: 'claire.renard@cpas.example' };
const today = '2026-11-23';

describe('a project lead’s agenda', () => {
  const actions = [
    createAction({ id: 1, code: '1', title: 'Un peu en retard', projectLead: me, status: 'EN_COURS', plannedEnd: day('2026-11-13'), lastCheckInDate: '2026-11-20' }),
    createAction({ id: 2, code: '2', title: 'Très en retard', projectLead: me, status: 'EN_COURS', plannedEnd: day('2026-08-25'), lastCheckInDate: '2026-11-20' }),
    createAction({ id: 3, code: '3', title: 'Bientôt', projectLead: me, status: 'EN_COURS', plannedEnd: day('2026-12-10'), lastCheckInDate: '2026-11-20' }),
    createAction({ id: 4, code: '4', title: 'Très bientôt', projectLead: me, status: 'EN_COURS', plannedEnd: day('2026-11-25'), lastCheckInDate: '2026-11-20' }),
    createAction({ id: 5, code: '5', title: 'Sans suivi', projectLead: me, status: 'EN_COURS', plannedEnd: day('2027-06-30'), lastCheckInDate: '2026-08-01' }),
    createAction({ id: 6, code: '6', title: 'Jamais suivie', projectLead: me, status: 'NON_COMMENCE', plannedStart: day('2026-01-01'), plannedEnd: day('2027-06-30') }),
    createAction({ id: 7, code: '7', title: 'À jour', projectLead: me, status: 'EN_COURS', plannedEnd: day('2027-06-30'), lastCheckInDate: '2026-11-20' }),
    createAction({ id: 8, code: '8', title: 'Terminée', projectLead: me, status: 'TERMINE', plannedEnd: day('2026-01-01') }),
    createAction({ id: 9, code: '9', title: 'D’une autre', projectLead: other, status: 'EN_COURS', plannedEnd: day('2026-01-01') }),
  ];

  it('lists the lead’s open actions late first, then due soon, then without a recent check-in', () => {
    const agenda = leadAgenda(actions, me, today);
    expect(agenda.items.map((i) => i.action.id)).toEqual([2, 1, 4, 3, 6, 5]);
    expect(agenda.items.map((i) => i.reason)).toEqual(['overdue', 'overdue', 'dueSoon', 'dueSoon', 'stale', 'stale']);
    expect(agenda.items[0].daysLate).toBe(90);
    expect(agenda.items[2].daysLeft).toBe(2);
    expect(agenda.items[4].daysSinceCheckIn).toBeNull();
    expect(agenda).toMatchObject({ overdue: 2, dueSoon: 2, stale: 2, upToDate: 1 });
  });

  it('knows a lead from someone who leads nothing', () => {
    expect(leadsAnAction(actions, { displayName: 'JULIEN LECLERCQ' })).toBe(true);
    expect(leadsAnAction(actions, { displayName: 'Lucie Moreau', email: 'lucie.moreau@cpas.example' })).toBe(false);
    expect(leadsAnAction(actions, null)).toBe(false);
    expect(leadAgenda(actions, null, today).items).toEqual([]);
  });
});
