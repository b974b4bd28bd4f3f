/**
 * The importer as the coordinator's browser view uses it: loaded on demand, in its own
 * chunk, so that the web parts' bundles do not carry the readers and the parser.
 */
export { analyseDocument } from './importDocument';
export type { AnalyseOptions, ImportAnalysis } from './importDocument';
export type { ProfileEntry } from './outline/describeProfile';
export { applyRules, parseRules, RulesError } from './lines/rules';
export type { ImportRules } from './lines/rules';
export { reviewImport } from './review';
export type { ImportReview } from './review';
export { checkBeforeReading } from './read';
export { isImportError } from './errors';
export { reportFigures, valuesToCheck } from './report';
export type { ReportFigures } from './report';
export { FIELD_NAMES_FR } from './lines/fieldLabels';
export { writeTemplate } from './spreadsheet/template';
export { syncTotals } from '../domain/planSync';
