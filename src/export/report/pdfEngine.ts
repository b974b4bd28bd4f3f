/**
 * pdfmake's browser build and its embedded Roboto fonts, loaded on demand: about 1 MB
 * that the web parts' bundles never carry (their own chunk, fetched when a PDF is asked for).
 */
import type { PdfEngine } from './pdf';

let engine: Promise<PdfEngine> | null = null;

export function browserPdfEngine(): Promise<PdfEngine> {
  engine ??= Promise.all([
    import(/* webpackChunkName: 'pst-pdfmake' */ 'pdfmake/build/pdfmake'),
    import(/* webpackChunkName: 'pst-pdfmake' */ 'pdfmake/build/vfs_fonts'),
  ]).then(([pdfMakeModule, vfsModule]) => {
    // The UMD builds come as the module itself or as its default export, depending on the bundler.
    const pdfMake = (pdfMakeModule as { default?: typeof pdfMakeModule.default }).default ?? (pdfMakeModule as unknown as typeof pdfMakeModule.default);
    const vfs = (vfsModule as { default?: Record<string, string> }).default ?? (vfsModule as unknown as Record<string, string>);
    pdfMake.addVirtualFileSystem(vfs);
    return pdfMake;
  });
  return engine;
}
