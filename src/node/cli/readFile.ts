/**
 * Reading a document from disk for the command-line jobs (Node only; the browser's
 * import view hands `analyseDocument` the bytes of the dropped file).
 */
import * as fs from 'node:fs';
import { ImportError } from '../../import/errors';
import { AnalyseOptions, analyseDocument, ImportAnalysis } from '../../import/importDocument';
import { checkBeforeReading, ReadDocument, readDocument } from '../../import/read';

/** Reads a file, refusing a too large one before loading it. */
export async function readDocumentFile(filePath: string): Promise<ReadDocument> {
  return readDocument(filePath, loadChecked(filePath));
}

export async function analyseFile(filePath: string, options: AnalyseOptions = {}): Promise<ImportAnalysis> {
  return analyseDocument(filePath, loadChecked(filePath), options);
}

function loadChecked(filePath: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new ImportError('unreadable', `Fichier introuvable : ${filePath}`);
  }
  if (stat.isDirectory()) throw new ImportError('unreadable', `« ${filePath} » est un dossier, pas un fichier.`);
  checkBeforeReading(filePath, stat.size);
  return new Uint8Array(fs.readFileSync(filePath));
}
