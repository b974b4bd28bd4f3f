/**
 * Validation of an eComptes file against the Region's schema with libxml2 (xmllint compiled
 * to WebAssembly: the real XSD validator, no approximation), for `npm run export` and the tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The schema as the Region publishes it, kept in shared/reference (ISO-8859-1, read as bytes). */
export const ECOMPTES_XSD = path.resolve(__dirname, '../../../../shared/reference/ecomptes/PST_eComptes_Export_201805V1.xsd');

export interface SchemaValidation {
  readonly valid: boolean;
  /** libxml2's messages, « line: message ». */
  readonly errors: string[];
}

export async function validateEcomptes(xml: string, xsdPath = ECOMPTES_XSD): Promise<SchemaValidation> {
  if (!fs.existsSync(xsdPath)) throw new Error(`Schéma eComptes introuvable : ${xsdPath}`);
  const result = await validateXML({
    xml: [{ fileName: 'pst-ecomptes.xml', contents: xml }],
    schema: [{ fileName: 'PST_eComptes_Export_201805V1.xsd', contents: new Uint8Array(fs.readFileSync(xsdPath)) }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => (e.loc ? `${e.loc.lineNumber}: ${e.message}` : e.message)) };
}
