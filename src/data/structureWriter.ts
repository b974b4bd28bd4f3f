/**
 * Structure editing and the plan's life, for the coordination: add, rename, re-code,
 * reorder, move, archive/restore, link/unlink, renumber, a plan's state, the next plan
 * from a copy. The rules are the domain's (domain/structure.ts, domain/planLife.ts); here
 * they are applied to what the site holds now, each write carries the ETag of the version
 * read and every command is recorded in the plan's change log. Nothing is ever deleted.
 *
 * Concurrency: a command carries the items as the user saw them (`seen`). The writer reads
 * the plan's structure, refuses with StructureConflictError when an item differs from what
 * was seen (nothing written), then writes with the ETag it read (a change in between is a
 * 412, translated to the same error).
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { IsoDate, Person, Plan } from '../domain/model';
import { createAction } from '../domain/model';
import { itemsOfPlan } from '../domain/plans';
import { formatDate } from '../domain/parsing';
import type { PlanState } from '../domain/vocabularies';
import {
  changedFields,
  checkLink,
  checkMove,
  checkUnlink,
  findStructureItem,
  moveChanges,
  nextOrder,
  placeAmong,
  checkPlace,
  reorder,
  siblingsOf,
  StructureData,
  StructureFields,
  StructureItem,
  StructureKind,
  StructureRef,
  MoveProblem,
} from '../domain/structure';
import { ChangeKind, ChangeLogEntry, describeChange, describeNewPlan, describePlanState, itemLabelFr } from '../domain/changeLog';
import { copyForNextPlan, planStateChanges, PlanStateProblem } from '../domain/planLife';
import { MAX_TITLE_LENGTH, MAX_PAGE_SIZE } from '../domain/limits';
import {
  actionsList,
  changeLogList,
  ListDef,
  operationalObjectivesList,
  plansList,
  sectionsList,
  strategicObjectivesList,
} from '../schema/listSchema';
import {
  actionFromItem,
  actionToItem,
  dayToSharePoint,
  ItemPayload,
  ListItem,
  operationalObjectiveFromItem,
  operationalObjectiveToItem,
  planFromItem,
  sectionFromItem,
  sectionToItem,
  strategicObjectiveFromItem,
  strategicObjectiveToItem,
} from '../schema/mapping';
import { lookupIdProperty } from '../schema/query';
import { listUrl } from './sharePointPaths';
import { batched, followPages, readPage } from './requests';
import { httpStatusOf, InvalidRequestError, StructureConflictError } from './errors';
import type { PlanImport } from './PstRepository';
import type { NewStructureItem, StructureCommand, StructureCommandResult, StructureEditing } from './structureEditing';

export type { NewStructureItem, StructureCommand, StructureCommandResult, StructureEditing } from './structureEditing';

const LIST_OF = {
  section: sectionsList,
  strategicObjective: strategicObjectivesList,
  operationalObjective: operationalObjectivesList,
  action: actionsList,
} as const satisfies { readonly [K in StructureKind]: ListDef };

type StructureList = (typeof LIST_OF)[StructureKind];

/** The column holding an item's parent (StructureItem.parentId). */
const PARENT_PROPERTY: { readonly [K in StructureKind]: string } = {
  section: lookupIdProperty(sectionsList.fields.parentSection),
  strategicObjective: lookupIdProperty(strategicObjectivesList.fields.section),
  operationalObjective: lookupIdProperty(operationalObjectivesList.fields.strategicObjective),
  action: lookupIdProperty(actionsList.fields.parentAction),
};

const OBJECTIVES_PROPERTY = lookupIdProperty(actionsList.fields.operationalObjectives);

