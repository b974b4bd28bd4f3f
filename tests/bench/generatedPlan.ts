/** A large generated PST written straight into the embedded store, for the benchmarks. */
import type { EmbeddedStore } from '../../src/node/store';
import type { ListKey } from '../../src/schema/listSchema';
import { actionToItem, checkInToItem, operationalObjectiveToItem, planToItem, strategicObjectiveToItem } from '../../src/schema/mapping';
import { createAction, addDays, Action, IsoDate, Person } from '../../src/domain/model';
import { parsePeriod, isParseError } from '../../src/domain/parsing';
import { ACTION_STATUSES } from '../../src/domain/vocabularies';

export interface PlanSize {
  readonly os: number;
  readonly oo: number;
  readonly actions: number;
  readonly checkIns: number;
  /** Project leads given to the actions in turn (accounts of the store, with their id). */
  readonly leads?: readonly Person[];
}

function period(text: string) {
  const p = parsePeriod(text);
  if (!p || isParseError(p)) throw new Error(text);
  return p;
}

export function insertGeneratedPlan(store: EmbeddedStore, listIds: Record<ListKey, string>, authorId: number, size: PlanSize, today: IsoDate): void {
  const insert = (listId: string, bodies: Record<string, unknown>[]) => store.db.addItems(listId, bodies, { authorId });
  insert(listIds.plans, [planToItem({ title: 'PST généré', organisation: 'CPAS de test', startYear: 2025, endYear: 2030 })]);
  insert(
    listIds.strategicObjectives,
    Array.from({ length: size.os }, (_, i) => strategicObjectiveToItem({ code: `${i + 1}`, title: `Objectif stratégique ${i + 1}`, volet: i % 2 ? 'interne' : 'externe', order: i + 1 }, 1)),
  );
  const ooPerOs = size.oo / size.os;
  insert(
    listIds.operationalObjectives,
    Array.from({ length: size.oo }, (_, i) =>
      operationalObjectiveToItem({ code: `${Math.floor(i / ooPerOs) + 1}.${(i % ooPerOs) + 1}`, title: `Objectif opérationnel ${i + 1}`, strategicObjectiveId: Math.floor(i / ooPerOs) + 1, order: i + 1 }),
    ),
  );
  insert(
    listIds.actions,
    generatedActions(size, today).map(({ id: _id, ...action }) => actionToItem(action)),
  );
  const perAction = size.checkIns / size.actions;
  for (let start = 0; start < size.checkIns; start += 10000) {
    insert(
      listIds.checkIns,
      Array.from({ length: Math.min(10000, size.checkIns - start) }, (_, k) => {
        const i = start + k;
        return checkInToItem({ actionId: Math.floor(i / perAction) + 1, date: addDays(today, -(i % perAction) * 30), status: 'EN_COURS', percent: (i * 3) % 100, health: 'bon', comment: 'Point d’avancement mensuel.' });
      }),
    );
  }
}

/** The actions `insertGeneratedPlan` writes, with the ids the store gives them (1…n in a new list). */
export function generatedActions(size: PlanSize, today: IsoDate): Action[] {
  const perOo = size.actions / size.oo;
  const leads = size.leads ?? [];
  return Array.from({ length: size.actions }, (_, i) =>
    createAction({
      id: i + 1,
      code: `A${i + 1}`,
      title: `Action ${i + 1} : amélioration de l'accueil et du suivi des bénéficiaires`,
      operationalObjectiveIds: [Math.floor(i / perOo) + 1],
      status: ACTION_STATUSES[i % ACTION_STATUSES.length],
      progressPercent: (i * 7) % 101,
      health: i % 9 === 0 ? 'blocage' : 'bon',
      plannedStart: period('2025'),
      plannedEnd: period(addDays('2026-01-01', i % 700)),
      department: `Service ${i % 12}`,
      description: '<p>Description de l’action, avec un contexte de quelques lignes comme dans les fiches réelles.</p>',
      lastCheckInDate: addDays(today, -(i % 90)),
      projectLead: leads.length > 0 ? leads[i % leads.length] : null,
      // Every third action has a team of two.
      team: leads.length > 2 && i % 3 === 0 ? [leads[(i + 1) % leads.length], leads[(i + 2) % leads.length]] : [],
    }),
  );
}
