import {
  ActionNode,
  OperationalObjectiveNode,
  PlanTree,
  StrategicObjectiveNode,
  TreeNode,
  buildPlanTree,
  compareCodes,
  compareSiblings,
  distinctTopLevelActions,
  topLevelActionNodes,
  walkTree,
} from '../../src/domain';
import { PLAN, action, oo, os, section, subAction } from './fixtures';

function findOo(tree: PlanTree, id: number): OperationalObjectiveNode {
  let found: OperationalObjectiveNode | undefined;
  walkTree(tree, (node) => {
    if (node.kind === 'operationalObjective' && node.objective.id === id) found = node;
  });
  if (!found) throw new Error(`OO ${id} not in tree`);
  return found;
}

function findOs(tree: PlanTree, id: number): StrategicObjectiveNode {
  let found: StrategicObjectiveNode | undefined;
  walkTree(tree, (node) => {
    if (node.kind === 'strategicObjective' && node.objective.id === id) found = node;
  });
  if (!found) throw new Error(`OS ${id} not in tree`);
  return found;
}

function actionOccurrences(tree: PlanTree, id: number): { node: ActionNode; parents: readonly TreeNode[] }[] {
  const result: { node: ActionNode; parents: readonly TreeNode[] }[] = [];
  walkTree(tree, (node, parents) => {
    if (node.kind === 'action' && node.action.id === id) result.push({ node, parents });
  });
  return result;
}

describe('compareCodes: natural order', () => {
  it('sorts numeric outlines, hundreds and letters the way people read them', () => {
    const codes = ['1.10', '1.9', '1.2', '10', '2', '1.1.1', '1.1', 'OS 100', 'OS 99', null, '2.2.3.B', '2.2.3.A'];
    expect(codes.slice().sort(compareCodes)).toEqual([
      '1.1',
      '1.1.1',
      '1.2',
      '1.9',
      '1.10',
      '2',
      '2.2.3.A',
      '2.2.3.B',
      '10',
      'OS 99',
      'OS 100',
      null,
    ]);
  });

  it('ignores case and inner spaces ("4 .4.2" is 4.4.2)', () => {
    expect(compareCodes('4 .4.2', '4.4.2')).toBe(0);
    expect(compareCodes('oo 101', 'OO 101')).toBe(0);
    expect(compareCodes('6.1.1.2', '6.1.1.10')).toBeLessThan(0);
    expect(compareCodes('OO 101', 'OO 1010')).toBeLessThan(0);
  });

  it('puts order before code, and title after code', () => {
    const a = { id: 1, order: 2, code: '1', title: 'B' };
    const b = { id: 2, order: 1, code: '9', title: 'A' };
    const c = { id: 3, order: 1, code: '10', title: 'A' };
    const d = { id: 4, order: 1, code: '10', title: 'Ä' };
    expect([a, b, c].sort(compareSiblings).map((x) => x.id)).toEqual([2, 3, 1]);
    expect(compareSiblings(c, d)).toBeLessThan(0); // same normalised title → id decides
  });
});

