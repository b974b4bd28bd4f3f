import { actionFromItem, actionToItem, checkInFromItem, checkInToItem, dayFromSharePoint, dayToSharePoint, ListItem, meansLineFromItem, meansLineToItem } from '../../src/schema/mapping';
import { actionsList, FieldDef } from '../../src/schema/listSchema';
import { queryFor } from '../../src/schema/query';
import { createAction, Person } from '../../src/domain/model';
import { parsePeriod, isParseError } from '../../src/domain/parsing';

function period(text: string) {
  const p = parsePeriod(text);
  if (p === null || isParseError(p)) throw new Error(`bad period ${text}`);
  return p;
}

const users: Person[] = [
  { id: 7, displayName: 'Gavin Philippart', email: 'gavin.philippart@cpas-binche.be' },
  { id: 8, displayName: 'France Catalano', email: 'france.catalano@cpas-binche.be' },
];

/** What SharePoint gives back for a written payload: people expanded, lookups as ids. */
function readBack(payload: Record<string, unknown>, id: number): ListItem {
  const item: Record<string, unknown> = { Id: id, ...payload };
  for (const field of Object.values(actionsList.fields) as FieldDef[]) {
    const idProperty = `${field.internalName}Id`;
    const expand = (userId: unknown) => {
      const u = users.find((x) => x.id === userId)!;
      return { Id: u.id, Title: u.displayName, EMail: u.email };
    };
    if (field.kind === 'person') item[field.internalName] = payload[idProperty] ? expand(payload[idProperty]) : null;
    if (field.kind === 'personMulti') item[field.internalName] = (payload[idProperty] as number[]).map(expand);
  }
  return item as ListItem;
}

describe('SharePoint date-only values', () => {
  it('reads local midnight of a Brussels site (UTC+1 in winter, +2 in summer) as that day', () => {
    expect(dayFromSharePoint('2024-12-30T23:00:00Z')).toBe('2024-12-31');
    expect(dayFromSharePoint('2024-06-29T22:00:00Z')).toBe('2024-06-30');
    expect(dayFromSharePoint('2024-02-29T00:00:00Z')).toBe('2024-02-29');
    expect(dayFromSharePoint(null)).toBeNull();
    expect(dayFromSharePoint('pas une date')).toBeNull();
  });

  it('writes a day as noon UTC so that no time zone moves it', () => {
    expect(dayToSharePoint('2024-02-29')).toBe('2024-02-29T12:00:00Z');
    expect(dayToSharePoint(null)).toBeNull();
  });
});

