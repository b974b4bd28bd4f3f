import * as React from 'react';
import type { PstSnapshot } from '../data/PstRepository';
import type { Plan } from '../domain/model';
import { buildPlanTree, PlanTree } from '../domain/tree';
import { rollUp, PlanRollup } from '../domain/rollup';

export interface PlanModel {
  readonly tree: PlanTree;
  readonly rollup: PlanRollup;
}

const UNTITLED_PLAN: Plan = { id: 0, title: 'PST', organisation: null, startYear: null, endYear: null };

/** The tree and its roll-up at `today`, recomputed only when the data or the day change. */
export function usePlanModel(snapshot: PstSnapshot, today: string): PlanModel {
  return React.useMemo(() => {
    const tree = buildPlanTree({
      plan: snapshot.plans[0] ?? UNTITLED_PLAN,
      sections: snapshot.sections,
      strategicObjectives: snapshot.strategicObjectives,
      operationalObjectives: snapshot.operationalObjectives,
      actions: snapshot.actions,
    });
    return { tree, rollup: rollUp(tree, { today }) };
  }, [snapshot, today]);
}
