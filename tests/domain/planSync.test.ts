/**
 * The pure diff between what the lists hold and what a document says: the same
 * document twice changes nothing, a correction gives only the changed fields, a new
 * action is one add; matching by code, then by title path, then by a unique title;
 * follow-up data, resolved people and values the document does not state are kept.
 */
import type { Action, PlanData } from '../../src/domain/model';
import type { OutlineDocument } from '../../src/import/toPlan';
import { planFromOutline } from '../../src/import/toPlan';
import type { PstSnapshot } from '../../src/domain/snapshot';
import { choosePlan, planSync, syncTotals } from '../../src/domain/planSync';

/** A small PST: 2 OS, 3 OO, 4 actions (one with a sub-action). */
function outline(withCodes = true): OutlineDocument {
  const c = (code: string) => (withCodes ? code : null);
  return {
    period: '2025-2030',
    organisation: 'CPAS de Test',
    strategicObjectives: [
      {
        code: c('1'),
        title: 'Être un CPAS accessible',
        volet: 'externe',
        section: 'Axe 1 – Social',
        sectionPath: ['Axe 1 – Social'],
        operationalObjectives: [
          {
            code: c('1.1'),
            title: "Améliorer l'accueil",
            actions: [
              {
                code: c('1.1.1'),
                title: "Rénover la salle d'attente",
                description: 'Travaux et mobilier.',
                fields: { start: '2026', end: '12/2027', projectLead: 'Marie Dupont', progress: '10 %', status: 'En cours', partners: 'Commune', risks: ['Budget'] },
                subActions: [{ code: c('1.1.1.1'), title: 'Choisir le mobilier' }],
              },
              { code: c('1.1.2'), title: "Former les agents d'accueil", fields: { end: '2026' } },
            ],
          },
          { code: c('1.2'), title: 'Mieux informer', actions: [{ code: c('1.2.1'), title: 'Publier un guide des aides', fields: {} }] },
        ],
      },
      {
        code: c('2'),
        title: 'Être un CPAS bien géré',
        volet: 'interne',
        operationalObjectives: [{ code: c('2.1'), title: 'Maîtriser les finances', actions: [{ code: c('2.1.1'), title: 'Mettre en place un contrôle interne', fields: { team: 'Jean / Paul' } }] }],
      },
    ],
  };
}

function data(doc: OutlineDocument): PlanData {
  // A PlanFromOutline is a PlanData with warnings, which the sync does not read.
  return planFromOutline(doc);
}

/** The plan as the lists would hold it: other ids (SharePoint's), same links. */
function stored(plan: PlanData): PstSnapshot {
  const shift = { section: 100, os: 200, oo: 300, action: 400 };
  const id = (kind: keyof typeof shift, value: number | null | undefined) => (value == null ? null : value + shift[kind]);
  return {
    plans: [{ ...plan.plan, id: 7 }],
    sections: plan.sections.map((s) => ({ ...s, id: s.id + shift.section, parentSectionId: id('section', s.parentSectionId) })),
    strategicObjectives: plan.strategicObjectives.map((o) => ({ ...o, id: o.id + shift.os, sectionId: id('section', o.sectionId) })),
    operationalObjectives: plan.operationalObjectives.map((o) => ({ ...o, id: o.id + shift.oo, strategicObjectiveId: o.strategicObjectiveId + shift.os })),
    actions: plan.actions.map((a) => ({
      ...a,
      id: a.id + shift.action,
      parentActionId: id('action', a.parentActionId),
      operationalObjectiveIds: a.operationalObjectiveIds.map((o) => o + shift.oo),
    })),
    indicators: [],
  };
}

function edit(doc: OutlineDocument, change: (doc: OutlineDocument) => void): OutlineDocument {
  const copy = JSON.parse(JSON.stringify(doc)) as OutlineDocument;
  change(copy);
  return copy;
}

function actionByTitle(snapshot: PstSnapshot, title: string): Action {
  return snapshot.actions.find((a) => a.title === title) as Action;
}

describe('the same document twice', () => {
  it.each([true, false])('changes nothing (codes: %s)', (withCodes) => {
    const plan = data(outline(withCodes));
    const sync = planSync(stored(plan), plan);
    expect(syncTotals(sync)).toEqual({ adds: 0, updates: 0, unchanged: 1 + 2 + 3 + 5, absent: 0 });
    expect(sync.plan.changes).toEqual({});
    expect(sync.actions.matches.size).toBe(5);
  });
});

