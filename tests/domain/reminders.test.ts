import { committeeDigest, leadDigests, reminderKey, weekStart, DEFAULT_REMINDER_THRESHOLDS } from '../../src/domain/reminders';
import { createAction, Person } from '../../src/domain/model';
import { parsePeriod, isParseError } from '../../src/domain/parsing';

const TODAY = '2026-11-23'; // a Monday
const day = (text: string) => {
  const p = parsePeriod(text);
  if (!p || isParseError(p)) throw new Error(text);
  return p;
};
const sophie: Person = { id: 2, displayName: 'Sophie Lambert', email: 'Sophie.Lambert@cpas.example' };
const marc: Person = { id: 3, displayName: 'Marc Dubois', email: 'marc.dubois@cpas.example' };

const actions = [
  // overdue by 53 days, recent check-in
  createAction({ id: 1, code: '1', title: 'Téléphonie', status: 'EN_COURS', plannedEnd: day('01/10/2026'), lastCheckInDate: '2026-11-10', projectLead: sophie }),
  // due in 7 days and silent for 60 days: two reminders in the same digest
  createAction({ id: 2, code: '2', title: 'Accueil', status: 'EN_COURS', plannedEnd: day('30/11/2026'), lastCheckInDate: '2026-09-24', projectLead: sophie }),
  // fine
  createAction({ id: 3, code: '3', title: 'Crèche', status: 'EN_COURS', plannedEnd: day('2027'), lastCheckInDate: '2026-11-20', projectLead: marc }),
  // done after its deadline: nothing
  createAction({ id: 4, code: '4', title: 'Formation', status: 'TERMINE', plannedEnd: day('01/01/2026'), lastCheckInDate: '2026-11-20', projectLead: marc }),
  // cancelled: nothing
  createAction({ id: 5, code: '5', title: 'Potager', status: 'ANNULE_ABANDONNE', plannedEnd: day('01/01/2026'), projectLead: marc }),
  // overdue without a lead e-mail: reported, not sent
  createAction({ id: 6, code: '6', title: 'Sans e-mail', status: 'PROBLEME', plannedEnd: day('2025'), projectLead: { displayName: 'PHILIPPART GAVIN' } }),
];

describe('leadDigests', () => {
  const { digests, withoutEmail } = leadDigests(actions, TODAY, new Set());

  it('sends one digest per lead, only to those with something to say', () => {
    expect(digests.map((d) => d.recipient.email)).toEqual(['sophie.lambert@cpas.example']);
    expect(withoutEmail.map((a) => a.id)).toEqual([6]);
  });

  it('lists overdue first, then due soon, then stale, with their day counts', () => {
    expect(digests[0].items.map((i) => [i.kind, i.action.id, i.days])).toEqual([
      ['overdue', 1, 53],
      ['dueSoon', 2, 7],
      ['stale', 2, 60],
    ]);
    expect(digests[0].keys).toEqual([
      reminderKey('overdue', 1, '2026-10-01#0'),
      reminderKey('dueSoon', 2, '2026-11-30'),
      reminderKey('stale', 2, '2026-09-24'),
    ]);
  });

  it('never sends the same reminder twice: a second run with the ledger sends nothing', () => {
    const sent = new Set(digests.flatMap((d) => d.keys));
    expect(leadDigests(actions, TODAY, sent).digests).toEqual([]);
    // the next day, still nothing new
    expect(leadDigests(actions, '2026-11-24', sent).digests).toEqual([]);
  });

  it('sends only what is missing after a run that stopped half-way', () => {
    const sent = new Set([reminderKey('overdue', 1, '2026-10-01#0')]);
    const again = leadDigests(actions, TODAY, sent).digests;
    expect(again[0].items.map((i) => i.kind)).toEqual(['dueSoon', 'stale']);
  });

  it('reminds again when there is something new: a new deadline or a new silence', () => {
    const sent = new Set(digests.flatMap((d) => d.keys));
    const moved = actions.map((a) => (a.id === 1 ? { ...a, plannedEnd: day('15/11/2026') } : a));
    expect(leadDigests(moved, TODAY, sent).digests[0].items.map((i) => i.key)).toEqual([reminderKey('overdue', 1, '2026-11-15#0')]);
  });

  it('repeats an overdue reminder every N days when configured', () => {
    const thresholds = { ...DEFAULT_REMINDER_THRESHOLDS, overdueRepeatDays: 14 };
    const first = leadDigests(actions, TODAY, new Set(), thresholds).digests[0].keys[0];
    expect(first).toBe(reminderKey('overdue', 1, '2026-10-01#3'));
    const sent = new Set([first]);
    // 56 days late: same fortnight as day 53; 57 days late: a new one begins
    expect(leadDigests(actions, '2026-11-26', sent, thresholds).digests[0].items.map((i) => i.kind)).toEqual(['dueSoon', 'stale']);
    expect(leadDigests(actions, '2026-11-27', sent, thresholds).digests[0].keys[0]).toBe(reminderKey('overdue', 1, '2026-10-01#4'));
  });

  it('is due soon exactly on the deadline day and overdue the day after', () => {
    const a = createAction({ id: 9, title: 'X', status: 'EN_COURS', plannedEnd: day('23/11/2026'), lastCheckInDate: '2026-11-22', projectLead: marc });
    expect(leadDigests([a], TODAY, new Set()).digests[0].items.map((i) => [i.kind, i.days])).toEqual([['dueSoon', 0]]);
    expect(leadDigests([a], '2026-11-24', new Set()).digests[0].items.map((i) => [i.kind, i.days])).toEqual([['overdue', 1]]);
  });
});

describe('committeeDigest', () => {
  it('lists late, blocked and recently done actions, once per ISO week', () => {
    const digest = committeeDigest(actions, TODAY, new Set())!;
    expect(digest.key).toBe('committee:2026-11-23');
    expect(digest.late.map((i) => i.action.id)).toEqual([6, 1]);
    expect(digest.blocked.map((a) => a.id)).toEqual([6]);
    expect(digest.doneThisWeek.map((a) => a.id)).toEqual([4]);
    expect(committeeDigest(actions, '2026-11-29', new Set([digest.key]))).toBeNull();
    expect(committeeDigest(actions, '2026-11-30', new Set([digest.key]))!.key).toBe('committee:2026-11-30');
  });

  it('sends nothing when there is nothing to report', () => {
    expect(committeeDigest([actions[2]], TODAY, new Set())).toBeNull();
  });

  it('finds the Monday of the week, across a year end', () => {
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });
});
