import { buildPlanTree, rollUp, statsOf } from '../../../src/domain';
import { filterPlanData } from '../../../src/domain/filter';
import { defaultLinkForNode, linkToNode, nodeIdFromHash } from '../../../src/domain/links/nodeLinks';
import { countsLine, highlightPieces, plural } from '../../../src/components/tree/texts';
import {
  INITIAL_EXPANSION,
  TreeModel,
  ancestorsOf,
  buildTreeModel,
  isExpanded,
  parseNodeId,
  setExpanded,
  visibleKeys,
} from '../../../src/components/tree/treeModel';
import { DATA, TODAY } from './fixtures';

const texts = { volet: (v: string | null) => `Volet ${v}`, orphans: 'Non rattachés' };

function modelOf(input = DATA): TreeModel {
  const tree = buildPlanTree(input);
  return buildTreeModel(tree, rollUp(tree, { today: TODAY }), texts, {
    actions: new Map(DATA.actions.map((a) => [a.id, a])),
    operationalObjectives: new Map(DATA.operationalObjectives.map((o) => [o.id, o])),
  });
}

describe('French plurals and counts', () => {
  const stats = (total: number, done: number, late: number, blocked: number) => ({ ...statsOf([], new Map()), total, done, late, blocked });

  it('uses the singular for 0 and 1 in French, for 1 only in English', () => {
    expect(plural('{0} terminée|{0} terminées', 0, 'fr')).toBe('0 terminée');
    expect(plural('{0} terminée|{0} terminées', 1, 'fr')).toBe('1 terminée');
    expect(plural('{0} terminée|{0} terminées', 2, 'fr')).toBe('2 terminées');
    expect(plural('{0} done item|{0} done items', 0, 'en')).toBe('0 done items');
    expect(plural('Aucune action|{0} action|{0} actions', 0, 'fr')).toBe('Aucune action');
    expect(plural('Aucune action|{0} action|{0} actions', 1234, 'fr')).toBe('1\u00a0234 actions');
  });

  it('writes the counts line of a node, leaving out what is zero', () => {
    expect(countsLine(stats(12, 3, 2, 1), 'fr')).toBe('12 actions · 3 terminées · 2 en retard · 1 bloquée');
    expect(countsLine(stats(1, 1, 0, 0), 'fr')).toBe('1 action · 1 terminée');
    expect(countsLine(stats(0, 0, 0, 0), 'fr')).toBe('Aucune action');
    expect(countsLine(stats(2, 0, 0, 2), 'fr', 'subActions')).toBe('2 sous-actions · 2 bloquées');
  });
});

describe('highlight', () => {
  it('marks accent- and case-insensitive matches in the original text', () => {
    expect(highlightPieces('Réécriture des procédures', ['reecriture'])).toEqual([
      { text: 'Réécriture', match: true },
      { text: ' des procédures', match: false },
    ]);
    expect(highlightPieces('Œuvre d’art', ['oeuvre', "d'art"])).toEqual([
      { text: 'Œuvre', match: true },
      { text: ' ', match: false },
      { text: 'd’art', match: true },
    ]);
    expect(highlightPieces('OO 201.1', ['201'])).toEqual([
      { text: 'OO ', match: false },
      { text: '201', match: true },
      { text: '.1', match: false },
    ]);
    expect(highlightPieces('Texte', [])).toEqual([{ text: 'Texte', match: false }]);
  });
});

