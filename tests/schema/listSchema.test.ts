import { PST_LISTS, FieldDef, listByKey } from '../../src/schema/listSchema';
import { queryFor } from '../../src/schema/query';

const allFields = PST_LISTS.flatMap((list) => Object.values(list.fields).map((field: FieldDef) => ({ list, field })));

describe('the PST list schema', () => {
  it('gives every list a unique URL name and a French title', () => {
    const urls = PST_LISTS.map((l) => l.urlName);
    expect(new Set(urls).size).toBe(urls.length);
    for (const list of PST_LISTS) {
      expect(list.urlName).toMatch(/^Pst[A-Za-z]+$/);
      expect(list.title.fr).toMatch(/^PST – /);
    }
  });

  it('never repeats an internal name inside a list, and prefixes created fields with Pst', () => {
    for (const list of PST_LISTS) {
      const names = Object.values(list.fields).map((f: FieldDef) => f.internalName);
      expect(new Set(names).size).toBe(names.length);
    }
    for (const { field } of allFields) {
      if (!field.builtIn) expect(field.internalName).toMatch(/^Pst[A-Z][A-Za-z]*$/);
    }
  });

  it('creates lookup targets before the lists that point to them (self-lookups allowed)', () => {
    PST_LISTS.forEach((list, index) => {
      for (const field of Object.values(list.fields) as FieldDef[]) {
        if (!field.lookupList) continue;
        const targetIndex = PST_LISTS.findIndex((l) => l.key === field.lookupList);
        expect(targetIndex).toBeGreaterThanOrEqual(0);
        expect(targetIndex).toBeLessThanOrEqual(index);
      }
    });
  });

  it('indexes every single-value join column and never a multi-value one (SharePoint cannot)', () => {
    for (const { field } of allFields) {
      if (field.kind === 'lookup') expect(field.indexed).toBe(true);
      if (field.kind === 'lookupMulti' || field.kind === 'personMulti' || field.kind === 'multiChoice' || field.kind === 'note' || field.kind === 'richText') {
        expect(field.indexed).toBeFalsy();
      }
    }
  });

  it('reads the check-ins, which grow past 5,000 items, through indexed action, date and author', () => {
    const checkIns = listByKey('checkIns');
    expect(checkIns.growsPastThreshold).toBe(true);
    const fields = checkIns.fields as Record<string, FieldDef>;
    expect(fields.action.indexed && fields.date.indexed && fields.author.indexed).toBe(true);
  });

  it('takes status, health and priority choices from the domain vocabularies', () => {
    const actions = listByKey('actions').fields as Record<string, FieldDef>;
    expect(actions.status.choices).toEqual(['NON_COMMENCE', 'EN_COURS', 'EN_ATTENTE', 'PROBLEME', 'TERMINE', 'ANNULE_ABANDONNE']);
    expect(actions.health.choices).toEqual(['bon', 'risque', 'blocage', 'pause']);
    expect(actions.sdgs.choices).toHaveLength(17);
  });
});

describe('queryFor', () => {
  it('selects lookups by id, expands people to name and e-mail, and the rest by internal name', () => {
    const query = queryFor(listByKey('checkIns'));
    expect(query.select).toEqual([
      'Id',
      'Title',
      'PstActionId',
      'PstCheckInDate',
      'PstStatus',
      'PstProgress',
      'PstHealth',
      'PstComment',
      'PstCheckInKey',
      'PstCheckInCorrections',
      'Author/Id',
      'Author/Title',
      'Author/EMail',
      'Modified',
    ]);
    expect(query.expand).toEqual(['Author']);
  });
});

describe('queryFor summary', () => {
  it('leaves out the long texts only the panel shows, and keeps what views filter and show', () => {
    const summary = queryFor(listByKey('actions'), 'summary').select;
    for (const name of ['PstDescription', 'PstRisks', 'PstComments', 'PstContext']) expect(summary).not.toContain(name);
    for (const name of ['Title', 'PstCode', 'PstStatus', 'PstHealth', 'PstProgress', 'PstPlannedEnd', 'PstDepartment', 'PstLabels', 'PstSdgs', 'PstOperationalObjectivesId', 'PstProjectLead/EMail', 'PstTeamId', 'PstLastCheckIn']) {
      expect(summary).toContain(name);
    }
    expect(queryFor(listByKey('actions')).select).toContain('PstDescription');
  });

  it('is minimal: no person the views do not show, no metadata column, no OS/OO description', () => {
    const actions = queryFor(listByKey('actions'), 'summary');
    expect(actions.expand).toEqual(['PstProjectLead']);
    expect(actions.select.filter((name) => name.startsWith('PstProjectLead/'))).toEqual(['PstProjectLead/Title', 'PstProjectLead/EMail']);
    for (const name of ['Editor/Title', 'PstPilot/Title', 'PstTeam/Title', 'PstTeam/EMail', 'Modified', 'PstEtp', 'PstBudget', 'PstMandatary', 'PstIndicatorsText']) {
      expect(actions.select).not.toContain(name);
    }
    for (const key of ['strategicObjectives', 'operationalObjectives'] as const) {
      const query = queryFor(listByKey(key), 'summary');
      expect(query.select).not.toContain('PstDescription');
      expect(query.select).not.toContain('Modified');
      expect(query.expand).toEqual([]);
    }
    expect(queryFor(listByKey('strategicObjectives')).select).toContain('PstDescription');
  });
});