const MOVE_PROBLEMS_FR: { readonly [P in MoveProblem]: string } = {
  sameParent: "L'élément est déjà à cet endroit.",
  targetMissing: "La destination n'existe plus.",
  targetArchived: 'La destination est archivée : restaurez-la d’abord.',
  wrongTargetKind: 'Cet élément ne peut pas aller à cet endroit.',
  cycle: 'Un élément ne peut pas aller sous lui-même ni sous un de ses descendants.',
  alreadyLinked: "L'action est déjà liée à cet objectif opérationnel.",
  notLinked: "L'action n'est pas liée à cet objectif opérationnel.",
  lastObjective: "Une action reste liée à au moins un objectif opérationnel : déplacez-la plutôt.",
  subActionNotTransversal: 'Une sous-action suit son action : elle ne se lie pas à un autre OO.',
  targetIsSubAction: 'Une sous-action va sous une action, pas sous une autre sous-action.',
  hasSubActions: 'Cette action a des sous-actions.',
  notSibling: "L'élément ne se range qu'entre les éléments du même niveau, sous le même parent.",
  samePlace: "L'élément est déjà à cet endroit.",
};

const PLAN_PROBLEMS_FR: { readonly [P in PlanStateProblem]: string } = {
  adoptionDateRequired: "Indiquez la date d'adoption par le conseil.",
  adoptionDateInvalid: "La date d'adoption n'est pas une date valide (jj/mm/aaaa).",
  closedIsFinal: 'Un plan clôturé le reste : commencez plutôt le plan suivant.',
};

function refuse(message: string): never {
  throw new InvalidRequestError(message);
}

function etagOf(item: ListItem): string {
  const etag = item['odata.etag'];
  return typeof etag === 'string' ? etag : '*';
}

function payloadOf(kind: StructureKind, changes: Partial<StructureFields>): ItemPayload {
  const payload: ItemPayload = {};
  if (changes.title !== undefined) payload.Title = changes.title.trim();
  if (changes.code !== undefined) payload[LIST_OF[kind].fields.code.internalName] = changes.code && changes.code.trim() !== '' ? changes.code.trim() : null;
  if (changes.order !== undefined) payload[LIST_OF[kind].fields.sortOrder.internalName] = changes.order;
  if (changes.archived !== undefined) payload[LIST_OF[kind].fields.archived.internalName] = changes.archived;
  if (changes.parentId !== undefined) payload[PARENT_PROPERTY[kind]] = changes.parentId;
  if (changes.operationalObjectiveIds !== undefined) payload[OBJECTIVES_PROPERTY] = changes.operationalObjectiveIds.slice();
  return payload;
}

function checkTitle(title: string): void {
  if (title.trim() === '') refuse("L'intitulé est obligatoire.");
  if (title.trim().length > MAX_TITLE_LENGTH) refuse(`L'intitulé dépasse ${MAX_TITLE_LENGTH} caractères.`);
}

function checkCode(code: string | null | undefined): void {
  if (code && code.trim().length > 50) refuse('Le code dépasse 50 caractères.');
}

/** What one command writes: the item as seen, its changes. */
interface Edit {
  readonly seen: StructureItem;
  readonly changes: Partial<StructureFields>;
}

interface LoadedStructure {
  readonly data: StructureData;
  readonly etags: Map<string, string>;
  readonly editors: Map<string, { by: Person | null; at: string | null }>;
}

const refKey = (ref: StructureRef): string => `${ref.kind}:${ref.id}`;

export class SharePointStructureEditing implements StructureEditing {
  constructor(
    private readonly sp: SPFI,
    private readonly webServerRelativeUrl: string,
  ) {}

  private list(list: ListDef, sp: SPFI = this.sp) {
    return sp.web.getList(listUrl(this.webServerRelativeUrl, list));
  }

