/**
 * The spreadsheet path: the template written and filled in, read back and imported;
 * CSV with ";" and French headers (also as Windows-1252); one row per action with the
 * parents in their own columns; dates and percentages typed as Excel numbers.
 */
import { strToU8 } from 'fflate';
import { writeXlsx } from '../../../src/export/xlsx';
import { analyseDocument } from '../../../src/import/importDocument';
import { formatReport } from '../../../src/import/report';
import { TEMPLATE_COLUMNS } from '../../../src/import/spreadsheet/columns';
import { readCsvRows, readXlsxRows } from '../../../src/import/spreadsheet/readRows';
import { outlineFromRows } from '../../../src/import/spreadsheet/rowsToOutline';
import { writeTemplate } from '../../../src/import/spreadsheet/template';

describe('the template', () => {
  const template = writeTemplate();
  const rows = readXlsxRows(template);

  it('has the French headers and example rows of every level', () => {
    expect(rows[0]).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    expect(rows[0].slice(0, 4)).toEqual(['Niveau', 'Code', 'Intitulé', 'Parent (code ou intitulé)']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Objectif stratégique', 'Objectif opérationnel', 'Action', 'Sous-action']);
    expect(rows.slice(1).every((r) => r[2].startsWith('Exemple'))).toBe(true);
  });

  it('round trip: written, filled in (example rows kept), read and imported', () => {
    const column = (header: string) => TEMPLATE_COLUMNS.findIndex((c) => c.header === header);
    const row = (values: { [header: string]: string }) => {
      const cells: string[] = TEMPLATE_COLUMNS.map(() => '');
      for (const header of Object.keys(values)) cells[column(header)] = values[header];
      return cells;
    };
    const filled = rows.concat([
      row({ Niveau: 'OS', Code: '1', Intitulé: 'Être un CPAS qui accompagne chacun', Volet: 'Externe', 'Section / axe': 'Action sociale' }),
      row({ Niveau: 'OO', Code: '1.1', Intitulé: 'Renforcer le service social', 'Parent (code ou intitulé)': '1' }),
      row({
        Niveau: 'Action',
        Code: '1.1.1',
        Intitulé: 'Engager deux assistants sociaux',
        'Parent (code ou intitulé)': '1.1',
        Début: '2026',
        Fin: '12/2027',
        'Chef de projet': 'Marie Dupont',
        'Service pilote': 'Service social',
        'Avancement (%)': '35',
        Risques: 'Budget\nRecrutement difficile',
        État: 'En cours',
        Priorité: 'Niveau 1',
      }),
      row({ Niveau: 'Sous-action', Intitulé: 'Rédiger le profil de fonction' }),
      row({ Niveau: 'Action', Intitulé: 'Créer une permanence sociale', 'Parent (code ou intitulé)': 'Renforcer le service social' }),
      row({ Niveau: 'Objectif opérationnel', Code: '1.2', Intitulé: 'Prévenir le surendettement' }),
      row({ Niveau: 'Action', Code: '1.2.1', Intitulé: 'Organiser des ateliers budget' }),
    ]);
    const analysis = analyseDocument('pst.xlsx', writeXlsx([{ name: 'PST', rows: filled }]));
    const os = analysis.outline.strategicObjectives;
    expect(os).toHaveLength(1);
    expect(os[0]).toMatchObject({ code: '1', title: 'Être un CPAS qui accompagne chacun', volet: 'externe', section: 'Action sociale' });
    expect(os[0].operationalObjectives.map((o) => [o.code, o.title, o.actions.map((a) => a.title)])).toEqual([
      ['1.1', 'Renforcer le service social', ['Engager deux assistants sociaux', 'Créer une permanence sociale']],
      ['1.2', 'Prévenir le surendettement', ['Organiser des ateliers budget']],
    ]);
    const action = os[0].operationalObjectives[0].actions[0];
    expect(action.subActions?.map((s) => s.title)).toEqual(['Rédiger le profil de fonction']);
    expect(action.fields).toMatchObject({ start: '2026', end: '12/2027', projectLead: 'Marie Dupont', progress: '35 %', progressPercent: 35, risks: ['Budget', 'Recrutement difficile'] });
    // The domain reads the fields: dates, status, priority.
    const created = analysis.plan.actions.find((a) => a.code === '1.1.1');
    expect(created).toMatchObject({ status: 'EN_COURS', priority: 'niveau1', progressPercent: 35, plannedEnd: { start: '2027-12-01', end: '2027-12-31' } });
    // The four example rows are skipped and said so, with their rows.
    expect(analysis.anomalies.filter((a) => /exemple/i.test(a.message)).map((a) => a.line)).toEqual([2, 3, 4, 5]);
    expect(formatReport(analysis)).toMatch(/Objectifs opérationnels\s+: 2/);
  });

  it('imported as it is, the template is refused (only examples)', () => {
    expect(() => analyseDocument('modele.xlsx', template)).toThrow(/ne ressemble pas à un PST/);
  });
});

describe('CSV', () => {
  const csv = [
    'Niveau;Code;Intitulé;Parent (code ou intitulé);Échéance;Responsable;Partenaires;Avancement',
    'Objectif stratégique;OS1;Être un CPAS proche des aînés;;;;;',
    'Objectif opérationnel;OO1.1;Développer le maintien à domicile;OS1;;;;',
    'Action;A1;"Étendre les repas à domicile; le week-end compris";OO1.1;2027;Service seniors;"Commune',
    'CRF";+/- 40 %',
    'Action;A2;Créer une centrale de mobilité;Développer le maintien à domicile;2028;;;',
  ].join('\r\n');

  it('with ";" separators, French headers, quoted cells holding ";" and line breaks', () => {
    const analysis = analyseDocument('pst.csv', strToU8(csv));
    const oo = analysis.outline.strategicObjectives[0].operationalObjectives[0];
    expect(oo.actions.map((a) => a.title)).toEqual(['Étendre les repas à domicile; le week-end compris', 'Créer une centrale de mobilité']);
    expect(oo.actions[0].fields).toMatchObject({ end: '2027', projectLead: 'Service seniors', partners: 'Commune\nCRF', progressPercent: 40 });
    expect(analysis.plan.actions[0].partners).toEqual(['Commune', 'CRF']);
  });

  it('saved by Excel in Windows-1252 (accents) and with tabs', () => {
    const latin = new Uint8Array(Array.from(csv.replace(/;/g, '\t').replace(/"([^"]*)"/g, (_m, v: string) => `"${v.replace(/\t/g, ';')}"`)).map((ch) => (ch === '’' ? 0x92 : ch.charCodeAt(0) & 0xff)));
    const analysis = analyseDocument('pst.csv', latin);
    expect(analysis.outline.strategicObjectives[0].title).toBe('Être un CPAS proche des aînés');
    expect(analysis.outline.counts).toMatchObject({ actions: 2 });
  });

  it('reports rows whose level or parent is not understood, with their row numbers', () => {
    const rows = readCsvRows(
      strToU8(['Niveau;Intitulé;Parent', 'OS;Être un CPAS efficace;', 'OO;Moderniser;', 'Chapitre 3;Rien;', 'Truc;Ligne inconnue;', 'Action;Acheter un logiciel;OO inconnu'].join('\n')),
    );
    const parsed = outlineFromRows(rows);
    expect(parsed.anomalies.map((a) => [a.kind, a.line])).toEqual([
      ['unrecognisedText', 4],
      ['unrecognisedText', 5],
      ['orphanAction', 6],
    ]);
    expect(parsed.outline.strategicObjectives[0].operationalObjectives[0].actions.map((a) => a.title)).toEqual(['Acheter un logiciel']);
  });
});

describe('one row per action, parents in their own columns', () => {
  it('builds the tree and merges the repeated OS and OO', () => {
    const rows = [
      ['Objectif stratégique', 'Objectif opérationnel', 'Action', 'Responsable', 'Échéance', 'Budget'],
      ['1. Être un CPAS solidaire', '1.1 Renforcer l’aide alimentaire', 'Ouvrir une épicerie sociale', 'Service social', '2026', '10.000 €'],
      ['1. Être un CPAS solidaire', '1.1 Renforcer l’aide alimentaire', 'Soutenir les colis', 'Service social', '2025', ''],
      ['1. Être un CPAS solidaire', '1.2 Lutter contre l’isolement', 'Créer un réseau de visiteurs', 'Service seniors', '2027', ''],
      ['2. Être un CPAS efficace', '2.1 Moderniser', 'Acheter un logiciel', 'DG', '2026', ''],
    ];
    const parsed = outlineFromRows(rows);
    expect(parsed.outline.strategicObjectives.map((os) => [os.code, os.title, os.operationalObjectives.map((oo) => [oo.code, oo.title, oo.actions.length])])).toEqual([
      ['1', 'Être un CPAS solidaire', [['1.1', 'Renforcer l’aide alimentaire', 2], ['1.2', 'Lutter contre l’isolement', 1]]],
      ['2', 'Être un CPAS efficace', [['2.1', 'Moderniser', 1]]],
    ]);
    expect(parsed.outline.strategicObjectives[0].operationalObjectives[0].actions[0].fields).toMatchObject({ projectLead: 'Service social', end: '2026', resources: '10.000 €' });
  });
});

describe('Excel cells', () => {
  it('reads dates and percentages typed as numbers', () => {
    const xlsx = writeXlsx([
      {
        name: 'PST',
        rows: [
          ['Niveau', 'Intitulé', 'Fin', 'Avancement'],
          ['OS', 'Être un CPAS efficace', null, null],
          ['OO', 'Moderniser', null, null],
          ['Action', 'Acheter un logiciel', { value: '2026-06-30', style: 'date' }, { value: 0.35, style: 'percent' }],
        ],
      },
    ]);
    expect(readXlsxRows(xlsx)[3]).toEqual(['Action', 'Acheter un logiciel', '30/06/2026', '35 %']);
    const action = analyseDocument('pst.xlsx', xlsx).plan.actions[0];
    expect(action).toMatchObject({ progressPercent: 35, plannedEnd: { start: '2026-06-30' } });
  });
});

describe('values a filled-in template gets wrong are flagged at their row', () => {
  const column = (header: string) => TEMPLATE_COLUMNS.findIndex((c) => c.header === header);
  const row = (values: { [header: string]: string }) => {
    const cells: string[] = TEMPLATE_COLUMNS.map(() => '');
    for (const header of Object.keys(values)) cells[column(header)] = values[header];
    return cells;
  };
  const rows = [
    TEMPLATE_COLUMNS.map((c) => c.header),
    row({ Niveau: 'OS', Code: '1', Intitulé: 'Être un CPAS qui accompagne chacun' }),
    row({ Niveau: 'OO', Code: '1.1', Intitulé: 'Renforcer le service social' }),
    row({ Niveau: 'Action', Code: '1.1.1', Intitulé: 'Engager deux assistants sociaux', Début: '01/09/2027', Fin: '31/12/2026', 'Labels / plans': 'PCS\nPlan de cohésion sociale; PST' }),
    row({ Niveau: 'Action', Code: '1.1.2', Intitulé: 'Créer une permanence sociale', État: 'À voir plus tard', Priorité: 'Urgentissime peut-être', 'Avancement (%)': '1,5' }),
    row({ Niveau: 'Action', Code: '1.1.3', Intitulé: 'Ouvrir une épicerie sociale', Début: '2026', Fin: '2026', État: 'En cours', Priorité: 'Niveau 2', 'Avancement (%)': '0,4' }),
    row({ Niveau: 'Action', Code: '1.1.4', Intitulé: 'Former les agents', Début: '2026', Fin: '06/2027', 'Avancement (%)': '35' }),
  ];
  const analysis = analyseDocument('pst.xlsx', writeXlsx([{ name: 'PST', rows }]));
  const flagged = analysis.anomalies.filter((a) => a.kind === 'valueToCheck');

  it('an end before the start, unknown status and priority, an ambiguous progress', () => {
    expect(flagged.map((a) => a.line)).toEqual([4, 5, 5, 5, 6]);
    expect(flagged[0].message).toBe('Ligne 4 : la fin (« 31/12/2026 », 31/12/2026) précède le début (« 01/09/2027 », 01/09/2027) : vérifiez les deux dates.');
    expect(flagged[1].message).toMatch(/^Ligne 5 : l'état « À voir plus tard » n'est pas dans la liste \(Non commencé, En cours/);
    expect(flagged[2].message).toMatch(/^Ligne 5 : la priorité « Urgentissime peut-être » n'est pas dans la liste \(Niveau 1/);
    expect(flagged[3].message).toMatch(/^Ligne 5 : l'avancement « 1,5 » est ambigu : il est lu 1,5 %, mais il peut vouloir dire 15 %/);
    expect(flagged[4].message).toMatch(/^Ligne 6 : l'avancement « 0,4 » est ambigu : il est lu 0,4 %, mais il peut vouloir dire 40 % \(une fraction de 1\)/);
    // Still imported as read: nothing is guessed.
    expect(analysis.plan.actions.find((a) => a.code === '1.1.2')).toMatchObject({ progressPercent: 1.5, status: null, priority: null });
    expect(formatReport(analysis)).toMatch(/ligne 4 — valeur à vérifier : Ligne 4 : la fin/);
  });

  it('reads its own "Labels / plans" column as a list', () => {
    expect(analysis.anomalies.filter((a) => /Colonnes non reconnues/.test(a.message))).toEqual([]);
    expect(analysis.plan.actions.find((a) => a.code === '1.1.1')?.labels).toEqual(['PCS', 'Plan de cohésion sociale', 'PST']);
  });
});