describe('a corrected document', () => {
  const base = outline();
  const existing = stored(data(base));

  it('a corrected title: one update with only the title (matched by code)', () => {
    const corrected = data(edit(base, (d) => (d.strategicObjectives[0].operationalObjectives[0].actions[1].title = "Former les agents d'accueil à l'écoute")));
    const sync = planSync(existing, corrected);
    expect(syncTotals(sync)).toMatchObject({ adds: 0, updates: 1 });
    expect(sync.actions.updates).toEqual([{ existingId: actionByTitle(existing, "Former les agents d'accueil").id, incomingId: 3, changes: { title: "Former les agents d'accueil à l'écoute" } }]);
  });

  it('a new action: one add under the existing OO, nothing else changes but the order after it', () => {
    const corrected = data(
      edit(base, (d) => d.strategicObjectives[0].operationalObjectives[1].actions.push({ code: '1.2.2', title: 'Ouvrir un guichet numérique', fields: { end: '2028' } })),
    );
    const sync = planSync(existing, corrected);
    expect(sync.actions.adds).toHaveLength(1);
    expect(sync.actions.adds[0]).toMatchObject({ title: 'Ouvrir un guichet numérique', order: 2 });
    // Its OO is an incoming id that the sync matched to the stored OO.
    expect(sync.operationalObjectives.matches.get(sync.actions.adds[0].operationalObjectiveIds[0])).toBe(existing.operationalObjectives[1].id);
    expect(syncTotals(sync)).toMatchObject({ adds: 1, updates: 0 });
  });

  it('a changed field gives that field only; dates compare as periods', () => {
    const corrected = data(edit(base, (d) => Object.assign(d.strategicObjectives[0].operationalObjectives[0].actions[0].fields as object, { end: '2028', partners: 'Commune / CRF' })));
    const sync = planSync(existing, corrected);
    expect(sync.actions.updates).toHaveLength(1);
    expect(Object.keys(sync.actions.updates[0].changes).sort()).toEqual(['partners', 'plannedEnd', 'plannedEndText']);
    expect(sync.actions.updates[0].changes.partners).toEqual(['Commune', 'CRF']);
  });

  it('an OS retitled keeps its OO and actions (matched by code)', () => {
    const corrected = data(edit(base, (d) => (d.strategicObjectives[1].title = 'Être un CPAS rigoureux')));
    const sync = planSync(existing, corrected);
    expect(sync.strategicObjectives.updates).toHaveLength(1);
    expect(syncTotals(sync)).toMatchObject({ adds: 0, updates: 1 });
  });

  it('a new period is a plan update', () => {
    const corrected = data(edit(base, (d) => (d.organisation = 'CPAS de Testville')));
    expect(planSync(existing, corrected).plan).toEqual({ existingId: 7, changes: { organisation: 'CPAS de Testville' } });
  });

  it('an action left out of the document is reported as absent, never removed', () => {
    const corrected = data(edit(base, (d) => d.strategicObjectives[1].operationalObjectives[0].actions.splice(0, 1)));
    const sync = planSync(existing, corrected);
    expect(sync.actions.absent).toEqual([actionByTitle(existing, 'Mettre en place un contrôle interne').id]);
    expect(syncTotals(sync)).toMatchObject({ adds: 0, updates: 0, absent: 1 });
  });
});

describe('matching without codes', () => {
  const base = outline(false);
  const existing = stored(data(base));

  it('by title path: the same title under the same OO', () => {
    const sync = planSync(existing, data(base));
    expect(sync.actions.matches.get(1)).toBe(actionByTitle(existing, "Rénover la salle d'attente").id);
  });

  it('a corrected title without codes is a new action (the old one stays, reported absent)', () => {
    const corrected = data(edit(base, (d) => (d.strategicObjectives[0].operationalObjectives[1].actions[0].title = 'Publier un guide des aides sociales')));
    const sync = planSync(existing, corrected);
    expect(sync.actions.adds.map((a) => a.title)).toEqual(['Publier un guide des aides sociales']);
    expect(sync.actions.absent).toEqual([actionByTitle(existing, 'Publier un guide des aides').id]);
  });

  it('titles compare without case, accents of spacing or final punctuation', () => {
    const corrected = data(edit(base, (d) => (d.strategicObjectives[0].operationalObjectives[0].actions[1].title = "FORMER  les agents d’accueil.")));
    const sync = planSync(existing, corrected);
    expect(sync.actions.adds).toEqual([]);
    expect(sync.actions.updates.map((u) => Object.keys(u.changes))).toEqual([['title']]);
  });

  it('an action moved to another OO is found by its unique title and moved', () => {
    const corrected = data(
      edit(base, (d) => {
        const moved = d.strategicObjectives[0].operationalObjectives[1].actions.pop();
        d.strategicObjectives[1].operationalObjectives[0].actions.push(moved as never);
      }),
    );
    const sync = planSync(existing, corrected);
    expect(sync.actions.adds).toEqual([]);
    const update = sync.actions.updates.find((u) => u.existingId === actionByTitle(existing, 'Publier un guide des aides').id);
    expect(update?.changes).toMatchObject({ order: 2 });
    expect(update?.changes.operationalObjectiveIds).toBeDefined();
  });

  it('sub-actions are matched under their action', () => {
    const sync = planSync(existing, data(base));
    const sub = existing.actions.find((a) => a.parentActionId != null) as Action;
    expect(Array.from(sync.actions.matches.values())).toContain(sub.id);
  });

  it('a code used twice falls back on the title path', () => {
    const doubled = edit(outline(), (d) => (d.strategicObjectives[0].operationalObjectives[1].actions[0].code = '1.1.2'));
    const existingDoubled = stored(data(doubled));
    const sync = planSync(existingDoubled, data(doubled));
    expect(syncTotals(sync)).toMatchObject({ adds: 0, updates: 0 });
  });
});

