/**
 * A minimal streaming reader of the XML parts of Office files (document.xml,
 * styles.xml, numbering.xml, sharedStrings.xml, sheet1.xml): tags and text in document
 * order, entities decoded. Office XML is machine-written and well-formed; this is all
 * the readers need, without a DOM (which Node does not have).
 */

export type XmlEvent =
  | { readonly type: 'open'; readonly name: string; readonly attributes: Readonly<Record<string, string>>; readonly selfClosing: boolean }
  | { readonly type: 'close'; readonly name: string }
  | { readonly type: 'text'; readonly text: string };

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * XML's references: the five named entities (and `&nbsp;`), `&#…;` and `&#x…;` taken at
 * face value. Not text/richText's decoder, which reads references the way a browser
 * does: there `&#128;`–`&#159;` become Windows-1252 characters (€, ’, –) and an
 * over-long reference (`&#x000000041;`) is cut after 8 hex or 10 decimal digits, where
 * XML means U+0080–U+009F and "A".
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.charAt(0) === '#') {
      const code = entity.charAt(1) === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[entity] !== undefined ? ENTITIES[entity] : whole;
  });
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source)) !== null) attributes[match[1]] = decodeEntities(match[2] !== undefined ? match[2] : match[3]);
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
      visit({ type: 'text', text: decodeEntities(match[6]) });
    }
  }
}