  /**
   * The structure of every plan (what the rules need: titles, codes, order, parents,
   * archived), with each item's ETag and last editor; one batch, then the next pages.
   */
  private async loadStructure(): Promise<LoadedStructure & { plans: Plan[] }> {
    const [batchedSp, execute] = batched(this.sp);
    const select = (list: StructureList, extra: string[]) => [
      'Id',
      'Title',
      'Modified',
      'Editor/Title',
      'Editor/EMail',
      list.fields.code.internalName,
      list.fields.sortOrder.internalName,
      list.fields.archived.internalName,
      ...extra,
    ];
    const query = (list: StructureList, extra: string[], sp: SPFI) => this.list(list, sp).items.select(...select(list, extra)).expand('Editor').top(MAX_PAGE_SIZE);
    const read = (list: StructureList, extra: string[]) => readPage(query(list, extra, batchedSp)).then((first) => followPages(query(list, extra, this.sp), first));
    const planQuery = (sp: SPFI) => this.list(plansList, sp).items.top(MAX_PAGE_SIZE);
    const pending = Promise.all([
      readPage(planQuery(batchedSp)).then((first) => followPages(planQuery(this.sp), first)),
      read(sectionsList, [PARENT_PROPERTY.section, lookupIdProperty(sectionsList.fields.plan), sectionsList.fields.volet.internalName]),
      read(strategicObjectivesList, [PARENT_PROPERTY.strategicObjective, lookupIdProperty(strategicObjectivesList.fields.plan), strategicObjectivesList.fields.volet.internalName]),
      read(operationalObjectivesList, [PARENT_PROPERTY.operationalObjective]),
      read(actionsList, [PARENT_PROPERTY.action, OBJECTIVES_PROPERTY]),
    ]);
    pending.catch(() => undefined);
    await execute();
    const [plans, sections, strategic, operational, actions] = await pending;
    const etags = new Map<string, string>();
    const editors = new Map<string, { by: Person | null; at: string | null }>();
    const note = (kind: StructureKind, items: ListItem[]): void => {
      for (const item of items) {
        etags.set(`${kind}:${item.Id}`, etagOf(item));
        const editor = item.Editor as { Title?: string; EMail?: string } | undefined;
        editors.set(`${kind}:${item.Id}`, {
          by: editor?.Title ? { displayName: editor.Title, email: editor.EMail || undefined } : null,
          at: typeof item.Modified === 'string' ? item.Modified : null,
        });
      }
    };
    note('section', sections);
    note('strategicObjective', strategic);
    note('operationalObjective', operational);
    note('action', actions);
    return {
      plans: plans.map(planFromItem),
      data: {
        sections: sections.map(sectionFromItem),
        strategicObjectives: strategic.map(strategicObjectiveFromItem),
        operationalObjectives: operational.map(operationalObjectiveFromItem),
        actions: actions.map(actionFromItem),
      },
      etags,
      editors,
    };
  }

  async apply(planId: number, command: StructureCommand): Promise<StructureCommandResult> {
    const loaded = await this.loadStructure();
    const plan = loaded.plans.find((p) => p.id === planId) ?? refuse("Ce plan n'existe plus.");
    // Only the items of this plan: a move never crosses legislatures.
    const data = itemsOfPlan({ ...loaded.data, plans: loaded.plans }, planId);
    if (command.type === 'add') return this.add(plan, data, command.item);

    const { edits, kind, summary } = this.plan(loaded, data, command);
    for (const edit of edits) checkSeen(loaded, data, edit.seen);
    const written: StructureItem[] = [];
    for (const edit of edits) {
      const ref = { kind: edit.seen.kind, id: edit.seen.id };
      const payload = payloadOf(edit.seen.kind, edit.changes);
      if (Object.keys(payload).length === 0) continue;
      try {
        await this.list(LIST_OF[ref.kind]).items.getById(ref.id).update(payload, loaded.etags.get(refKey(ref)) ?? '*');
      } catch (error) {
        if (httpStatusOf(error) === 412) throw await this.conflictOn(planId, ref);
        throw error;
      }
      written.push({ ...findStructureItem(data, ref)!, ...edit.changes } as StructureItem);
    }
    if (written.length > 0) {
      const first = edits[0].seen;
      await this.log(planId, kind, first, summary, edits.map((e) => ({ ref: refKey(e.seen), ...pick(e.seen, e.changes) })), edits.map((e) => ({ ref: refKey(e.seen), ...e.changes })));
    }
    return { written, summary };
  }

