/**
 * A workbook as people lay out a PST in Excel: cells merged down a column (the OS written
 * once beside all its actions). Written with the project's XLSX writer, then the merged
 * ranges added to the sheet the way Excel stores them (only the first cell holds the value).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeXlsx } from '../../../src/export/xlsx';

/** `rows` as typed (cells covered by a merge left empty), `merges` as Excel's ranges ("B4:B9"). */
export function mergedWorkbook(rows: readonly (readonly string[])[], merges: readonly string[]): Uint8Array {
  const files = unzipSync(writeXlsx([{ name: 'PST', rows: rows.map((r) => r.map((c) => (c === '' ? null : c))) }]));
  const sheetName = Object.keys(files).find((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)) as string;
  const xml = strFromU8(files[sheetName]);
  const mergeXml = `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`;
  files[sheetName] = strToU8(xml.replace('</sheetData>', `</sheetData>${mergeXml}`));
  return zipSync(files);
}