describe('buildPlanTree', () => {
  // Plan:
  //   section 1 (interne) > section 2;  OS 1 in section 2;  OS 2 externe;  OS 3 'OS 100', OS 4 'OS 99' without volet
  //   OS 1: OO 11 '1.1', OO 12 '1.2';  OS 2: OO 21;  OO 99 points to a missing OS
  //   action 1 → OO 11 + OO 12 (transversal within OS 1), action 2 → OO 11,
  //   action 3 → OO 21 + OO 11 (across OS), action 4 → unknown OO 555, action 5 → no OO,
  //   sub-action 6 under action 1, sub-action 7 under missing action 777, action 8 → OO 99
  const input = {
    plan: PLAN,
    sections: [section(1, { volet: 'interne', title: 'Axe 1' }), section(2, { parentSectionId: 1, title: 'Axe 1.1' })],
    strategicObjectives: [
      os(1, { code: '1', volet: 'interne', sectionId: 2 }),
      os(2, { code: '2', volet: 'externe' }),
      os(3, { code: 'OS 100' }),
      os(4, { code: 'OS 99' }),
    ],
    operationalObjectives: [oo(12, 1, { code: '1.2' }), oo(11, 1, { code: '1.1' }), oo(21, 2, { code: '2.1' }), oo(99, 999)],
    actions: [
      action(1, [11, 12], { code: '1.1.2' }),
      action(2, [11], { code: '1.1.1' }),
      action(3, [21, 11], { code: '2.1.1' }),
      action(4, [555]),
      action(5, []),
      subAction(6, 1),
      subAction(7, 777),
      action(8, [99]),
    ],
  };
  const tree = buildPlanTree(input);

  it('groups by volet in the order interne, externe, then no volet', () => {
    expect(tree.volets.map((v) => v.volet)).toEqual(['interne', 'externe', null]);
  });

  it('nests sections and puts each OS in its section', () => {
    const interne = tree.volets[0];
    expect(interne.sections).toHaveLength(1);
    expect(interne.sections[0].section.id).toBe(1);
    expect(interne.sections[0].sections[0].section.id).toBe(2);
    expect(interne.sections[0].sections[0].volet).toBe('interne'); // inherited from its parent
    expect(interne.sections[0].sections[0].strategicObjectives.map((o) => o.objective.id)).toEqual([1]);
    expect(interne.strategicObjectives).toEqual([]);
  });

  it('sorts OS and OO naturally', () => {
    expect(tree.volets[2].strategicObjectives.map((o) => o.objective.code)).toEqual(['OS 99', 'OS 100']);
    expect(findOs(tree, 1).operationalObjectives.map((o) => o.objective.code)).toEqual(['1.1', '1.2']);
    expect(findOo(tree, 11).actions.map((a) => a.action.code)).toEqual(['1.1.1', '1.1.2', '2.1.1']);
  });

  it('shows a transversal action under each of its OO, flagged shared with the other parents', () => {
    const occurrences = actionOccurrences(tree, 1);
    expect(occurrences).toHaveLength(2);
    const [underOo11, underOo12] = occurrences;
    expect(underOo11.node.operationalObjectiveId).toBe(11);
    expect(underOo11.node.shared).toBe(true);
    expect(underOo11.node.primary).toBe(true);
    expect(underOo11.node.otherOperationalObjectiveIds).toEqual([12]);
    expect(underOo12.node.operationalObjectiveId).toBe(12);
    expect(underOo12.node.primary).toBe(false);
    expect(underOo12.node.otherOperationalObjectiveIds).toEqual([11]);
  });

  it('shows an action shared across two OS in both', () => {
    const occurrences = actionOccurrences(tree, 3);
    expect(occurrences.map((o) => o.node.operationalObjectiveId)).toEqual([11, 21]);
    expect(occurrences.every((o) => o.node.shared)).toBe(true);
    expect(occurrences.find((o) => o.node.operationalObjectiveId === 21)?.node.primary).toBe(true);
  });

  it('marks a single-OO action as not shared', () => {
    const [only] = actionOccurrences(tree, 2);
    expect(only.node.shared).toBe(false);
    expect(only.node.primary).toBe(true);
    expect(only.node.otherOperationalObjectiveIds).toEqual([]);
  });

  it('hangs sub-actions under their parent, in every occurrence of the parent', () => {
    const occurrences = actionOccurrences(tree, 6);
    expect(occurrences).toHaveLength(2);
    for (const occurrence of occurrences) {
      const parent = occurrence.parents[occurrence.parents.length - 1] as ActionNode;
      expect(parent.action.id).toBe(1);
      expect(occurrence.node.shared).toBe(false);
      expect(occurrence.node.operationalObjectiveId).toBeNull();
    }
  });

  it('reports orphans with their reason and keeps them (with their subtree)', () => {
    const summary = tree.orphans.map((o) => [o.kind, o.id, o.reason, o.missingId, o.placed]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['action', 4, 'unknownOperationalObjective', 555, false],
        ['action', 5, 'noOperationalObjective', null, false],
        ['action', 7, 'unknownParentAction', 777, false],
        ['operationalObjective', 99, 'unknownStrategicObjective', 999, false],
      ]),
    );
    expect(tree.orphans).toHaveLength(4);
    const orphanOo = tree.orphans.find((o) => o.kind === 'operationalObjective');
    expect(orphanOo && topLevelActionNodes(orphanOo.node).map((n) => n.action.id)).toEqual([8]);
    expect(actionOccurrences(tree, 4)).toHaveLength(0); // not in the hierarchy, only in orphans
  });

  it('counts distinct actions under a node: a transversal action once', () => {
    expect(topLevelActionNodes(findOs(tree, 1)).map((n) => n.action.id)).toEqual([2, 1, 3, 1]);
    expect(distinctTopLevelActions(findOs(tree, 1)).map((a) => a.id)).toEqual([2, 1, 3]);
  });
});