  /** The edits a command makes on the plan as stored, by the domain's rules. */
  private plan(loaded: LoadedStructure, data: StructureData, command: Exclude<StructureCommand, { type: 'add' }>): { edits: Edit[]; kind: ChangeKind; summary: string } {
    const stored = (ref: StructureRef): StructureItem => findStructureItem(data, ref) ?? refuse("Cet élément n'existe plus dans ce plan.");
    switch (command.type) {
      case 'edit': {
        if (command.changes.title !== undefined) checkTitle(command.changes.title);
        checkCode(command.changes.code);
        const changes = changedFields(command.seen, command.changes);
        return { edits: [{ seen: command.seen, changes }], kind: 'edit', summary: describeChange('edit', command.seen, changes) };
      }
      case 'move': {
        const item = stored(command.seen);
        const check = checkMove(data, item, command.target, command.fromObjectiveId);
        if (!check.ok) refuse(MOVE_PROBLEMS_FR[check.problem]);
        let changes = moveChanges(item, command.target, command.fromObjectiveId);
        const target = command.target ? stored(command.target) : null;
        // A sub-action shares its action's OO; it follows the action it moves under.
        if (item.kind === 'action' && item.parentId != null && target) changes = { ...changes, operationalObjectiveIds: target.operationalObjectiveIds ?? [] };
        const edits: Edit[] = [{ seen: command.seen, changes }];
        if (item.kind === 'action' && item.parentId == null && changes.operationalObjectiveIds) {
          for (const sub of data.actions.filter((a) => a.parentActionId === item.id)) {
            const subItem = findStructureItem(data, { kind: 'action', id: sub.id })!;
            edits.push({ seen: subItem, changes: { operationalObjectiveIds: changes.operationalObjectiveIds } });
          }
        }
        return { edits, kind: 'move', summary: describeChange('move', item, changes, { target: target ? itemLabelFr(target) : undefined }) };
      }
      case 'reorder': {
        const item = stored(command.seen);
        const siblings = siblingsOf(data, item, command.underObjectiveId);
        let orders: { id: number; order: number }[];
        let summary: string;
        if ('place' in command) {
          const check = checkPlace(siblings, item.id, command.place);
          if (!check.ok) refuse(MOVE_PROBLEMS_FR[check.problem]);
          orders = placeAmong(siblings, item.id, command.place);
          const sibling = stored({ kind: item.kind, id: command.place.siblingId });
          summary = describeChange('reorder', item, {}, { side: command.place.side, target: itemLabelFr(sibling) });
        } else {
          orders = reorder(siblings, item.id, command.direction);
          if (orders.length === 0) refuse(command.direction === 'up' ? "L'élément est déjà le premier." : "L'élément est déjà le dernier.");
          summary = describeChange('reorder', item, {}, { direction: command.direction });
        }
        // The item the user moved first: the conflict check and the log name it.
        const sorted = orders.slice().sort((a, b) => (a.id === item.id ? -1 : b.id === item.id ? 1 : 0));
        const edits = sorted.map((o) => ({ seen: o.id === item.id ? command.seen : stored({ kind: item.kind, id: o.id }), changes: { order: o.order } }));
        return { edits, kind: 'reorder', summary };
      }
      case 'archive':
      case 'restore': {
        const archived = command.type === 'archive';
        if (command.seen.archived === archived) refuse(archived ? 'Cet élément est déjà archivé.' : "Cet élément n'est pas archivé.");
        return { edits: [{ seen: command.seen, changes: { archived } }], kind: command.type, summary: describeChange(command.type, command.seen) };
      }
      case 'link':
      case 'unlink': {
        const item = stored(command.seen);
        const check = command.type === 'link' ? checkLink(data, item, command.objectiveId) : checkUnlink(item, command.objectiveId);
        if (!check.ok) refuse(MOVE_PROBLEMS_FR[check.problem]);
        const linked = item.operationalObjectiveIds ?? [];
        const operationalObjectiveIds = command.type === 'link' ? [...linked, command.objectiveId] : linked.filter((id) => id !== command.objectiveId);
        const target = stored({ kind: 'operationalObjective', id: command.objectiveId });
        return {
          edits: [{ seen: command.seen, changes: { operationalObjectiveIds } }],
          kind: command.type,
          summary: describeChange(command.type, item, {}, { target: itemLabelFr(target) }),
        };
      }
      case 'renumber': {
        const edits = command.changes.map((c) => ({ seen: stored(c.ref), changes: { code: c.after } }));
        // The codes as the user saw them when the renumbering was proposed.
        for (const c of command.changes) if ((stored(c.ref).code ?? null) !== (c.before ?? null)) throw conflict(loaded, stored(c.ref));
        if (edits.length === 0) refuse('Les codes de cette branche sont déjà dans l’ordre.');
        return { edits, kind: 'renumber', summary: describeChange('renumber', command.root, {}, { count: edits.length }) };
      }
    }
  }

