/**
 * A MIME message with a plain-text and an HTML part (multipart/alternative). Graph's
 * JSON `sendMail` carries a single body; sending MIME (base64, `Content-Type: text/plain`)
 * is how a mail gets both parts.
 */
import type { RenderedMail } from './mailTemplates';

export interface MimeAddress {
  readonly name?: string;
  readonly email: string;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
}

/** RFC 2047 encoded-word for headers with accents. */
export function encodeHeader(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${base64(value)}?=`;
}

function address(a: MimeAddress): string {
  return a.name ? `${encodeHeader(a.name)} <${a.email}>` : `<${a.email}>`;
}

function wrap76(text: string): string {
  return text.replace(/(.{76})/g, '$1\r\n');
}

export function buildMimeMessage(options: {
  from?: MimeAddress;
  to: readonly MimeAddress[];
  mail: RenderedMail;
  messageId?: string;
  boundary?: string;
  date?: Date;
}): string {
  const boundary = options.boundary ?? `pst-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const headers = [
    ...(options.from ? [`From: ${address(options.from)}`] : []),
    `To: ${options.to.map(address).join(', ')}`,
    `Subject: ${encodeHeader(options.mail.subject)}`,
    ...(options.date ? [`Date: ${options.date.toUTCString()}`] : []),
    ...(options.messageId ? [`Message-ID: ${options.messageId}`] : []),
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', wrap76(base64(body))].join('\r\n');
  return [...headers, '', part('text/plain', options.mail.text), part('text/html', options.mail.html), `--${boundary}--`, ''].join('\r\n');
}

/** What Graph's `sendMail` expects when the body is MIME. */
export function mimeForGraph(mime: string): string {
  return base64(mime);
}

/** Reads back the parts of a message built here (used by the local outbox and tests). */
export function parseMimeMessage(mime: string): { headers: Record<string, string>; text: string; html: string } {
  const [head, ...rest] = mime.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.substring(0, i).toLowerCase()] = decodeHeader(line.substring(i + 1).trim());
  }
  const boundary = /boundary="([^"]+)"/.exec(headers['content-type'] ?? '')?.[1];
  const body = rest.join('\r\n\r\n');
  const parts: Record<string, string> = {};
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`)) {
      const [partHead, ...partBody] = chunk.split('\r\n\r\n');
      const type = /Content-Type:\s*([^;\r\n]+)/i.exec(partHead)?.[1];
      if (type) parts[type.trim().toLowerCase()] = decodeBase64(partBody.join('').replace(/\s+/g, ''));
    }
  }
  return { headers, text: parts['text/plain'] ?? '', html: parts['text/html'] ?? '' };
}

function decodeBase64(value: string): string {
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, encoded: string) => decodeBase64(encoded));
}
