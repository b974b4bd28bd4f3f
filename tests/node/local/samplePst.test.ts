import outline from '../../../src/node/local/sample/binche-2019-2024.outline.json';
import { buildSamplePst, SAMPLE_USERS } from '../../../src/node/local/samplePst';
import { buildPlanTree } from '../../../src/domain/tree';
import { rollUp } from '../../../src/domain/rollup';
import { classifyLateness } from '../../../src/domain/lateness';
import type { OutlineDocument } from '../../../src/import/toPlan';
import { daysBetween } from '../../../src/domain/model';

const TODAY = '2026-11-23';
const sample = buildSamplePst(outline as OutlineDocument, TODAY);

describe('the sample PST of the local mode', () => {
  it('keeps the structure of the Binche PST: 9 OS, 23 OO, 47 actions', () => {
    expect(sample.data.strategicObjectives).toHaveLength(9);
    expect(sample.data.operationalObjectives).toHaveLength(23);
    expect(sample.data.actions).toHaveLength(47);
  });

  it('is the same for the same day (no randomness)', () => {
    expect(buildSamplePst(outline as OutlineDocument, TODAY)).toEqual(sample);
  });

  it('shows every state the views must handle, relative to today', () => {
    const states = new Map<string, number>();
    for (const action of sample.data.actions) {
      const { state } = classifyLateness(action, TODAY);
      states.set(state, (states.get(state) ?? 0) + 1);
    }
    for (const state of ['done', 'overdue', 'dueSoon', 'stale', 'onTrack', 'cancelled']) {
      expect(states.get(state) ?? 0).toBeGreaterThan(0);
    }
    const tree = buildPlanTree({ ...sample.data, plan: sample.data.plan });
    const plan = rollUp(tree, { today: TODAY }).plan;
    expect(plan.blocked).toBeGreaterThan(0);
    expect(plan.late).toBe(states.get('overdue'));
  });

  it('moves with today: a year later, the plan and every date move by a year', () => {
    const later = buildSamplePst(outline as OutlineDocument, '2027-11-23');
    expect(later.data.plan.startYear).toBe(sample.data.plan.startYear! + 1);
    expect(daysBetween(sample.data.actions[0].plannedEnd!.end, later.data.actions[0].plannedEnd!.end)).toBe(365);
  });

  it('gives every action a fictional lead among the local leads, with a check-in history by that lead', () => {
    const leads = new Set(SAMPLE_USERS.filter((u) => u.role === 'lead').map((u) => u.email));
    for (const action of sample.data.actions) expect(leads).toContain(action.projectLead!.email);
    for (const checkIn of sample.checkIns) {
      const action = sample.data.actions.find((a) => a.id === checkIn.actionId)!;
      expect(checkIn.authorEmail).toBe(action.projectLead!.email);
      expect(daysBetween(checkIn.date, TODAY)).toBeGreaterThan(0);
    }
    // each action's last check-in is the date kept on the action
    for (const action of sample.data.actions.filter((a) => a.lastCheckInDate)) {
      const dates = sample.checkIns.filter((c) => c.actionId === action.id).map((c) => c.date).sort();
      expect(dates[dates.length - 1]).toBe(action.lastCheckInDate);
    }
  });
});
