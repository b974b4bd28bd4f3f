/**
 * Structure recognition on the three sample PSTs (scored against their hand-made
 * expectations) and on small documents of other shapes written for these tests:
 * hundreds codes, sheets naming their parents, numbered outlines, markdown headings,
 * volets and axes, sheets printed as tables with page headers.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { OutlineDocument } from '../../../src/import/toPlan';
import { parseOutline } from '../../../src/import/outline/outlineParser';
import type { ParsedOutline } from '../../../src/import/outline/parseResult';
import { scoreOutline } from '../../../src/import/scoring';
import { linesOfText } from '../../../src/import/lines/sourceLines';

const SAMPLES = path.resolve(__dirname, '../../../../shared/samples');
const FIXTURES = path.resolve(__dirname, '../fixtures');

function sample(prefix: string): { parsed: ParsedOutline; expected: OutlineDocument } {
  const base = fs.readdirSync(SAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.txt')) as string;
  const parsed = parseOutline(linesOfText(fs.readFileSync(path.join(SAMPLES, base), 'utf8')));
  const expected = JSON.parse(fs.readFileSync(path.join(SAMPLES, base.replace(/\.txt$/, '.expected.json')), 'utf8')) as OutlineDocument;
  return { parsed, expected };
}

function fixture(name: string): ParsedOutline {
  return parseOutline(linesOfText(fs.readFileSync(path.join(FIXTURES, name), 'utf8')));
}

/** "OS title > OO title > action title" lines, the shape of a tree at a glance. */
function tree(outline: OutlineDocument): string[] {
  const out: string[] = [];
  for (const os of outline.strategicObjectives) {
    out.push(`OS ${os.code ?? '-'} ${os.title}`);
    for (const oo of os.operationalObjectives) {
      out.push(`  OO ${oo.code ?? '-'} ${oo.title}`);
      for (const a of oo.actions) {
        out.push(`    A ${a.code ?? '-'} ${a.title}`);
        for (const s of a.subActions || []) out.push(`      S ${s.code ?? '-'} ${s.title}`);
      }
    }
  }
  return out;
}

describe.each(['002', '003', '004'])('sample %s', (prefix) => {
  const { parsed, expected } = sample(prefix);
  const score = scoreOutline(parsed.outline, expected);

  it('finds the OS, OO, actions and sub-actions of the expectation (precision and recall ≥ 95 %)', () => {
    for (const level of [score.strategicObjectives, score.operationalObjectives, score.actions, score.subActions]) {
      expect(level.precision).toBeGreaterThanOrEqual(0.95);
      expect(level.recall).toBeGreaterThanOrEqual(0.95);
    }
    expect(score.actionsUnderRightParent).toBeGreaterThanOrEqual(0.95);
    expect(score.subActionsUnderRightParent).toBeGreaterThanOrEqual(0.95);
  });

  it('counts like the expectation', () => {
    const counts = expected.counts || {};
    expect(parsed.outline.counts).toMatchObject({
      strategicObjectives: counts.strategicObjectives,
      operationalObjectives: counts.operationalObjectives,
      actions: counts.actions,
      subActions: counts.subActions,
    });
  });

  it('reads the organisation and the period when the document states them', () => {
    if (expected.period) expect(parsed.outline.period).toBe(expected.period);
    if (prefix !== '003') expect(parsed.outline.organisation).toBe(expected.organisation);
  });
});

