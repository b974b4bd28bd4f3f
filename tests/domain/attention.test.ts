import { attentionHistory } from '../../src/domain/attention';
import type { CheckIn } from '../../src/domain/model';

const checkIn = (date: string, fields: Partial<CheckIn>): CheckIn => ({ id: 0, actionId: 1, date, author: null, status: 'EN_COURS', percent: null, health: null, comment: null, ...fields });

describe('why an action is blocked, and since when', () => {
  it('gives the latest comment and the start of the latest run of blocked check-ins', () => {
    const history = [
      checkIn('2026-09-01', { status: 'PROBLEME', comment: 'Premier blocage' }),
      checkIn('2026-09-20', { status: 'EN_COURS', comment: 'Reparti' }),
      checkIn('2026-10-05', { status: 'EN_COURS', health: 'blocage', comment: 'Marché public infructueux' }),
      checkIn('2026-11-02', { status: 'PROBLEME', comment: '  ' }),
    ];
    expect(attentionHistory(history, 'blocked')).toEqual({ reason: 'Marché public infructueux', reasonDate: '2026-10-05', since: '2026-10-05' });
  });

  it('counts a blocked check-in as at risk too, and says nothing when the latest check-in is fine', () => {
    const history = [checkIn('2026-10-01', { health: 'blocage' }), checkIn('2026-10-15', { health: 'risque', comment: 'Budget incertain' })];
    expect(attentionHistory(history, 'atRisk')).toEqual({ reason: 'Budget incertain', reasonDate: '2026-10-15', since: '2026-10-01' });
    expect(attentionHistory([checkIn('2026-10-01', { health: 'bon' })], 'atRisk')).toEqual({ reason: null, reasonDate: null, since: null });
    expect(attentionHistory([], 'blocked')).toEqual({ reason: null, reasonDate: null, since: null });
  });
});
