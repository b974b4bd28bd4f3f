/**
 * XML 1.0 allows only #x9, #xA, #xD, #x20–#xD7FF, #xE000–#xFFFD and #x10000–#x10FFFF.
 * A control character pasted into a comment, or half of an emoji pair, makes a .docx,
 * an eComptes file or a PDF's text unreadable: every text this layer writes goes through this.
 */

// Control characters, the two non-characters U+FFFE and U+FFFF, and surrogates: a valid
// pair is matched as a whole (and kept), a lone half on its own (and dropped).
// eslint-disable-next-line no-control-regex
const CANDIDATES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;

/** The text without the characters XML 1.0 forbids (everything else kept as is). */
export function stripXmlForbidden(text: string): string {
  return text.replace(CANDIDATES, (match) => (match.length === 2 ? match : ''));
}

/** True when the text holds a character XML 1.0 forbids. */
export function hasXmlForbidden(text: string): boolean {
  return stripXmlForbidden(text) !== text;
}