describe('sample 002 (five-level codes, action sheets as tables)', () => {
  const { parsed, expected } = sample('002');
  const actions = parsed.outline.strategicObjectives.flatMap((os) => os.operationalObjectives.flatMap((oo) => oo.actions));
  const expectedActions = expected.strategicObjectives.flatMap((os) => os.operationalObjectives.flatMap((oo) => oo.actions));

  it('reads the labelled fields of every sheet as the expectation does', () => {
    let same = 0;
    let total = 0;
    expectedActions.forEach((e, k) => {
      for (const key of Object.keys(e.fields || {})) {
        total++;
        if (JSON.stringify((actions[k].fields || {})[key]) === JSON.stringify((e.fields || {})[key])) same++;
      }
    });
    expect(same / total).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps labels split over two lines, values on the label line and empty labels', () => {
    const first = actions[0];
    expect(first.fields).toMatchObject({
      start: '2019',
      end: '2024',
      department: 'SERVICE JURIDIQUE/ INFORMATIQUE',
      projectLead: 'PHILIPPART GAVIN',
      comments: null,
      progress: '10 %',
      progressPercent: 10,
      projectGroup: 'Amélioration des espaces d’accueil et accueil téléphonique',
      projectGroupCode: '1.1.1.1',
    });
    expect(first.fields?.risks).toEqual(['Perte des télécommunications sur certains sites tant que la nouvelle technologie n’est pas déployée', 'Recours (perte de temps)', 'Annulation par l’autorité de tutelle']);
  });

  it('implies the OO that the codes name but the document does not print, and reports it', () => {
    const os13 = parsed.outline.strategicObjectives.find((os) => os.code === '1.3');
    expect(os13?.operationalObjectives[0]).toMatchObject({ code: '1.3.1', title: null, impliedByActionCodes: true });
    expect(parsed.anomalies).toContainEqual(expect.objectContaining({ kind: 'missingLevel', line: 2080 }));
  });

  it('drops page numbers and keeps links apart', () => {
    expect(actions[0].fields?.mandatary).toBe('Conseil de l’Action Sociale');
    const withLinks = actions.filter((a) => (a.fields?.links || []).length > 0);
    expect(withLinks.map((a) => a.code)).toEqual(['1.2.1.2.1', '1.2.1.3.1']);
  });
});

describe('sample 003 (keywords, code anomalies)', () => {
  const { parsed } = sample('003');

  it('reports the duplicate code and the codes to check with their lines', () => {
    expect(parsed.anomalies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'codeAnomaly', line: 148 }),
        expect.objectContaining({ kind: 'duplicateCode', line: 156 }),
        expect.objectContaining({ kind: 'codeAnomaly', line: 163 }),
        expect.objectContaining({ kind: 'emptyObjective', line: 82 }),
      ]),
    );
  });

  it('normalises a code printed with a stray space and keeps it as printed', () => {
    const action = parsed.outline.strategicObjectives[3].operationalObjectives[3].actions[1];
    expect(action).toMatchObject({ code: '4.4.2', codeAsPrinted: '4 .4.2' });
  });
});

describe('sample 004 (markdown-like, no codes)', () => {
  const { parsed } = sample('004');

  it('takes the volet and the section path from the part and section headings', () => {
    const last = parsed.outline.strategicObjectives[parsed.outline.strategicObjectives.length - 1];
    expect(last).toMatchObject({ volet: 'externe', sectionPath: ['PARTIE II : LE VOLET EXTERNE', 'II.IV LES FINANCES :'] });
  });

  it('reports the closing quotation as text not understood, with its line', () => {
    expect(parsed.anomalies).toContainEqual(expect.objectContaining({ kind: 'unrecognisedText', line: 486 }));
  });
});