  private async conflictOn(planId: number, ref: StructureRef): Promise<StructureConflictError> {
    const loaded = await this.loadStructure();
    const data = itemsOfPlan({ ...loaded.data, plans: loaded.plans }, planId);
    return conflict(loaded, findStructureItem(data, ref) ?? refuse("Cet élément n'existe plus dans ce plan."));
  }

  private async add(plan: Plan, data: StructureData, item: NewStructureItem): Promise<StructureCommandResult> {
    checkTitle(item.title);
    checkCode(item.code);
    const title = item.title.trim();
    const code = item.code && item.code.trim() !== '' ? item.code.trim() : null;
    const parentOf = (kind: StructureKind, id: number | null | undefined): StructureItem | null => {
      if (id == null) return null;
      const parent = findStructureItem(data, { kind, id }) ?? refuse("L'élément parent n'existe plus dans ce plan.");
      if (parent.archived) refuse("L'élément parent est archivé : restaurez-le d’abord.");
      return parent;
    };
    let payload: ItemPayload;
    let siblings: StructureItem[];
    let parentId: number | null = item.parentId;
    let objectives: number[] | undefined;
    switch (item.kind) {
      case 'section': {
        parentOf('section', item.parentId);
        siblings = siblingsOf(data, { kind: 'section', parentId: item.parentId });
        payload = sectionToItem({ code, title, volet: null, parentSectionId: item.parentId, order: 0 }, plan.id);
        break;
      }
      case 'strategicObjective': {
        const section = parentOf('section', item.parentId);
        siblings = siblingsOf(data, { kind: 'strategicObjective', parentId: item.parentId });
        const volet = section ? data.sections.find((s) => s.id === section.id)?.volet ?? null : null;
        payload = strategicObjectiveToItem({ code, title, volet, sectionId: item.parentId, order: 0, description: null }, plan.id);
        break;
      }
      case 'operationalObjective': {
        if (item.parentId == null) refuse('Un objectif opérationnel va sous un objectif stratégique.');
        parentOf('strategicObjective', item.parentId);
        siblings = siblingsOf(data, { kind: 'operationalObjective', parentId: item.parentId });
        payload = operationalObjectiveToItem({ code, title, strategicObjectiveId: item.parentId, order: 0, description: null });
        break;
      }
      case 'action': {
        if (item.parentId != null) {
          const parent = parentOf('action', item.parentId)!;
          if (parent.parentId != null) refuse(MOVE_PROBLEMS_FR.targetIsSubAction);
          objectives = (parent.operationalObjectiveIds ?? []).slice();
        } else {
          if (item.operationalObjectiveId == null) refuse('Une action va sous un objectif opérationnel.');
          parentOf('operationalObjective', item.operationalObjectiveId);
          objectives = [item.operationalObjectiveId];
          parentId = null;
        }
        siblings = siblingsOf(data, { kind: 'action', parentId, operationalObjectiveIds: objectives });
        payload = actionToItem(createAction({ id: 0, title, code, operationalObjectiveIds: objectives, parentActionId: parentId }));
        break;
      }
    }
    const order = nextOrder(siblings);
    payload[LIST_OF[item.kind].fields.sortOrder.internalName] = order;
    const added = (await this.list(LIST_OF[item.kind]).items.add(payload)) as ListItem;
    const created: StructureItem = { kind: item.kind, id: added.Id, title, code, order, archived: false, parentId, ...(objectives ? { operationalObjectiveIds: objectives } : {}) };
    const summary = describeChange('create', created);
    await this.log(plan.id, 'create', created, summary, null, [{ ref: refKey(created), title, code, parentId, operationalObjectiveIds: objectives }]);
    return { written: [created], summary };
  }

