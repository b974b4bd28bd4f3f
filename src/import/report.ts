/**
 * The report shown before anything is written, in French: what was found (volets,
 * sections, OS, OO, actions, sub-actions), which sheet fields were recognised on how
 * many actions, and every anomaly with its line (or spreadsheet row), followed by the
 * readings that failed when converting (dates, progress, statuses).
 */
import { FIELD_NAMES_FR } from './lines/fieldLabels';
import type { ImportAnalysis } from './importDocument';
import type { AnomalyKind } from './outline/parseResult';
import { reviewImport } from './review';
import { capPerKind, omittedLine, WARNING_TITLES } from './reportLimits';

const FORMAT_NAMES: { readonly [format: string]: string } = {
  docx: 'document Word',
  pdf: 'PDF',
  md: 'texte Markdown',
  txt: 'texte',
  xlsx: 'classeur Excel',
  csv: 'fichier CSV',
  xml: 'export eComptes (XML)',
};

const ANOMALY_TITLES: { readonly [K in AnomalyKind]: string } = {
  duplicateCode: 'code en double',
  orphanAction: 'action sans parent',
  missingLevel: 'niveau manquant',
  unrecognisedText: 'texte non compris',
  codeAnomaly: 'code à vérifier',
  missingTitle: 'intitulé manquant',
  emptyObjective: 'objectif sans action',
  longTitle: 'intitulé trop long',
  valueToCheck: 'valeur à vérifier',
};

export interface ReportFigures {
  readonly volets: string[];
  readonly sections: number;
  readonly strategicObjectives: number;
  readonly operationalObjectives: number;
  readonly actions: number;
  readonly subActions: number;
}

export function reportFigures(analysis: ImportAnalysis): ReportFigures {
  const volets: string[] = [];
  const sections = new Set<string>();
  let oo = 0;
  let actions = 0;
  let subActions = 0;
  for (const os of analysis.outline.strategicObjectives) {
    if (os.volet && volets.indexOf(os.volet) < 0) volets.push(os.volet);
    const path = os.sectionPath && os.sectionPath.length > 0 ? os.sectionPath : os.axis && os.axis.title ? [os.axis.title] : os.section ? [os.section] : [];
    // Every level of the path is a section (the volet heading itself is not).
    path.forEach((_heading, index) => {
      const key = path.slice(0, index + 1).join(' › ');
      if (!(index === 0 && os.volet && /partie|volet/i.test(path[0]))) sections.add(key);
    });
    for (const o of os.operationalObjectives) {
      oo++;
      for (const a of o.actions) {
        actions++;
        subActions += (a.subActions || []).length;
      }
    }
  }
  return { volets, sections: sections.size, strategicObjectives: analysis.outline.strategicObjectives.length, operationalObjectives: oo, actions, subActions };
}

/** Conversion warnings worth a look (the structural ones are already anomalies). */
export function valuesToCheck(analysis: ImportAnalysis): ImportAnalysis['plan']['warnings'] {
  return analysis.plan.warnings.filter((w) => ['duplicateCode', 'missingTitle', 'codeAnomaly'].indexOf(w.code) < 0);
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export function formatReport(analysis: ImportAnalysis): string {
  const figures = reportFigures(analysis);
  const out: string[] = [];
  const where = analysis.format === 'xlsx' || analysis.format === 'csv' ? 'ligne' : 'ligne';
  out.push(`Rapport d'import — ${analysis.fileName} (${FORMAT_NAMES[analysis.format] || analysis.format})`);
  const outline = analysis.outline;
  const about = [outline.organisation, outline.period].filter((v) => v).join(', ');
  if (about) out.push(`PST reconnu : ${about}`);
  out.push('');
  out.push('Structure reconnue');
  out.push(`  Volets                    : ${figures.volets.length}${figures.volets.length ? ` (${figures.volets.join(', ')})` : ''}`);
  out.push(`  Sections / axes           : ${figures.sections}`);
  out.push(`  Objectifs stratégiques    : ${figures.strategicObjectives}`);
  out.push(`  Objectifs opérationnels   : ${figures.operationalObjectives}`);
  out.push(`  Actions                   : ${figures.actions}`);
  out.push(`  Sous-actions              : ${figures.subActions}`);
  out.push('');
  if (analysis.profileLines && analysis.profileLines.length > 0) {
    out.push('Lecture du document (profil)');
    for (const line of analysis.profileLines) out.push(`  ${line}`);
    out.push('');
  }
  const review = reviewImport(analysis.outline, analysis.anomalies, analysis.statedTotals);
  out.push('Confiance par niveau (trouvés / annoncés par le document)');
  const levelLines: [string, (typeof review.levels)['actions']][] = [
    ['Objectifs stratégiques ', review.levels.strategicObjectives],
    ['Objectifs opérationnels', review.levels.operationalObjectives],
    ['Actions                ', review.levels.actions],
  ];
  for (const [name, level] of levelLines) {
    const stated = level.stated === null ? 'total non annoncé' : level.stated === level.found ? `${level.stated} annoncés : identique` : `${level.stated} annoncés : DIFFÉRENT`;
    out.push(`  ${name}   : ${level.found} (${stated}) — confiance ${level.confidence}`);
  }
  if (review.warnings.length > 0) {
    out.push(`Avertissements (${review.warnings.length})`);
    for (const w of review.warnings) out.push(`  ${w.line > 0 ? `${where} ${w.line}` : 'document'} — ${w.message}`);
  }
  out.push(`Verdict : ${review.verdictText}`);
  out.push('');

  const fieldKeys = Object.keys(analysis.fieldCounts).sort((a, b) => analysis.fieldCounts[b] - analysis.fieldCounts[a]);
  if (fieldKeys.length === 0) {
    out.push(`Champs des fiches : aucun champ reconnu (les ${plural(figures.actions, 'action est', 'actions sont')} reprises avec leur seul intitulé).`);
  } else {
    out.push(`Champs reconnus (sur ${plural(figures.actions, 'action', 'actions')})`);
    for (const key of fieldKeys) {
      const name = (FIELD_NAMES_FR as { [k: string]: string })[key] || key;
      out.push(`  ${(name + ' ').padEnd(38, '.')} ${analysis.fieldCounts[key]}`);
    }
  }
  out.push('');

  const anomalies = analysis.anomalies;
  if (anomalies.length === 0) out.push('Anomalies : aucune.');
  else {
    out.push(`Anomalies (${anomalies.length})`);
    const capped = capPerKind(anomalies, (a) => a.kind);
    for (const a of capped.listed) {
      const place = a.line > 0 ? `${where} ${a.line}${a.page ? ` (page ${a.page})` : ''}` : 'document';
      out.push(`  ${place} — ${ANOMALY_TITLES[a.kind]} : ${a.message}`);
    }
    for (const o of capped.omitted) out.push(omittedLine(o.count, ANOMALY_TITLES[o.kind as AnomalyKind]));
  }
  const warnings = valuesToCheck(analysis);
  if (warnings.length > 0) {
    out.push('');
    out.push(`Valeurs à vérifier (${warnings.length})`);
    const capped = capPerKind(warnings, (w) => w.code);
    for (const w of capped.listed) out.push(`  ${w.path} — ${w.message}`);
    for (const o of capped.omitted) out.push(omittedLine(o.count, (WARNING_TITLES as { readonly [code: string]: string })[o.kind] || o.kind));
  }
  return out.join('\n');
}