describe('action ⇄ list item', () => {
  const action = createAction({
    id: 12,
    code: '1.1.1.1.1',
    title: 'Réalisation d’un marché public de téléphonie',
    operationalObjectiveIds: [3, 9],
    plannedStart: period('09/2019'),
    plannedEnd: period('2024'),
    plannedStartText: '09/2019',
    plannedEndText: '2024',
    department: 'SERVICE JURIDIQUE/ INFORMATIQUE',
    partners: ['J2P', 'Eonix'],
    projectLead: users[0],
    team: users,
    status: 'EN_COURS',
    statusText: 'En cours de réalisation',
    progressPercent: 35,
    progressText: '+/- 35 % des profils établis',
    health: 'risque',
    risks: ['Recours (perte de temps)', 'Annulation par l’autorité de tutelle'],
    resources: { text: '• Humaine (ETP) : 1' },
    sdgs: [1, 10],
    labels: ['PCS'],
    weight: 2,
    lastCheckInDate: '2026-10-02',
    projectGroup: { code: '1.1.1.1', title: 'Amélioration des espaces d’accueil' },
  });

  it('writes lookups and people as ids, dates as days, lists as lines, choices as codes', () => {
    const item = actionToItem(action);
    expect(item).toMatchObject({
      Title: action.title,
      PstCode: '1.1.1.1.1',
      PstOperationalObjectivesId: [3, 9],
      PstParentActionId: null,
      PstPlannedStart: '2019-09-01T12:00:00Z',
      PstPlannedEnd: '2024-12-31T12:00:00Z',
      PstPlannedStartText: '09/2019',
      PstPlannedEndText: '2024',
      PstPartners: 'J2P\nEonix',
      PstProjectLeadId: 7,
      PstTeamId: [7, 8],
      PstStatus: 'EN_COURS',
      PstHealth: 'risque',
      PstProgress: 35,
      PstSdgs: ['1', '10'],
      PstLastCheckIn: '2026-10-02T12:00:00Z',
    });
    // The single figures of before the means lines are only what the upgrade reads.
    for (const legacy of ['PstEtp', 'PstBudget', 'PstBudgetService']) expect(item).not.toHaveProperty(legacy);
    // every property written is a field of the schema (or its `<Name>Id` for lookups and people)
    const known = new Set(
      (Object.values(actionsList.fields) as FieldDef[]).map((f) =>
        ['lookup', 'lookupMulti', 'person', 'personMulti'].includes(f.kind) ? `${f.internalName}Id` : f.internalName,
      ),
    );
    for (const property of Object.keys(item)) expect(known).toContain(property);
  });

  it('reads no single budget, ETP or service from an item of before the means lines, and selects none', () => {
    const back = actionFromItem({ ...readBack(actionToItem(action), 12), PstEtp: 2, PstBudget: 999, PstBudgetService: 'ordinaire' });
    expect(back.resources).toEqual({ text: '• Humaine (ETP) : 1' });
    expect(queryFor(actionsList).select.filter((name) => ['PstEtp', 'PstBudget', 'PstBudgetService'].includes(name))).toEqual([]);
  });

  it('reads back exactly what it wrote, periods included ("2024" stays the year 2024)', () => {
    const back = actionFromItem(readBack(actionToItem(action), 12));
    expect(back).toEqual(action);
    expect(back.plannedEnd).toEqual({ text: '2024', start: '2024-01-01', end: '2024-12-31', precision: 'year' });
  });

  it('keeps a day edited in SharePoint over the text written in the document', () => {
    const item = readBack(actionToItem(action), 12) as Record<string, unknown>;
    item.PstPlannedEnd = '2024-06-29T22:00:00Z';
    const back = actionFromItem(item as ListItem);
    expect(back.plannedEnd).toEqual({ text: '30/06/2024', start: '2024-06-30', end: '2024-06-30', precision: 'day' });
    expect(back.plannedEndText).toBe('2024');
  });

  it('accepts the verbose `{ results: [] }` shape of multi-value fields and ignores unknown choices', () => {
    const back = actionFromItem({
      Id: 4,
      Title: 'Action',
      PstOperationalObjectivesId: { results: [5] },
      PstSdgs: { results: ['3', '42'] },
      PstStatus: 'INCONNU',
    });
    expect(back.operationalObjectiveIds).toEqual([5]);
    expect(back.sdgs).toEqual([3]);
    expect(back.status).toBeNull();
    expect(back.weight).toBe(1);
  });

  it('keeps a project lead known only by name (imported text, no SharePoint account yet)', () => {
    const back = actionFromItem({ Id: 4, Title: 'Action', PstProjectLead: null, PstProjectLeadText: 'PHILIPPART GAVIN' });
    expect(back.projectLead).toEqual({ displayName: 'PHILIPPART GAVIN' });
  });
});

describe('check-in ⇄ list item', () => {
  it('round-trips, the author coming from Created By', () => {
    const item = checkInToItem({ actionId: 12, date: '2026-11-20', status: 'PROBLEME', percent: 40, health: 'blocage', comment: 'Fournisseur en faillite' });
    expect(item).toMatchObject({ PstActionId: 12, PstCheckInDate: '2026-11-20T12:00:00Z', PstStatus: 'PROBLEME' });
    const back = checkInFromItem({ Id: 99, ...item, Author: { Id: 7, Title: 'Gavin Philippart', EMail: 'gavin.philippart@cpas-binche.be' } });
    expect(back).toEqual({
      id: 99,
      actionId: 12,
      date: '2026-11-20',
      author: users[0],
      status: 'PROBLEME',
      percent: 40,
      health: 'blocage',
      comment: 'Fournisseur en faillite',
    });
  });
});

describe('means lines', () => {
  it('writes a line and reads it back with its action', () => {
    const line = { year: 2027, service: 'extraordinaire', direction: 'recette', source: 'region', article: '844/124-48', planned: 1234.5, actual: 1000, etp: 0.5 } as const;
    const payload = meansLineToItem(line, 12);
    expect(payload).toEqual({
      Title: '2027 – 844/124-48',
      PstActionId: 12,
      PstYear: 2027,
      PstBudgetService: 'extraordinaire',
      PstMeansDirection: 'recette',
      PstFundingSource: 'region',
      PstBudgetArticle: '844/124-48',
      PstPlannedAmount: 1234.5,
      PstActualAmount: 1000,
      PstEtp: 0.5,
      PstFromDocument: false,
    });
    expect(meansLineFromItem({ Id: 3, ...payload })).toEqual({ id: 3, actionId: 12, ...line });
    // A line an import wrote says so, and reads back so.
    expect(meansLineFromItem({ Id: 3, ...meansLineToItem({ ...line, fromDocument: true }, 12) })).toEqual({ id: 3, actionId: 12, ...line, fromDocument: true });
  });

  it('reads unknown choices as not said, an unknown direction as an expense', () => {
    const read = meansLineFromItem({ Id: 4, PstActionId: 1, PstYear: 2026, PstBudgetService: 'autre', PstMeansDirection: '?', PstFundingSource: 'lune' });
    expect([read.service, read.direction, read.source, read.planned]).toEqual([null, 'depense', null, null]);
  });
});