  private async log(planId: number, kind: ChangeKind, item: { kind: StructureKind | 'plan'; id: number }, summary: string, before: unknown, after: unknown): Promise<void> {
    const f = changeLogList.fields;
    await this.list(changeLogList).items.add({
      Title: summary.length > 255 ? summary.slice(0, 254) + '…' : summary,
      [lookupIdProperty(f.plan)]: planId,
      [f.changeKind.internalName]: kind,
      [f.itemKind.internalName]: item.kind,
      [f.itemId.internalName]: item.id,
      [f.before.internalName]: before === null ? null : JSON.stringify(before),
      [f.after.internalName]: after === null ? null : JSON.stringify(after),
    });
  }

  async loadChangeLog(planId: number, top = 200): Promise<ChangeLogEntry[]> {
    const f = changeLogList.fields;
    // Filtered on the indexed plan column, newest first by Id: the log grows past the threshold.
    const items = (await this.list(changeLogList)
      .items.select('Id', 'Title', 'Created', 'Author/Title', 'Author/EMail', lookupIdProperty(f.plan), f.changeKind.internalName, f.itemKind.internalName, f.itemId.internalName, f.before.internalName, f.after.internalName)
      .expand('Author')
      .filter(`${lookupIdProperty(f.plan)} eq ${planId}`)
      .orderBy('Id', false)
      .top(Math.min(top, MAX_PAGE_SIZE))()) as ListItem[];
    return items.map((item) => {
      const author = item.Author as { Title?: string; EMail?: string } | undefined;
      const itemKind = item[f.itemKind.internalName];
      const itemId = item[f.itemId.internalName];
      const text = (name: string): string | null => (typeof item[name] === 'string' && item[name] !== '' ? (item[name] as string) : null);
      return {
        id: item.Id,
        at: typeof item.Created === 'string' ? item.Created : '',
        author: author?.Title ? { displayName: author.Title, email: author.EMail || undefined } : null,
        kind: (text(f.changeKind.internalName) as ChangeKind | null) ?? null,
        item: typeof itemKind === 'string' && itemKind !== 'plan' && typeof itemId === 'number' ? { kind: itemKind as StructureKind, id: itemId } : null,
        summary: text('Title') ?? '',
        before: text(f.before.internalName),
        after: text(f.after.internalName),
      };
    });
  }

