/**
 * The Binche sample PST (src/local/samplePst.ts) written straight through the store's
 * database layer, parents before children, with the product's own item mapping
 * (src/schema/mapping.ts): the same REST-shaped values `items.add` would send, checked by
 * the store the same way, without thousands of requests.
 */
import outline from '../../../src/node/local/sample/binche-2019-2024.outline.json';
import type { OutlineDocument } from '../../../src/import/toPlan';
import { buildSamplePst } from '../../../src/node/local/samplePst';
import { generations } from '../../../src/data/planWriter';
import type { ListKey } from '../../../src/schema/listSchema';
import {
  actionToItem,
  checkInToItem,
  indicatorToItem,
  operationalObjectiveToItem,
  planToItem,
  sectionToItem,
  strategicObjectiveToItem,
} from '../../../src/schema/mapping';
import type { EmbeddedStore } from '../../../src/node/store';

export interface LoadedSample {
  readonly actionIds: Map<number, number>;
  readonly counts: { sections: number; strategicObjectives: number; operationalObjectives: number; actions: number; checkIns: number };
}

export function loadSampleDirectly(store: EmbeddedStore, listIds: Record<ListKey, string>, today = '2025-06-15'): LoadedSample {
  const sample = buildSamplePst(outline as OutlineDocument, today);
  const db = store.db;
  const users = new Map(sample.users.map((u) => [u.email, db.ensureUser({ email: u.email, title: u.displayName, isSiteAdmin: u.role === 'coordinator' })]));
  const coordinator = [...users.values()].find((u) => u.isSiteAdmin)!;
  const add = (list: ListKey, body: Record<string, unknown>, authorId = coordinator.id) => db.addItem(listIds[list], body, { authorId }).id;
  const data = sample.data;
  return db.transaction(() => {
    const planId = add('plans', planToItem(data.plan));
    const sections = new Map<number, number>();
    for (const generation of generations(data.sections, (s) => s.id, (s) => s.parentSectionId ?? null)) {
      for (const s of generation) {
        sections.set(s.id, add('sections', sectionToItem({ ...s, parentSectionId: s.parentSectionId ? sections.get(s.parentSectionId) ?? null : null }, planId)));
      }
    }
    const os = new Map<number, number>();
    for (const o of data.strategicObjectives) {
      os.set(o.id, add('strategicObjectives', strategicObjectiveToItem({ ...o, sectionId: o.sectionId ? sections.get(o.sectionId) ?? null : null }, planId)));
    }
    const oo = new Map<number, number>();
    for (const o of data.operationalObjectives) {
      oo.set(o.id, add('operationalObjectives', operationalObjectiveToItem({ ...o, strategicObjectiveId: os.get(o.strategicObjectiveId)! })));
    }
    const actionIds = new Map<number, number>();
    for (const generation of generations(data.actions, (a) => a.id, (a) => a.parentActionId ?? null)) {
      for (const a of generation) {
        const lead = a.projectLead?.email ? users.get(a.projectLead.email) : undefined;
        const body = actionToItem({
          ...a,
          projectLead: a.projectLead ? { ...a.projectLead, id: lead?.id } : null,
          parentActionId: a.parentActionId ? actionIds.get(a.parentActionId) ?? null : null,
          operationalObjectiveIds: a.operationalObjectiveIds.map((id) => oo.get(id)!).filter((id) => id !== undefined),
        });
        actionIds.set(a.id, add('actions', body));
      }
    }
    for (const indicator of data.indicators ?? []) add('indicators', indicatorToItem({ ...indicator, actionId: actionIds.get(indicator.actionId)! }));
    for (const checkIn of sample.checkIns) {
      const { authorEmail, ...fields } = checkIn;
      add('checkIns', checkInToItem({ ...fields, actionId: actionIds.get(checkIn.actionId)! }), users.get(authorEmail)!.id);
    }
    return {
      actionIds,
      counts: {
        sections: data.sections.length,
        strategicObjectives: data.strategicObjectives.length,
        operationalObjectives: data.operationalObjectives.length,
        actions: data.actions.length,
        checkIns: sample.checkIns.length,
      },
    };
  });
}
