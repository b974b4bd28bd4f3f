/**
 * A minimal streaming reader of the XML parts of Office files (document.xml,
 * styles.xml, numbering.xml, sharedStrings.xml, sheet1.xml): tags and text in document
 * order, entities decoded. Office XML is machine-written and well-formed; this is all
 * the readers need, without a DOM (which Node does not have).
 */

import { decodeEntities } from '../../text/htmlEntities';

export type XmlEvent =
  | { readonly type: 'open'; readonly name: string; readonly attributes: Readonly<Record<string, string>>; readonly selfClosing: boolean }
  | { readonly type: 'close'; readonly name: string }
  | { readonly type: 'text'; readonly text: string };

/** XML's references (`'xml'`: the five named entities, `&#…;` at face value), from the one entity table. */
const decodeXml = (text: string): string => decodeEntities(text, 'xml');

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source)) !== null) attributes[match[1]] = decodeXml(match[2] !== undefined ? match[2] : match[3]);
  return attributes;
}

/** Calls `visit` for every tag and text node, in order. Comments, CDATA and declarations are skipped (CDATA text is kept). */
export function walkXml(xml: string, visit: (event: XmlEvent) => void): void {
  const pattern = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(xml)) !== null) {
    if (match[1] !== undefined) {
      visit({ type: 'text', text: match[1] });
    } else if (match[3] !== undefined) {
      if (match[2] === '/') visit({ type: 'close', name: match[3] });
      else {
        const selfClosing = match[5] === '/';
        visit({ type: 'open', name: match[3], attributes: parseAttributes(match[4] || ''), selfClosing });
        if (selfClosing) visit({ type: 'close', name: match[3] });
      }
    } else if (match[6] !== undefined) {
      visit({ type: 'text', text: decodeXml(match[6]) });
    }
  }
}