describe('what a document cannot know is kept', () => {
  const base = outline();

  it('follow-up data (status, progress, health) recorded after the import is not overwritten', () => {
    const existing = stored(data(base));
    const first = existing.actions[0];
    const followed: PstSnapshot = { ...existing, actions: existing.actions.map((a) => (a.id === first.id ? { ...a, status: 'TERMINE', progressPercent: 100, health: 'bon' } : a)) };
    expect(syncTotals(planSync(followed, data(base)))).toMatchObject({ updates: 0 });
  });

  it('follow-up data missing from the lists is filled in', () => {
    const existing = stored(data(base));
    const empty: PstSnapshot = { ...existing, actions: existing.actions.map((a) => ({ ...a, status: null, progressPercent: null })) };
    const sync = planSync(empty, data(base));
    expect(sync.actions.updates).toEqual([expect.objectContaining({ changes: { status: 'EN_COURS', progressPercent: 10 } })]);
  });

  it('a project lead resolved to an account is kept', () => {
    const existing = stored(data(base));
    const resolved: PstSnapshot = {
      ...existing,
      actions: existing.actions.map((a, k) => (k === 0 ? { ...a, projectLead: { id: 12, displayName: 'Dupont Marie', email: 'marie.dupont@cpas.be' } } : a)),
    };
    expect(syncTotals(planSync(resolved, data(base)))).toMatchObject({ updates: 0 });
  });

  it('an empty value in the document does not erase a stored one', () => {
    const existing = stored(data(base));
    const enriched: PstSnapshot = {
      ...existing,
      actions: existing.actions.map((a, k) => (k === 0 ? { ...a, comments: 'Ajouté dans SharePoint' } : a)),
    };
    expect(syncTotals(planSync(enriched, data(base)))).toMatchObject({ updates: 0 });
    const withText = data(edit(base, (d) => ((d.strategicObjectives[0].operationalObjectives[0].actions[0].fields as { resources?: string }).resources = 'Budget à définir')));
    const update = planSync(enriched, withText).actions.updates[0];
    expect(update.changes.resources).toEqual({ text: 'Budget à définir' });
  });

  it('a CODIR pilot named by the document but not resolved is not compared (the lists keep accounts only)', () => {
    const withPilot = data(edit(base, (d) => ((d.strategicObjectives[0].operationalObjectives[0].actions[0].fields as { pilot?: string }).pilot = 'Directrice générale')));
    expect(syncTotals(planSync(stored(data(base)), withPilot))).toMatchObject({ updates: 0 });
  });

  it('rich text returned as HTML by SharePoint compares as its text', () => {
    const existing = stored(data(base));
    const html: PstSnapshot = { ...existing, actions: existing.actions.map((a, k) => (k === 0 ? { ...a, description: '<div class="ExternalClass1">Travaux et&nbsp;mobilier.</div>' } : a)) };
    expect(syncTotals(planSync(html, data(base)))).toMatchObject({ updates: 0 });
  });
});

describe('which stored plan a document updates', () => {
  const plan = data(outline());

  it('the plan of the same period, else the same title, else the only one unless another legislature', () => {
    const snapshot = stored(plan);
    expect(choosePlan(snapshot, plan.plan)?.id).toBe(7);
    const two: PstSnapshot = { ...snapshot, plans: [{ ...snapshot.plans[0], id: 1, startYear: 2019, endYear: 2024 }, snapshot.plans[0]] };
    expect(choosePlan(two, plan.plan)?.id).toBe(7);
    const older: PstSnapshot = { ...snapshot, plans: [{ ...snapshot.plans[0], startYear: 2019, endYear: 2024, title: 'PST 2019-2024' }] };
    expect(choosePlan(older, plan.plan)).toBeNull();
    expect(choosePlan(snapshot, plan.plan, 99)).toBeNull();
  });

  it('refuses to diff against no plan', () => {
    expect(() => planSync({ ...stored(plan), plans: [] }, plan)).toThrow(/new plan/);
  });
});
