/** pdfmake's server build for the command line and the tests: Roboto from the package's files, nothing fetched. */
import * as path from 'node:path';
import type { PdfEngine } from '../../export/report/pdf';

// The server build is CommonJS and exports its instance; required here, as the tests and tsx run it.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pdfmake = require('pdfmake') as typeof import('pdfmake');

let configured = false;

export function nodePdfEngine(): PdfEngine {
  if (!configured) {
    const fontsFolder = path.dirname(require.resolve('pdfmake/fonts/Roboto'));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const roboto = require('pdfmake/fonts/Roboto') as Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>;
    pdfmake.addFonts(roboto);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontsFolder + path.sep));
    configured = true;
  }
  return pdfmake;
}
