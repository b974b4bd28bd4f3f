/**
 * Prints one part of the page (the dashboard), landscape, without the rest of the page.
 * SharePoint's modern pages scroll inside a fixed-height region, so printing the page as
 * it is gives one screenful; a copy of the part, put directly under <body> while the
 * browser prints, flows over as many pages as it needs. The copy is static (charts are
 * SVG, tables HTML), which is all paper needs.
 */
const STYLE_ID = 'pst-print-styles';
const HOST_CLASS = 'pst-print-host';
const PRINTING_CLASS = 'pst-printing';

// Fluent sets column widths inline (DetailsList): on paper, columns share the page width
// and wrap their text instead, so no column is cut off.
const PRINT_CSS = `
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body.${PRINTING_CLASS} > *:not(.${HOST_CLASS}) { display: none !important; }
  .${HOST_CLASS} { display: block; width: 100%; }
  .${HOST_CLASS} .pst-no-print, .${HOST_CLASS} .ms-CommandBar { display: none !important; }
  .${HOST_CLASS} section, .${HOST_CLASS} .pst-kpi, .${HOST_CLASS} tr { break-inside: avoid; }
  .${HOST_CLASS} table { width: 100% !important; table-layout: auto; }
  .${HOST_CLASS} .ms-DetailsList, .${HOST_CLASS} .ms-Viewport, .${HOST_CLASS} .ms-DetailsList-contentWrapper { overflow: visible !important; width: 100% !important; }
  .${HOST_CLASS} .ms-DetailsHeader, .${HOST_CLASS} .ms-DetailsRow, .${HOST_CLASS} .ms-DetailsRow-fields { display: flex !important; width: 100% !important; min-width: 0 !important; }
  .${HOST_CLASS} .ms-DetailsHeader-cell, .${HOST_CLASS} .ms-DetailsRow-cell { flex: 1 1 0 !important; width: auto !important; min-width: 0 !important; white-space: normal !important; overflow: visible !important; }
  .${HOST_CLASS} * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@media screen { .${HOST_CLASS} { display: none; } }
`;

function ensurePrintStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = PRINT_CSS;
  doc.head.appendChild(style);
}

/** Puts a copy of `element` alone on the printed page and opens the browser's print dialog. */
export function printElement(element: HTMLElement): void {
  const doc = element.ownerDocument;
  const win = doc.defaultView;
  if (!win) return;
  ensurePrintStyles(doc);
  const host = doc.createElement('div');
  host.className = HOST_CLASS;
  host.appendChild(element.cloneNode(true));
  doc.body.appendChild(host);
  doc.body.classList.add(PRINTING_CLASS);
  const cleanUp = (): void => {
    win.removeEventListener('afterprint', cleanUp);
    host.remove();
    doc.body.classList.remove(PRINTING_CLASS);
  };
  win.addEventListener('afterprint', cleanUp);
  win.print();
}