describe('documents of other shapes', () => {
  it('OS 100 / OO 101 / Action 101.1', () => {
    expect(tree(fixture('hundreds.txt').outline)).toEqual([
      'OS 100 Être un CPAS qui assure une gestion moderne et efficace',
      "  OO 101 Moderniser l'administration",
      '    A 101.1 Mettre en place un logiciel de gestion des dossiers sociaux',
      '    A 101.2 Dématérialiser le courrier entrant',
      '  OO 102 Renforcer les compétences du personnel',
      '    A 102.1 Adopter un plan de formation pluriannuel',
      '    A 102.2 Organiser des évaluations annuelles',
      'OS 200 Être un CPAS proche des citoyens',
      "  OO 201 Améliorer l'accueil",
      "    A 201.1 Rénover la salle d'attente",
      "    A 201.2 Former les agents d'accueil à l'écoute active",
    ]);
  });

  it('action sheets that name their OS and OO inside (parents built from the sheets)', () => {
    const parsed = fixture('sheets-parents-inside.txt');
    expect(tree(parsed.outline)).toEqual([
      'OS - Être un CPAS accessible à tous',
      "  OO - Simplifier l'accès aux services",
      '    A 1 Créer un guichet social unique',
      '  OO - Mieux informer la population',
      '    A 2 Publier un guide des aides',
      "OS - Être un CPAS exemplaire en matière d'environnement",
      '  OO - Rénover le patrimoine',
      '    A 3 Réduire la consommation énergétique des bâtiments',
    ]);
    expect(parsed.outline.strategicObjectives[0].operationalObjectives[0].actions[0].fields).toMatchObject({
      projectLead: 'Marie Dupont',
      department: 'Service social',
      start: '01/2026',
      end: '12/2027',
      resources: '15.000 €',
      status: "À l'étude",
    });
  });

  it('action sheets whose OS and OO labels come before the title (repeated parents merged)', () => {
    expect(tree(fixture('sheets-parents-before.txt').outline)).toEqual([
      "OS - Être un CPAS qui accompagne vers l'emploi",
      "  OO - Développer l'insertion socioprofessionnelle",
      '    A - Augmenter le nombre de contrats article 60',
      "    A - Créer un atelier de recherche d'emploi",
      '  OO - Soutenir la formation',
      '    A - Financer des formations qualifiantes',
    ]);
  });

  it('a bare numbered outline: the OS are recognised by their wording', () => {
    const outline = fixture('numbered-three.txt').outline;
    expect(tree(outline).filter((l) => /^\s*(OS|OO)/.test(l))).toEqual([
      'OS 1 Être un CPAS ouvert sur la population',
      "  OO 1.1 Améliorer l'accueil des usagers",
      '  OO 1.2 Développer la communication',
      'OS 2 Être un CPAS bien géré',
      '  OO 2.1 Maîtriser les finances',
    ]);
    expect(outline.counts).toMatchObject({ actions: 6, subActions: 0 });
  });

  it('markdown headings with numbers, bullets as actions and nested bullets as sub-actions', () => {
    const parsed = parseOutline(linesOfText(fs.readFileSync(path.join(FIXTURES, 'numbered-bullets.md'), 'utf8')));
    expect(tree(parsed.outline)).toEqual([
      "OS 1.1 Garantir l'accès aux droits",
      '  OO 1.1.1 Lutter contre le non-recours',
      '    A - Organiser des permanences décentralisées',
      '    A - Informer les publics fragilisés',
      '      S - Réaliser une brochure',
      "      S - Animer des séances d'information",
      '  OO 1.1.2 Simplifier les démarches',
      '    A - Mettre en place un formulaire unique',
      'OS 2.1 Moderniser le CPAS',
      '  OO 2.1.1 Digitaliser les processus',
      '    A - Acheter un logiciel de GRH',
      '    A - Former le personnel aux outils numériques',
    ]);
    expect(parsed.outline.strategicObjectives[0].axis).toMatchObject({ code: '1', title: 'Axe social' });
  });

  it('unnumbered markdown headings', () => {
    expect(tree(fixture('headings-only.md').outline)).toEqual([
      'OS - Être un CPAS solidaire',
      "  OO - Renforcer l'aide alimentaire",
      '    A - Ouvrir une épicerie sociale',
      '    A - Soutenir les colis alimentaires',
      "  OO - Lutter contre l'isolement",
      '    A - Créer un réseau de visiteurs bénévoles',
      'OS - Être un CPAS efficace',
      '  OO - Améliorer la gestion interne',
      '    A - Mettre à jour le règlement de travail',
    ]);
  });

  it('volets, axes, titles on the line after their label, a) b) items and sub-actions', () => {
    const outline = fixture('volets-axes.txt').outline;
    expect(outline.strategicObjectives.map((os) => [os.code, os.title, os.volet, os.section])).toEqual([
      ['1', 'Être une administration qui valorise son personnel', 'interne', 'Axe 1 : Ressources humaines'],
      ['2', 'Être un CPAS qui lutte contre la précarité', 'externe', 'Axe 2 : Action sociale'],
    ]);
    const oo21 = outline.strategicObjectives[1].operationalObjectives[0];
    expect(oo21.actions.map((a) => [a.title, (a.subActions || []).map((s) => s.title)])).toEqual([
      ['Engager un assistant social supplémentaire', ['rédiger le profil de fonction', 'organiser les entretiens']],
      ['Créer un service de médiation de dettes', []],
    ]);
    expect(outline.organisation).toBe("CPAS d'Anhée");
  });

  it('labelled fields after keyword actions (colons), including lists of risks', () => {
    const action = fixture('keyword-sheets.txt').outline.strategicObjectives[0].operationalObjectives[0].actions[0];
    expect(action).toMatchObject({
      code: '1.1.1',
      title: 'Créer une cellule logement',
      description: "Mettre en place une cellule chargée d'accompagner les personnes en recherche de logement.",
    });
    expect(action.fields).toMatchObject({ projectLead: 'Anne Dupont', start: '2025', end: '2027', progressPercent: 20, risks: ['manque de personnel', 'délais de recrutement'] });
  });

  it('sheets printed as tables with running headers and page numbers', () => {
    const parsed = fixture('pdf-like.txt');
    expect(tree(parsed.outline).filter((l) => l.includes(' A '))).toEqual([
      '    A 1.1.1 Étendre le service des repas à domicile',
      '    A 1.1.2 Créer une centrale de mobilité',
      '    A 1.2.1 Organiser des visites de convivialité',
    ]);
    const first = parsed.outline.strategicObjectives[0].operationalObjectives[0].actions[0];
    expect(first.fields).toMatchObject({ pilot: 'Directrice du service', end: '2027', indicators: 'Nombre de repas livrés par an' });
    expect(first.description).toBe('Augmenter le nombre de tournées et proposer des repas adaptés aux régimes.');
    expect(parsed.anomalies.filter((a) => a.kind === 'unrecognisedText')).toEqual([]);
  });

  it('an axis in place of the OS, actions numbered again under every OO, and actions right under an OS', () => {
    const parsed = fixture('os-actions-only.txt');
    expect(tree(parsed.outline)).toEqual([
      'OS 1 Social',
      "  OO 1.1 Renforcer l'accueil",
      "    A 1 Rénover la salle d'attente",
      '    A 2 Former les agents',
      '  OO 1.2 Informer',
      '    A 1 Publier un guide',
      '    A 2 Créer une page Facebook',
      'OS 2 Être un CPAS efficace',
      '  OO 2.1 null',
      '    A 2.1.1 Mettre en place un contrôle interne',
      '    A 2.1.2 Établir un tableau de bord',
    ]);
    // Codes restarting under every OO are a numbering style, not duplicates.
    expect(parsed.anomalies.map((a) => [a.kind, a.line])).toEqual([
      ['missingLevel', 3],
      ['missingLevel', 12],
    ]);
  });

  it('action sheets as markdown tables (Word tables converted to markdown)', () => {
    const parsed = parseOutline(linesOfText(fs.readFileSync(path.join(FIXTURES, 'markdown-table-sheets.md'), 'utf8')));
    const actions = parsed.outline.strategicObjectives[0].operationalObjectives[0].actions;
    expect(actions.map((a) => [a.code, a.title, a.fields])).toEqual([
      ['1.1.1', 'Ouvrir une halte-accueil', { projectLead: 'Sophie Lambert', end: '2027', resources: '40.000 €' }],
      ['1.1.2', 'Former les accueillantes', { projectLead: 'Sophie Lambert', end: '2026' }],
    ]);
    expect(parsed.outline.organisation).toBe('CPAS de Durbuy');
  });

  it('source lines of every level point at the document', () => {
    const outline = fixture('hundreds.txt').outline;
    expect(outline.strategicObjectives[1].sourceLine).toBe(10);
    expect(outline.strategicObjectives[1].operationalObjectives[0].actions[1].sourceLine).toBe(13);
  });
});