  async setPlanState(seen: Plan, state: PlanState, adoptedOn: IsoDate | null): Promise<Plan[]> {
    const plans = (await this.list(plansList).items.top(MAX_PAGE_SIZE)()) as ListItem[];
    const stored = plans.map(planFromItem);
    const current = stored.find((p) => p.id === seen.id) ?? refuse("Ce plan n'existe plus.");
    if ((current.state ?? null) !== (seen.state ?? null) || (current.adoptedOn ?? null) !== (seen.adoptedOn ?? null)) {
      refuse("L'état de ce plan a été modifié par quelqu'un d'autre entre-temps : rechargez la page.");
    }
    const result = planStateChanges(stored, seen.id, state, adoptedOn);
    if (!result.ok) refuse(PLAN_PROBLEMS_FR[result.problem]);
    const pf = plansList.fields;
    for (const change of result.changes) {
      const item = plans.find((p) => p.Id === change.planId)!;
      const payload: ItemPayload = { [pf.state.internalName]: change.state };
      if (change.adoptedOn !== undefined) payload[pf.adoptedOn.internalName] = dayToSharePoint(change.adoptedOn);
      try {
        await this.list(plansList).items.getById(change.planId).update(payload, etagOf(item));
      } catch (error) {
        if (httpStatusOf(error) === 412) refuse("Ce plan a été modifié par quelqu'un d'autre entre-temps : rechargez la page.");
        throw error;
      }
      const plan = stored.find((p) => p.id === change.planId)!;
      const adopted = change.adoptedOn ?? null;
      await this.log(change.planId, 'planState', { kind: 'plan', id: change.planId }, describePlanState(plan.title, plan.state ?? null, change.state, adopted ? formatDate(adopted) : null), { state: plan.state ?? null }, { state: change.state, adoptedOn: change.adoptedOn ?? null });
    }
    const after = (await this.list(plansList).items.top(MAX_PAGE_SIZE)()) as ListItem[];
    return after.map(planFromItem);
  }

  async startNextPlan(fromPlanId: number, plan: Pick<Plan, 'title' | 'organisation' | 'startYear' | 'endYear'>): Promise<number> {
    checkTitle(plan.title);
    const loaded = await this.loadStructure();
    const from = loaded.plans.find((p) => p.id === fromPlanId) ?? refuse("Ce plan n'existe plus.");
    // The whole sheets are copied (texts, people, dates): read them fully for this plan only.
    const full = await this.fullItemsOf(fromPlanId);
    const copy = copyForNextPlan(full, { ...plan, previousPlanId: fromPlanId });
    const { writeNewPlan } = await import(/* webpackChunkName: 'pst-import-write' */ './planWriter');
    const planImport: PlanImport = { ...copy, plan: { ...copy.plan, id: -1 } };
    const written = await writeNewPlan(this.sp, this.webServerRelativeUrl, planImport);
    await this.log(written.planId, 'newPlan', { kind: 'plan', id: written.planId }, describeNewPlan(plan.title, from.title), { from: fromPlanId }, { plan: written.planId });
    return written.planId;
  }

  private async fullItemsOf(planId: number): Promise<StructureData> {
    const { loadStoredPst } = await import(/* webpackChunkName: 'pst-import-write' */ './planWriter');
    const everything = await loadStoredPst(this.sp, this.webServerRelativeUrl);
    return itemsOfPlan(everything, planId);
  }
}

function conflict(loaded: LoadedStructure, current: StructureItem): StructureConflictError {
  const who = loaded.editors.get(refKey(current));
  return new StructureConflictError(current, who?.by ?? null, who?.at ?? null);
}

/** Refuses when the stored item is no longer what the user saw. */
function checkSeen(loaded: LoadedStructure, data: StructureData, seen: StructureItem): void {
  const current = findStructureItem(data, seen) ?? refuse("Cet élément n'existe plus dans ce plan.");
  const differs = changedFields(current, {
    title: seen.title,
    code: seen.code,
    order: seen.order,
    archived: seen.archived,
    parentId: seen.parentId,
    ...(seen.kind === 'action' ? { operationalObjectiveIds: seen.operationalObjectiveIds ?? [] } : {}),
  });
  if (Object.keys(differs).length > 0) throw conflict(loaded, current);
}

function pick(item: StructureItem, changes: Partial<StructureFields>): Partial<StructureFields> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(changes)) result[key] = (item as unknown as Record<string, unknown>)[key];
  return result as Partial<StructureFields>;
}
