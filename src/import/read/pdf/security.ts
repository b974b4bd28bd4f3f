/**
 * The PDF standard security handler, for the files that open without a password: those
 * protected by an owner password only ("printable, not editable": the user password is
 * empty). RC4 40–128 bits (V1, V2, V4/V2), AES-128 (V4/AESV2) and AES-256 (V5/AESV3,
 * revisions 5 and 6). Only streams are decrypted: the text lives in content streams,
 * fonts and object streams; strings of dictionaries are not needed to read the text.
 * A file that needs a user password gives null: the caller refuses it.
 */
import { aesCbcDecrypt, aesCbcEncrypt } from './aes';
import { concatBytes, md5, rc4, sha256, sha384, sha512 } from './ciphers';
import { PdfDict, PdfName, PdfString, PdfValue } from './objects';

export interface StreamDecryptor {
  decrypt(num: number, gen: number, data: Uint8Array): Uint8Array;
}

const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64,
  0x53, 0x69, 0x7a,
]);

type Cipher = 'rc4' | 'aes128' | 'aes256' | 'none';

const bytesOf = (value: PdfValue | undefined): Uint8Array => (value instanceof PdfString ? value.bytes : new Uint8Array(0));
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, k) => x === b[k]);

function cipherOf(encrypt: PdfDict, resolve: (v: PdfValue | undefined) => PdfValue | undefined): Cipher | null {
  const v = Number(resolve(encrypt.get('V')) || 0);
  if (v === 1 || v === 2) return 'rc4';
  if (v !== 4 && v !== 5) return null;
  const streamFilter = resolve(encrypt.get('StmF'));
  const filterName = streamFilter instanceof PdfName ? streamFilter.name : 'Identity';
  if (filterName === 'Identity') return 'none';
  const filters = resolve(encrypt.get('CF'));
  const filter = filters instanceof Map ? resolve(filters.get(filterName)) : null;
  const method = filter instanceof Map ? resolve(filter.get('CFM')) : null;
  const name = method instanceof PdfName ? method.name : 'None';
  if (name === 'V2') return 'rc4';
  if (name === 'AESV2') return 'aes128';
  if (name === 'AESV3') return 'aes256';
  return name === 'None' ? 'none' : null;
}

/** Algorithms 2, 4 and 5 of ISO 32000: the file key from the empty user password, checked against /U. */
function rc4StyleKey(encrypt: PdfDict, resolve: (v: PdfValue | undefined) => PdfValue | undefined, id: Uint8Array, cipher: Cipher): Uint8Array | null {
  const revision = Number(resolve(encrypt.get('R')) || 2);
  let length = revision === 2 ? 5 : Number(resolve(encrypt.get('Length')) || 40) / 8;
  if (cipher === 'aes128') length = 16;
  length = Math.max(5, Math.min(16, Math.round(length)));
  const permissions = Number(resolve(encrypt.get('P')) || 0);
  const p = Uint8Array.from([permissions & 0xff, (permissions >> 8) & 0xff, (permissions >> 16) & 0xff, (permissions >>> 24) & 0xff]);
  const encryptMetadata = resolve(encrypt.get('EncryptMetadata')) !== false;
  let hash = md5(concatBytes(PAD, bytesOf(resolve(encrypt.get('O'))).subarray(0, 32), p, id, revision >= 4 && !encryptMetadata ? Uint8Array.from([255, 255, 255, 255]) : new Uint8Array(0)));
  if (revision >= 3) for (let k = 0; k < 50; k++) hash = md5(hash.subarray(0, length));
  const key = hash.slice(0, length);
  const u = bytesOf(resolve(encrypt.get('U')));
  if (revision === 2) return sameBytes(rc4(key, PAD), u.subarray(0, 32)) ? key : null;
  let check = rc4(key, md5(concatBytes(PAD, id)));
  for (let k = 1; k <= 19; k++) check = rc4(key.map((b) => b ^ k), check);
  return sameBytes(check, u.subarray(0, 16)) ? key : null;
}

/** Algorithm 2.B (revision 6) or plain SHA-256 (revision 5), for the empty password. */
function hash256(revision: number, salt: Uint8Array, userKey: Uint8Array): Uint8Array {
  let k = sha256(concatBytes(salt, userKey));
  if (revision < 6) return k;
  for (let round = 0; ; round++) {
    const unit = concatBytes(k, userKey);
    const k1 = new Uint8Array(unit.length * 64);
    for (let r = 0; r < 64; r++) k1.set(unit, r * unit.length);
    const e = aesCbcEncrypt(k.subarray(0, 16), k.subarray(16, 32), k1);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i];
    k = [sha256, sha384, sha512][sum % 3](e);
    if (round >= 63 && e[e.length - 1] <= round + 1 - 32) break;
  }
  return k.subarray(0, 32);
}

function aes256Key(encrypt: PdfDict, resolve: (v: PdfValue | undefined) => PdfValue | undefined): Uint8Array | null {
  const revision = Number(resolve(encrypt.get('R')) || 6);
  const u = bytesOf(resolve(encrypt.get('U')));
  const ue = bytesOf(resolve(encrypt.get('UE')));
  if (u.length < 48 || ue.length < 32) return null;
  if (!sameBytes(hash256(revision, u.subarray(32, 40), new Uint8Array(0)), u.subarray(0, 32))) return null;
  return aesCbcDecrypt(hash256(revision, u.subarray(40, 48), new Uint8Array(0)), new Uint8Array(16), ue.subarray(0, 32), false);
}

/** The decryptor of a file that opens with the empty user password; null when a password is needed. */
export function openWithoutPassword(encrypt: PdfDict, id: Uint8Array, resolve: (v: PdfValue | undefined) => PdfValue | undefined): StreamDecryptor | null {
  const filter = resolve(encrypt.get('Filter'));
  if (!(filter instanceof PdfName) || filter.name !== 'Standard') return null;
  const cipher = cipherOf(encrypt, resolve);
  if (cipher === null) return null;
  const key = cipher === 'aes256' ? aes256Key(encrypt, resolve) : rc4StyleKey(encrypt, resolve, id, cipher);
  if (!key) return null;
  if (cipher === 'none') return { decrypt: (_num, _gen, data) => data };
  if (cipher === 'aes256') return { decrypt: (_num, _gen, data) => aesCbcDecrypt(key, data.subarray(0, 16), data.subarray(16), true) };
  return {
    decrypt: (num, gen, data) => {
      const salt = cipher === 'aes128' ? Uint8Array.from([0x73, 0x41, 0x6c, 0x54]) : new Uint8Array(0);
      const objectKey = md5(concatBytes(key, Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]), salt)).subarray(0, Math.min(key.length + 5, 16));
      return cipher === 'aes128' ? aesCbcDecrypt(objectKey, data.subarray(0, 16), data.subarray(16), true) : rc4(objectKey, data);
    },
  };
}
