/**
 * The importer as the coordinator's browser view uses it: loaded on demand, in its own
 * chunk, so that the web parts' bundles do not carry the readers and the parser.
 */
export { analyseDocument } from './importDocument';
export type { ImportAnalysis } from './importDocument';
export { checkBeforeReading } from './read';
export { isImportError } from './errors';
export { reportFigures, valuesToCheck } from './report';
export type { ReportFigures } from './report';
export { FIELD_NAMES_FR } from './lines/fieldLabels';
export { writeTemplate } from './spreadsheet/template';
export { syncTotals } from '../domain/planSync';
