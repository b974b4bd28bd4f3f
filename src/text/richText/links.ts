/** The links kept by the rich-text sanitizer: absolute http, https and mailto URLs only. */
import { decodeEntities } from '../htmlEntities';

const SAFE_SCHEMES = ['http', 'https', 'mailto'];

/**
 * The link target to keep, or null: only absolute http, https and mailto URLs (checked
 * after decoding, and after removing what browsers ignore: tabs and newlines anywhere,
 * control characters and spaces around).
 */
export function safeLinkTarget(href: string | null | undefined): string | null {
  return href == null ? null : checkLinkTarget(decodeEntities(href));
}

/** `safeLinkTarget` of an already decoded value (attribute values are decoded by the tokenizer). */
export function checkLinkTarget(decoded: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = decoded.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned);
  if (!scheme || SAFE_SCHEMES.indexOf(scheme[1].toLowerCase()) < 0) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(cleaned)) return null;
  if (scheme[1].toLowerCase() !== 'mailto' && !/^[A-Za-z]+:\/\/[^/\s]/.test(cleaned)) return null;
  return cleaned;
}
