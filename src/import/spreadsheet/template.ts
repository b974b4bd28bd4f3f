/**
 * The import template: a "PST" sheet with the headers and example rows (one of each
 * level, their titles starting with "Exemple"), and a sheet of instructions.
 */
import { Sheet, writeXlsx } from '../../export/xlsx';
import { ColumnKey, TEMPLATE_COLUMNS } from './columns';
import { TEMPLATE_LEVELS } from '../../export/templateColumns';

const EXAMPLE_ROWS: readonly (readonly [string, string, string, string, Partial<Record<ColumnKey, string>>])[] = [
  [TEMPLATE_LEVELS.os, '1', "Exemple : Être un CPAS proche des citoyens", '', { volet: 'Externe', section: 'Axe 1 – Action sociale', description: 'Ce que le CPAS veut être dans six ans.' }],
  [TEMPLATE_LEVELS.oo, '1.1', "Exemple : Améliorer l'accueil des usagers", '1', {}],
  [
    TEMPLATE_LEVELS.action,
    '1.1.1',
    "Exemple : Rénover la salle d'attente",
    '1.1',
    {
      description: "Rendre la salle d'attente accessible et confidentielle.",
      start: '01/2026',
      end: '12/2027',
      department: 'Service social',
      projectLead: 'Marie Dupont',
      team: 'Jean Martin / Service technique',
      pilot: 'Directrice générale',
      mandatary: 'Présidente du CPAS',
      partners: 'Commune',
      priority: 'Prioritaire',
      status: 'En cours',
      progress: '10 %',
      indicators: 'Satisfaction des usagers (enquête annuelle)',
      risks: 'Délais du marché public',
      resources: 'Humaines (ETP) : 0,2 ; Budgétaires (€) : 25.000 € ; service extraordinaire',
      sdgs: '10, 16',
    },
  ],
  [TEMPLATE_LEVELS.subAction, '1.1.1.1', 'Exemple : Choisir le mobilier', '1.1.1', { end: '06/2026' }],
];

const INSTRUCTIONS: readonly string[] = [
  "Modèle d'import du Programme stratégique transversal (PST)",
  '',
  "Une ligne par élément du PST, dans l'ordre : chaque objectif opérationnel sous son objectif stratégique, chaque action sous son objectif opérationnel.",
  'Colonne « Niveau » : Objectif stratégique (ou OS), Objectif opérationnel (ou OO), Action, Sous-action.',
  "Colonne « Parent » : le code ou l'intitulé de l'élément au-dessus. Vide : l'élément de niveau supérieur le plus proche au-dessus dans la feuille.",
  'Colonne « Code » : facultative ; elle permet de réimporter un PST corrigé sans créer de doublons.',
  'Dates : 2026, 09/2026 ou 31/12/2026. Avancement : 35 %, 35 ou +/- 35 %.',
  "Priorité : Niveau 1, Niveau 2, Niveau 3, Prioritaire, Obligatoire, Postposé. État : Non commencé, En cours, En attente, Problème, Terminé, Annulé.",
  'Plusieurs valeurs dans une cellule (risques, partenaires, équipe) : une par ligne (Alt+Entrée) ou séparées par « ; ».',
  "Les lignes dont l'intitulé commence par « Exemple » sont ignorées : remplacez-les par votre PST.",
  "Enregistrez en .xlsx (ou en .csv avec le séparateur « ; ») puis lancez : npm run import -- <fichier> --dry-run",
];

/** The import template: headers, the example rows, and a sheet of instructions. */
export function writeTemplate(): Uint8Array {
  const header = TEMPLATE_COLUMNS.map((c) => ({ value: c.header, style: 'bold' as const }));
  const examples = EXAMPLE_ROWS.map(([level, code, title, parent, rest]) =>
    TEMPLATE_COLUMNS.map((column) => {
      if (column.key === 'level') return level;
      if (column.key === 'code') return code;
      if (column.key === 'title') return title;
      if (column.key === 'parent') return parent;
      return rest[column.key] || null;
    }),
  );
  const sheets: Sheet[] = [
    { name: 'PST', rows: [header, ...examples], columnWidths: TEMPLATE_COLUMNS.map((c) => c.width) },
    { name: "Mode d'emploi", rows: INSTRUCTIONS.map((line, i) => [i === 0 ? { value: line, style: 'title' as const } : line]), columnWidths: [120] },
  ];
  return writeXlsx(sheets);
}
