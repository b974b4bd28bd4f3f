/**
 * Structure editing and the plan's life against the embedded store, with the solution's
 * permissions: the coordination (a member of « PST – Coordination », not a site owner)
 * adds, renames, re-codes, reorders, moves, links, archives and renumbers, each change in
 * the change log; a collision is refused with the stored version; a lead and a reader are
 * refused by the store itself, through the repository and with a bare REST client.
 */
import { startEmbeddedStore, roleBasedAuthorizer, EmbeddedStore } from '../../src/node/store';
import { SharePointPstRepository } from '../../src/data/SharePointPstRepository';
import { ForbiddenError, InvalidRequestError, PstError, StructureConflictError } from '../../src/data/errors';
import { addUserToPstGroup } from '../../src/data/permissions';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { createAction } from '../../src/domain/model';
import { findStructureItem, renumberBranch, siblingsOf, StructureItem, StructureRef, visibleStructure } from '../../src/domain/structure';
import { currentPlan, itemsOfPlan } from '../../src/domain/plans';
import type { PstSnapshot } from '../../src/domain/snapshot';

jest.setTimeout(120_000);

const OWNER = 'it@cpas.example';
const COORDINATOR = 'elise.martin@cpas.example';
const OTHER_COORDINATOR = 'paul.durand@cpas.example';
const LEAD = 'sophie.lambert@cpas.example';
const READER = 'lecteur@cpas.example';
const as = (store: EmbeddedStore, email: string) => new SharePointPstRepository(createNodeSp(store.siteUrl, async () => `local:${email}`), '/sites/pst');

let store: EmbeddedStore;
let planId: number;
let ids: { os: number[]; oo: number[]; actions: number[] };

async function seen(email: string, ref: StructureRef): Promise<StructureItem> {
  const snapshot = await as(store, email).loadSnapshot();
  const item = findStructureItem(snapshot, ref);
  if (!item) throw new Error(`not found: ${ref.kind} ${ref.id}`);
  return item;
}

async function failure(promise: Promise<unknown>): Promise<PstError> {
  try {
    await promise;
  } catch (error) {
    return PstError.from(error);
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  store = await startEmbeddedStore({ dataFile: ':memory:', authorize: roleBasedAuthorizer });
  store.db.ensureUser({ email: OWNER, title: 'Service informatique', isSiteAdmin: true });
  store.db.ensureUser({ email: COORDINATOR, title: 'Élise Martin' });
  store.db.ensureUser({ email: OTHER_COORDINATOR, title: 'Paul Durand' });
  store.db.ensureUser({ email: LEAD, title: 'Sophie Lambert' });
  store.db.ensureUser({ email: READER, title: 'Lecteur' });
  const sp = createNodeSp(store.siteUrl, async () => `local:${OWNER}`);
  await as(store, OWNER).provisionLists();
  await addUserToPstGroup(sp, 'coordination', COORDINATOR);
  await addUserToPstGroup(sp, 'coordination', OTHER_COORDINATOR);
  await addUserToPstGroup(sp, 'leads', LEAD);
  await addUserToPstGroup(sp, 'committee', READER);
  const imported = await as(store, OWNER).importPlan({
    plan: { id: 1, title: 'PST 2025-2030', organisation: 'CPAS', startYear: 2025, endYear: 2030 },
    sections: [],
    strategicObjectives: [
      { id: 1, code: '1', title: 'Accueil', volet: 'externe', order: 1 },
      { id: 2, code: '2', title: 'Ressources humaines', volet: 'interne', order: 2 },
    ],
    operationalObjectives: [
      { id: 1, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 },
      { id: 2, code: '1.2', title: 'Permanences', strategicObjectiveId: 1, order: 2 },
      { id: 3, code: '2.1', title: 'Formation', strategicObjectiveId: 2, order: 1 },
    ],
    actions: [
      createAction({ id: 1, code: '1.1.1', title: 'Horaires', operationalObjectiveIds: [1], order: 1 }),
      createAction({ id: 2, code: '1.1.2', title: 'Signalétique', operationalObjectiveIds: [1], order: 2 }),
      createAction({ id: 3, code: '1.1.1.1', title: 'Enquête', operationalObjectiveIds: [1], parentActionId: 1, order: 1 }),
    ],
  });
  planId = imported.planId;
  ids = {
    os: [1, 2].map((i) => imported.ids.strategicObjectives.get(i)!),
    oo: [1, 2, 3].map((i) => imported.ids.operationalObjectives.get(i)!),
    actions: [1, 2, 3].map((i) => imported.ids.actions.get(i)!),
  };
});