describe('tree model', () => {
  it('gives each occurrence a unique key and each node its public id', () => {
    const model = modelOf();
    expect(model.rootKeys).toEqual(['volet-interne', 'volet-externe']);
    const occurrences = Array.from(model.entries.values()).filter((e) => e.nodeId === 'action-1');
    expect(occurrences.map((e) => e.key)).toEqual([
      'volet-interne/section-100/os-1/oo-11/action-1',
      'volet-externe/os-2/oo-21/action-1',
    ]);
    expect(model.primaryKeyByNodeId.get('action-1')).toBe('volet-interne/section-100/os-1/oo-11/action-1');
    expect(model.primaryKeyByNodeId.get('action-41')).toBe('volet-externe/os-2/oo-21/action-4/action-41');
    expect(occurrences.map((e) => e.otherObjectives.map((o) => o.code))).toEqual([['2.1'], ['1.1']]);
    const sub = model.entries.get('volet-externe/os-2/oo-21/action-4/action-41')!;
    expect([sub.level, sub.posInSet, sub.setSize, sub.subAction]).toEqual([5, 1, 2, true]);
    expect(new Set(Array.from(model.entries.values()).map((e) => e.serial)).size).toBe(model.entries.size);
  });

  it('the primary occurrence follows the first OO of the action even when it comes second in the tree', () => {
    const actions = DATA.actions.map((a) => (a.id === 1 ? { ...a, operationalObjectiveIds: [21, 11] } : a));
    const model = modelOf({ ...DATA, actions });
    expect(model.primaryKeyByNodeId.get('action-1')).toBe('volet-externe/os-2/oo-21/action-1');
  });

  it('skips the volet level when the PST has no volets, and groups unattached items', () => {
    const input = {
      ...DATA,
      sections: [],
      strategicObjectives: DATA.strategicObjectives.map((o) => ({ ...o, volet: null, sectionId: null })),
      actions: DATA.actions.concat({ ...DATA.actions[1], id: 9, operationalObjectiveIds: [] }),
    };
    const model = modelOf(input);
    expect(model.rootKeys).toEqual(['os-1', 'os-2', 'orphelins']);
    const orphans = model.entries.get('orphelins')!;
    expect(orphans.title).toBe('Non rattachés');
    expect(orphans.childKeys).toEqual(['orphelins/action-9']);
    expect(orphans.stats!.total).toBe(1);
    expect(model.entries.get('os-1')!.setSize).toBe(3);
  });

  it('expansion: base level, flips, ancestors, visible keys', () => {
    const model = modelOf();
    const oo = model.entries.get('volet-interne/section-100/os-1/oo-11')!;
    expect(isExpanded(INITIAL_EXPANSION, oo)).toBe(false);
    expect(visibleKeys(model, INITIAL_EXPANSION)).toHaveLength(8);
    const opened = setExpanded(INITIAL_EXPANSION, [oo], true);
    expect(isExpanded(opened, oo)).toBe(true);
    expect(setExpanded(opened, [oo], true)).toBe(opened);
    expect(visibleKeys(model, opened)).toHaveLength(10);
    expect(visibleKeys(model, { base: 'all', flipped: new Set() })).toHaveLength(15);
    expect(visibleKeys(model, { base: 'none', flipped: new Set() })).toEqual(['volet-interne', 'volet-externe']);
    expect(ancestorsOf(model, 'volet-externe/os-2/oo-21/action-4/action-42').map((e) => e.nodeId)).toEqual([
      'volet-externe',
      'os-2',
      'oo-21',
      'action-4',
    ]);
  });

  it('is built from the filtered data, with sharing read from the whole plan', () => {
    const filtered = filterPlanData(DATA, { volets: ['externe'] }, { today: TODAY });
    const model = modelOf(filtered);
    const occurrence = model.entries.get('volet-externe/os-2/oo-21/action-1')!;
    expect(occurrence.otherObjectives.map((o) => o.title)).toEqual(['Améliorer l’accueil']);
    expect(model.entries.has('volet-interne')).toBe(false);
  });

  it('parses node ids', () => {
    expect(parseNodeId('os-3')).toEqual({ kind: 'os', id: 3 });
    expect(parseNodeId('action-47')).toEqual({ kind: 'action', id: 47 });
    expect(parseNodeId('volet-interne')).toEqual({ kind: 'volet', id: 'interne' });
    expect(parseNodeId('orphelins')).toEqual({ kind: 'orphelins', id: 'orphelins' });
    expect(parseNodeId('os-')).toBeNull();
    expect(parseNodeId('<script>')).toBeNull();
  });
});

describe('deep links', () => {
  it('puts the node in the hash, keeping the query', () => {
    expect(linkToNode('https://cpas.sharepoint.com/sites/pst/SitePages/PST.aspx?pst-statut=TERMINE#ancien', 'oo-12')).toBe(
      'https://cpas.sharepoint.com/sites/pst/SitePages/PST.aspx?pst-statut=TERMINE#pst=oo-12',
    );
    expect(linkToNode('https://x/page.aspx', 'action-47')).toBe('https://x/page.aspx#pst=action-47');
    expect(defaultLinkForNode('os-3')).toMatch(/#pst=os-3$/);
  });

  it('reads the node back from the hash', () => {
    expect(nodeIdFromHash('#pst=oo-12')).toBe('oo-12');
    expect(nodeIdFromHash('#view=1&pst=action-47')).toBe('action-47');
    expect(nodeIdFromHash('#autre=1')).toBeUndefined();
    expect(nodeIdFromHash('')).toBeUndefined();
    expect(nodeIdFromHash('#pst=%E0')).toBeUndefined();
  });
});