describe('buildPlanTree: partial links and broken data', () => {
  it('places an action with one known and one unknown OO, and reports the unknown one', () => {
    const tree = buildPlanTree({
      plan: PLAN,
      strategicObjectives: [os(1)],
      operationalObjectives: [oo(11, 1)],
      actions: [action(1, [11, 404])],
    });
    expect(actionOccurrences(tree, 1)).toHaveLength(1);
    expect(actionOccurrences(tree, 1)[0].node.shared).toBe(false);
    expect(tree.orphans.map((o) => [o.id, o.reason, o.missingId, o.placed])).toEqual([[1, 'unknownOperationalObjective', 404, true]]);
  });

  it('ignores a repeated OO id', () => {
    const tree = buildPlanTree({
      plan: PLAN,
      strategicObjectives: [os(1)],
      operationalObjectives: [oo(11, 1)],
      actions: [action(1, [11, 11])],
    });
    expect(actionOccurrences(tree, 1)).toHaveLength(1);
    expect(actionOccurrences(tree, 1)[0].node.shared).toBe(false);
  });

  it('places a sub-action by its parent only, whatever OO it carries', () => {
    const tree = buildPlanTree({
      plan: PLAN,
      strategicObjectives: [os(1)],
      operationalObjectives: [oo(11, 1), oo(12, 1)],
      actions: [action(1, [11]), subAction(2, 1, { operationalObjectiveIds: [12] })],
    });
    expect(findOo(tree, 12).actions).toEqual([]);
    expect(findOo(tree, 11).actions[0].subActions.map((s) => s.action.id)).toEqual([2]);
  });

  it('puts an OS whose section is missing directly under its volet, and a section whose parent is missing at the top', () => {
    const tree = buildPlanTree({
      plan: PLAN,
      sections: [section(5, { parentSectionId: 404, volet: 'externe' })],
      strategicObjectives: [os(1, { sectionId: 77, volet: 'interne' }), os(2, { sectionId: 5, volet: 'externe' })],
      operationalObjectives: [],
      actions: [],
    });
    expect(tree.volets.map((v) => v.volet)).toEqual(['interne', 'externe']);
    expect(tree.volets[0].strategicObjectives.map((o) => o.objective.id)).toEqual([1]);
    expect(tree.volets[1].sections[0].strategicObjectives.map((o) => o.objective.id)).toEqual([2]);
    expect(tree.orphans.map((o) => [o.kind, o.reason, o.missingId, o.placed])).toEqual([
      ['strategicObjective', 'unknownSection', 77, true],
      ['section', 'unknownParentSection', 404, true],
    ]);
  });

  it('survives a cycle of sub-actions and reports both', () => {
    const tree = buildPlanTree({
      plan: PLAN,
      strategicObjectives: [os(1)],
      operationalObjectives: [oo(11, 1)],
      actions: [subAction(1, 2), subAction(2, 1), action(3, [11])],
    });
    expect(tree.orphans.map((o) => [o.id, o.reason]).sort()).toEqual([
      [1, 'cycle'],
      [2, 'cycle'],
    ]);
    expect(findOo(tree, 11).actions.map((a) => a.action.id)).toEqual([3]);
  });

  it('survives a cycle of sections', () => {
    const tree = buildPlanTree({
      plan: PLAN,
      sections: [section(1, { parentSectionId: 2 }), section(2, { parentSectionId: 1 })],
      strategicObjectives: [os(1, { sectionId: 1 })],
      operationalObjectives: [],
      actions: [],
    });
    expect(tree.volets).toEqual([]);
    expect(tree.orphans.map((o) => [o.kind, o.id, o.reason])).toEqual([
      ['section', 1, 'cycle'],
      ['section', 2, 'cycle'],
    ]);
  });

  it('builds an empty tree from an empty plan', () => {
    expect(buildPlanTree({ plan: PLAN, strategicObjectives: [], operationalObjectives: [], actions: [] })).toEqual({
      plan: PLAN,
      volets: [],
      orphans: [],
    });
  });
});