afterAll(async () => {
  await store?.close();
});

describe('structure editing by the coordination', () => {
  it('provisioning again changes nothing (change log and new columns included)', async () => {
    const again = await as(store, OWNER).provisionLists();
    expect(again.changes).toEqual([]);
    expect(again.permissionChanges).toEqual([]);
  });

  it('adds an OO, an action under it and a sub-action, each logged', async () => {
    const repo = as(store, COORDINATOR);
    const oo = await repo.structure.apply(planId, { type: 'add', item: { kind: 'operationalObjective', title: 'Accueil numérique', code: '1.3', parentId: ids.os[0] } });
    const ooId = oo.written[0].id;
    const action = await repo.structure.apply(planId, { type: 'add', item: { kind: 'action', title: 'Prise de rendez-vous en ligne', code: '1.3.1', parentId: null, operationalObjectiveId: ooId } });
    const sub = await repo.structure.apply(planId, { type: 'add', item: { kind: 'action', title: 'Cahier des charges', code: null, parentId: action.written[0].id } });
    const snapshot = await repo.loadSnapshot();
    expect(snapshot.operationalObjectives.find((o) => o.id === ooId)).toMatchObject({ title: 'Accueil numérique', code: '1.3', strategicObjectiveId: ids.os[0], order: 10 }); // after 1.1 (1) and 1.2 (2)
    expect(snapshot.actions.find((a) => a.id === action.written[0].id)).toMatchObject({ operationalObjectiveIds: [ooId], parentActionId: null });
    expect(snapshot.actions.find((a) => a.id === sub.written[0].id)).toMatchObject({ operationalObjectiveIds: [ooId], parentActionId: action.written[0].id });
    const log = await repo.structure.loadChangeLog(planId);
    expect(log.slice(0, 3).map((e) => e.summary)).toEqual([
      'Ajout de la sous-action « Cahier des charges »',
      "Ajout de l'action 1.3.1 « Prise de rendez-vous en ligne »",
      "Ajout de l'OO 1.3 « Accueil numérique »",
    ]);
    expect(log[0].author?.displayName).toBe('Élise Martin');
    expect(log[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(log[0].kind).toBe('create');
  });

  it('refuses a blank title, a missing parent and an OO without OS, in French, writing nothing', async () => {
    const repo = as(store, COORDINATOR);
    const before = (await repo.loadSnapshot()).operationalObjectives.length;
    expect((await failure(repo.structure.apply(planId, { type: 'add', item: { kind: 'operationalObjective', title: '  ', code: null, parentId: ids.os[0] } }))).message).toBe("L'intitulé est obligatoire.");
    expect(await failure(repo.structure.apply(planId, { type: 'add', item: { kind: 'operationalObjective', title: 'x', code: null, parentId: 9999 } }))).toBeInstanceOf(InvalidRequestError);
    expect((await failure(repo.structure.apply(planId, { type: 'add', item: { kind: 'operationalObjective', title: 'x', code: null, parentId: null } }))).message).toContain('objectif stratégique');
    expect((await repo.loadSnapshot()).operationalObjectives.length).toBe(before);
  });

  it('renames and re-codes; a collision with another coordinator is refused with both versions', async () => {
    const repo = as(store, COORDINATOR);
    const shown = await seen(COORDINATOR, { kind: 'operationalObjective', id: ids.oo[1] });
    // Paul renames it first.
    await as(store, OTHER_COORDINATOR).structure.apply(planId, { type: 'edit', seen: shown, changes: { title: 'Permanences sociales' } });
    const error = await failure(repo.structure.apply(planId, { type: 'edit', seen: shown, changes: { title: 'Permanences du CPAS', code: '1.2bis' } }));
    expect(error).toBeInstanceOf(StructureConflictError);
    const conflict = error as StructureConflictError;
    expect(conflict.current.title).toBe('Permanences sociales');
    expect(conflict.modifiedBy?.displayName).toBe('Paul Durand');
    expect((await seen(COORDINATOR, shown)).code).toBe('1.2');
    // Keeping mine: the same edit over the stored version goes through.
    await repo.structure.apply(planId, { type: 'edit', seen: conflict.current, changes: { title: 'Permanences du CPAS', code: '1.2bis' } });
    expect(await seen(COORDINATOR, shown)).toMatchObject({ title: 'Permanences du CPAS', code: '1.2bis' });
    const log = await repo.structure.loadChangeLog(planId);
    expect(log[0].summary).toBe("L'OO 1.2 « Permanences sociales » : nouvel intitulé « Permanences du CPAS » ; code 1.2 → 1.2bis");
    expect(log[1].author?.displayName).toBe('Paul Durand');
    expect(JSON.parse(log[0].before!)).toEqual([{ ref: `operationalObjective:${ids.oo[1]}`, title: 'Permanences sociales', code: '1.2' }]);
  });

  it('moves an action to another OO (its sub-action follows), an OO to another OS; refuses an invalid move', async () => {
    const repo = as(store, COORDINATOR);
    await repo.structure.apply(planId, { type: 'move', seen: await seen(COORDINATOR, { kind: 'action', id: ids.actions[0] }), target: { kind: 'operationalObjective', id: ids.oo[1] } });
    let snapshot = await repo.loadSnapshot();
    expect(snapshot.actions.find((a) => a.id === ids.actions[0])!.operationalObjectiveIds).toEqual([ids.oo[1]]);
    expect(snapshot.actions.find((a) => a.id === ids.actions[2])!.operationalObjectiveIds).toEqual([ids.oo[1]]);
    await repo.structure.apply(planId, { type: 'move', seen: await seen(COORDINATOR, { kind: 'operationalObjective', id: ids.oo[2] }), target: { kind: 'strategicObjective', id: ids.os[0] } });
    snapshot = await repo.loadSnapshot();
    expect(snapshot.operationalObjectives.find((o) => o.id === ids.oo[2])!.strategicObjectiveId).toBe(ids.os[0]);
    const sub = await seen(COORDINATOR, { kind: 'action', id: ids.actions[2] });
    expect((await failure(repo.structure.apply(planId, { type: 'move', seen: sub, target: { kind: 'operationalObjective', id: ids.oo[0] } }))).message).toBe(
      'Cet élément ne peut pas aller à cet endroit.',
    );
    const log = await repo.structure.loadChangeLog(planId);
    expect(log[0].summary).toBe("L'OO 2.1 « Formation » déplacé vers l'OS 1 « Accueil »");
    expect(log[1].summary).toBe("L'action 1.1.1 « Horaires » déplacé vers l'OO 1.2bis « Permanences du CPAS »");
  });

  it('reorders siblings', async () => {
    const repo = as(store, COORDINATOR);
    const order = async () => siblingsOf(itemsOfPlan(await repo.loadSnapshot(), planId), { kind: 'operationalObjective', parentId: ids.os[0] }).map((s) => s.id);
    const before = await order();
    const index = before.indexOf(ids.oo[1]);
    expect(index).toBeGreaterThan(0);
    await repo.structure.apply(planId, { type: 'reorder', seen: await seen(COORDINATOR, { kind: 'operationalObjective', id: ids.oo[1] }), direction: 'up' });
    const expected = before.slice();
    [expected[index - 1], expected[index]] = [expected[index], expected[index - 1]];
    expect(await order()).toEqual(expected);
    while ((await order()).indexOf(ids.oo[1]) > 0) {
      await repo.structure.apply(planId, { type: 'reorder', seen: await seen(COORDINATOR, { kind: 'operationalObjective', id: ids.oo[1] }), direction: 'up' });
    }
    const first = await seen(COORDINATOR, { kind: 'operationalObjective', id: ids.oo[1] });
    expect((await failure(repo.structure.apply(planId, { type: 'reorder', seen: first, direction: 'up' }))).message).toBe("L'élément est déjà le premier.");
  });

  it('places an item next to any sibling (a drop in the tree), logged with the place; refuses a non-sibling', async () => {
    const repo = as(store, COORDINATOR);
    const order = async () => siblingsOf(itemsOfPlan(await repo.loadSnapshot(), planId), { kind: 'operationalObjective', parentId: ids.os[0] }).map((s) => s.id);
    const before = await order();
    const last = before[before.length - 1];
    const first = before[0];
    await repo.structure.apply(planId, { type: 'reorder', seen: await seen(COORDINATOR, { kind: 'operationalObjective', id: last }), place: { side: 'before', siblingId: first } });
    expect(await order()).toEqual([last, ...before.slice(0, -1)]);
    const log = await repo.structure.loadChangeLog(planId);
    expect(log[0].kind).toBe('reorder');
    expect(log[0].summary).toMatch(/^L'OO .+ placé avant l'OO .+/);
    // Back where it was, with the ETag of the version just read.
    await repo.structure.apply(planId, { type: 'reorder', seen: await seen(COORDINATOR, { kind: 'operationalObjective', id: last }), place: { side: 'after', siblingId: before[before.length - 2] } });
    expect(await order()).toEqual(before);
    // A sub-action ranks among its action's sub-actions only; a stale version is a conflict.
    const subAction = await seen(COORDINATOR, { kind: 'action', id: ids.actions[2] });
    const refused = await failure(repo.structure.apply(planId, { type: 'reorder', seen: subAction, place: { side: 'before', siblingId: ids.actions[1] } }));
    expect(refused).toBeInstanceOf(InvalidRequestError);
    expect(refused.message).toBe("L'élément ne se range qu'entre les éléments du même niveau, sous le même parent.");
    const stale = { ...(await seen(COORDINATOR, { kind: 'operationalObjective', id: last })), order: 999 };
    expect(await failure(repo.structure.apply(planId, { type: 'reorder', seen: stale, place: { side: 'before', siblingId: first } }))).toBeInstanceOf(StructureConflictError);
    expect(await order()).toEqual(before);
  });

  it('links an action to a second OO and unlinks it', async () => {
    const repo = as(store, COORDINATOR);
    await repo.structure.apply(planId, { type: 'link', seen: await seen(COORDINATOR, { kind: 'action', id: ids.actions[1] }), objectiveId: ids.oo[2] });
    expect((await repo.loadSnapshot()).actions.find((a) => a.id === ids.actions[1])!.operationalObjectiveIds).toEqual([ids.oo[0], ids.oo[2]]);
    const linked = await seen(COORDINATOR, { kind: 'action', id: ids.actions[1] });
    expect((await failure(repo.structure.apply(planId, { type: 'link', seen: linked, objectiveId: ids.oo[2] }))).message).toBe("L'action est déjà liée à cet objectif opérationnel.");
    await repo.structure.apply(planId, { type: 'unlink', seen: linked, objectiveId: ids.oo[0] });
    const after = await seen(COORDINATOR, { kind: 'action', id: ids.actions[1] });
    expect(after.operationalObjectiveIds).toEqual([ids.oo[2]]);
    expect((await failure(repo.structure.apply(planId, { type: 'unlink', seen: after, objectiveId: ids.oo[2] }))).message).toContain('au moins un objectif');
  });

  it('archives (kept in the list, hidden from the views) and restores', async () => {
    const repo = as(store, COORDINATOR);
    await repo.structure.apply(planId, { type: 'archive', seen: await seen(COORDINATOR, { kind: 'operationalObjective', id: ids.oo[1] }) });
    const snapshot = await repo.loadSnapshot();
    expect(snapshot.operationalObjectives.find((o) => o.id === ids.oo[1])!.archived).toBe(true);
    const shown = visibleStructure(snapshot, false);
    expect(shown.operationalObjectives.map((o) => o.id)).not.toContain(ids.oo[1]);
    expect(shown.actions.map((a) => a.id)).not.toContain(ids.actions[0]);
    expect(visibleStructure(snapshot, true).actions.map((a) => a.id)).toContain(ids.actions[0]);
    expect(snapshot.actions.map((a) => a.id)).toContain(ids.actions[0]);
    await repo.structure.apply(planId, { type: 'restore', seen: await seen(COORDINATOR, { kind: 'operationalObjective', id: ids.oo[1] }) });
    expect((await repo.loadSnapshot()).operationalObjectives.find((o) => o.id === ids.oo[1])!.archived).toBeUndefined();
    const log = await repo.structure.loadChangeLog(planId);
    expect(log.slice(0, 2).map((e) => e.kind)).toEqual(['restore', 'archive']);
  });

  it('renumbers a branch; a renumbering proposed on stale codes is refused', async () => {
    const repo = as(store, COORDINATOR);
    const snapshot = await repo.loadSnapshot();
    const root = findStructureItem(snapshot, { kind: 'strategicObjective', id: ids.os[0] })!;
    const changes = renumberBranch(itemsOfPlan(snapshot, planId), root);
    expect(changes.length).toBeGreaterThan(0);
    const stale = changes.map((c) => ({ ...c, before: 'autre' }));
    expect(await failure(repo.structure.apply(planId, { type: 'renumber', root, changes: stale }))).toBeInstanceOf(StructureConflictError);
    const result = await repo.structure.apply(planId, { type: 'renumber', root, changes });
    expect(result.written).toHaveLength(changes.length);
    const after = await repo.loadSnapshot();
    expect(after.operationalObjectives.filter((o) => o.strategicObjectiveId === ids.os[0]).map((o) => o.code).sort()).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(renumberBranch(itemsOfPlan(after, planId), root)).toEqual([]);
    expect((await repo.structure.loadChangeLog(planId))[0].summary).toBe(`Renumérotation sous l'OS 1 « Accueil » : ${changes.length} code(s) modifié(s)`);
  });
});

describe('a lead and a reader cannot edit the structure: the store refuses', () => {
  for (const [who, email] of [
    ['a lead', LEAD],
    ['a reader', READER],
  ] as const) {
    it(`${who}: every command is refused and nothing changes`, async () => {
      const repo = as(store, email);
      const os = await seen(email, { kind: 'strategicObjective', id: ids.os[0] });
      const action = await seen(email, { kind: 'action', id: ids.actions[1] });
      const before = JSON.stringify(await as(store, COORDINATOR).loadSnapshot());
      const logBefore = (await repo.structure.loadChangeLog(planId)).length;
      expect(await failure(repo.structure.apply(planId, { type: 'edit', seen: os, changes: { title: 'Piraté' } }))).toBeInstanceOf(ForbiddenError);
      expect(await failure(repo.structure.apply(planId, { type: 'add', item: { kind: 'operationalObjective', title: 'Nouveau', code: null, parentId: os.id } }))).toBeInstanceOf(ForbiddenError);
      expect(await failure(repo.structure.apply(planId, { type: 'archive', seen: action }))).toBeInstanceOf(ForbiddenError);
      expect(await failure(repo.structure.apply(planId, { type: 'move', seen: action, target: { kind: 'operationalObjective', id: ids.oo[1] } }))).toBeInstanceOf(ForbiddenError);
      // With a bare REST client: the lists themselves refuse, the change log too.
      const sp = createNodeSp(store.siteUrl, async () => `local:${email}`);
      expect(PstError.from(await sp.web.getList('/sites/pst/Lists/PstStrategicObjectives').items.getById(os.id).update({ Title: 'Piraté' }).catch((e) => e))).toBeInstanceOf(ForbiddenError);
      expect(PstError.from(await sp.web.getList('/sites/pst/Lists/PstChangeLog').items.add({ Title: 'Faux', PstPlanId: planId }).catch((e) => e))).toBeInstanceOf(ForbiddenError);
      expect(JSON.stringify(await as(store, COORDINATOR).loadSnapshot())).toBe(before);
      expect((await repo.structure.loadChangeLog(planId)).length).toBe(logBefore);
    });
  }

  it('the coordination cannot delete a change-log entry, nor rewrite one another coordinator wrote', async () => {
    const sp = createNodeSp(store.siteUrl, async () => `local:${COORDINATOR}`);
    const log = await as(store, COORDINATOR).structure.loadChangeLog(planId);
    const mine = log.find((e) => e.author?.displayName === 'Élise Martin')!;
    const paul = log.find((e) => e.author?.displayName === 'Paul Durand')!;
    const entries = sp.web.getList('/sites/pst/Lists/PstChangeLog').items;
    expect(PstError.from(await entries.getById(mine.id).delete().catch((e) => e))).toBeInstanceOf(ForbiddenError);
    expect(PstError.from(await entries.getById(paul.id).update({ Title: 'Réécrit' }).catch((e) => e))).toBeInstanceOf(ForbiddenError);
    expect((await as(store, COORDINATOR).structure.loadChangeLog(planId)).find((e) => e.id === paul.id)!.summary).toBe(paul.summary);
  });

  it('an import asked as « nouveau plan » is a new plan; a mise à jour dry run gives the stored items for old → new', async () => {
    const repo = as(store, COORDINATOR);
    const document = {
      plan: { id: -1, title: 'PST 2025-2030', organisation: 'CPAS', startYear: 2025, endYear: 2030 },
      sections: [],
      strategicObjectives: [{ id: -1, code: '1', title: 'Accueil', volet: 'externe' as const, order: 1 }],
      operationalObjectives: [],
      actions: [],
    };
    const update = await repo.importDocumentPlan(document, { dryRun: true, planId });
    expect(update.mode).toBe('sync');
    expect(update.stored?.strategicObjectives.map((o) => o.id)).toEqual(expect.arrayContaining([ids.os[0]]));
    const asNew = await repo.importDocumentPlan(document, { dryRun: true, newPlan: true });
    expect(asNew).toMatchObject({ mode: 'new', planId: null });
  });
});

describe("the plan's life", () => {
  it('puts a plan in force (the views show it), closes the legislature into a copy, keeps the old plan readable', async () => {
    const repo = as(store, COORDINATOR);
    let snapshot: PstSnapshot = await repo.loadSnapshot();
    const plan = snapshot.plans.find((p) => p.id === planId)!;
    expect((await failure(repo.structure.setPlanState(plan, 'enVigueur', null))).message).toBe("Indiquez la date d'adoption par le conseil.");
    const plans = await repo.structure.setPlanState(plan, 'enVigueur', '2025-03-27');
    expect(plans.find((p) => p.id === planId)).toMatchObject({ state: 'enVigueur', adoptedOn: '2025-03-27' });

    const nextId = await repo.structure.startNextPlan(planId, { title: 'PST 2031-2036', organisation: 'CPAS', startYear: 2031, endYear: 2036 });
    snapshot = await repo.loadSnapshot();
    const next = snapshot.plans.find((p) => p.id === nextId)!;
    expect(next).toMatchObject({ state: 'projet', previousPlanId: planId });
    const oldItems = visibleStructure(itemsOfPlan(snapshot, planId), false);
    const newItems = itemsOfPlan(snapshot, nextId);
    expect(newItems.strategicObjectives.map((o) => `${o.code} ${o.title}`)).toEqual(oldItems.strategicObjectives.map((o) => `${o.code} ${o.title}`));
    expect(newItems.operationalObjectives.length).toBe(oldItems.operationalObjectives.length);
    expect(newItems.actions.length).toBe(oldItems.actions.length);
    expect(newItems.actions.every((a) => a.status === null && a.progressPercent === null)).toBe(true);
    // Still in force until the next one is: the views keep showing the old plan.
    expect(currentPlan(snapshot.plans, '2031-06-01')?.id).toBe(planId);
    const inForce = await repo.structure.setPlanState(next, 'enVigueur', '2031-03-01');
    expect(inForce.find((p) => p.id === planId)!.state).toBe('cloture');
    expect(currentPlan(inForce, '2026-01-01')?.id).toBe(nextId);
    // The old plan stays on the site, whole.
    expect(itemsOfPlan(await repo.loadSnapshot(), planId).actions.length).toBe(oldItems.actions.length);
    const log = await repo.structure.loadChangeLog(planId);
    expect(log[0].summary).toBe('État du plan « PST 2025-2030 » : en vigueur → clôturé');
    expect((await repo.structure.loadChangeLog(nextId)).map((e) => e.kind)).toEqual(['planState', 'newPlan']);
  });

  it('a lead cannot change a plan state', async () => {
    const plan = (await as(store, LEAD).loadSnapshot()).plans.find((p) => p.state === 'enVigueur')!;
    expect(await failure(as(store, LEAD).structure.setPlanState(plan, 'cloture', null))).toBeInstanceOf(ForbiddenError);
  });
});
