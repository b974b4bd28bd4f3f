/**
 * Encryption of generated PDFs the way Word or Acrobat protect a file with an owner
 * password only ("printable, not editable"): the user password is empty, the owner
 * password is not. Written with Node's own crypto (and RC4, which OpenSSL 3 no longer
 * offers) so that the reader's handler is checked against an independent one.
 */
import * as crypto from 'crypto';

export type PdfEncryption = 'rc4-40' | 'rc4-128' | 'aes-128' | 'aes-256';

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const OWNER_PASSWORD = Buffer.from('proprietaire');
const PERMISSIONS = -3904; // print allowed, modify and copy not

const md5 = (...parts: Buffer[]) => crypto.createHash('md5').update(Buffer.concat(parts)).digest();

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_v, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const aes = (bits: number, key: Buffer, iv: Buffer, data: Buffer, pad: boolean) => {
  const cipher = crypto.createCipheriv(`aes-${bits}-cbc`, key, iv);
  cipher.setAutoPadding(pad);
  return Buffer.concat([cipher.update(data), cipher.final()]);
};

/** Algorithm 2.B of ISO 32000-2 (revision 6). */
function hash2B(password: Buffer, salt: Buffer, userKey: Buffer): Buffer {
  let k = crypto.createHash('sha256').update(Buffer.concat([password, salt, userKey])).digest();
  let e = Buffer.alloc(0);
  for (let round = 0; round < 64 || e[e.length - 1] > round - 32; round++) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([password, k, userKey])));
    e = aes(128, k.subarray(0, 16), k.subarray(16, 32), k1, false);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i];
    k = crypto.createHash(['sha256', 'sha384', 'sha512'][sum % 3]).update(e).digest();
  }
  return k.subarray(0, 32);
}

export interface PdfSecurity {
  readonly dictionary: string;
  readonly idHex: string;
  encrypt(num: number, data: Uint8Array): Uint8Array;
}

const hex = (b: Buffer) => `<${b.toString('hex')}>`;

export function encryptionFor(kind: PdfEncryption): PdfSecurity {
  const id = crypto.createHash('md5').update(kind).digest();
  const p = Buffer.alloc(4);
  p.writeInt32LE(PERMISSIONS);
  if (kind === 'aes-256') {
    const fileKey = crypto.randomBytes(32);
    const [uvs, uks, ovs, oks] = [0, 1, 2, 3].map(() => crypto.randomBytes(8));
    const u = Buffer.concat([hash2B(Buffer.alloc(0), uvs, Buffer.alloc(0)), uvs, uks]);
    const ue = aes(256, hash2B(Buffer.alloc(0), uks, Buffer.alloc(0)), Buffer.alloc(16), fileKey, false);
    const o = Buffer.concat([hash2B(OWNER_PASSWORD, ovs, u), ovs, oks]);
    const oe = aes(256, hash2B(OWNER_PASSWORD, oks, u), Buffer.alloc(16), fileKey, false);
    const permsPlain = Buffer.concat([p, Buffer.from([255, 255, 255, 255]), Buffer.from('Tadb'), crypto.randomBytes(4)]);
    const ecb = crypto.createCipheriv('aes-256-ecb', fileKey, null);
    ecb.setAutoPadding(false);
    const perms = Buffer.concat([ecb.update(permsPlain), ecb.final()]);
    return {
      dictionary: `<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF /P ${PERMISSIONS} /O ${hex(o)} /U ${hex(u)} /OE ${hex(oe)} /UE ${hex(ue)} /Perms ${hex(perms)} >>`,
      idHex: id.toString('hex'),
      encrypt: (_num, data) => {
        const iv = crypto.randomBytes(16);
        return Buffer.concat([iv, aes(256, fileKey, iv, Buffer.from(data), true)]);
      },
    };
  }
  const revision = kind === 'rc4-40' ? 2 : kind === 'rc4-128' ? 3 : 4;
  const length = kind === 'rc4-40' ? 5 : 16;
  // Algorithm 3: /O from the owner password.
  let ownerHash = md5(Buffer.concat([OWNER_PASSWORD, PAD]).subarray(0, 32));
  if (revision >= 3) for (let k = 0; k < 50; k++) ownerHash = md5(ownerHash);
  const ownerKey = ownerHash.subarray(0, length);
  let o = rc4(ownerKey, PAD);
  if (revision >= 3) for (let k = 1; k <= 19; k++) o = rc4(Buffer.from(ownerKey.map((b) => b ^ k)), o);
  // Algorithm 2: the file key from the empty user password.
  let keyHash = md5(PAD, o, p, id);
  if (revision >= 3) for (let k = 0; k < 50; k++) keyHash = md5(keyHash.subarray(0, length));
  const key = keyHash.subarray(0, length);
  let u: Buffer;
  if (revision === 2) u = rc4(key, PAD);
  else {
    u = rc4(key, md5(PAD, id));
    for (let k = 1; k <= 19; k++) u = rc4(Buffer.from(key.map((b) => b ^ k)), u);
    u = Buffer.concat([u, crypto.randomBytes(16)]);
  }
  const filters =
    revision === 4 ? ' /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV2 /Length 16 >> >> /StmF /StdCF /StrF /StdCF' : '';
  return {
    dictionary: `<< /Filter /Standard /V ${revision === 2 ? 1 : revision === 3 ? 2 : 4} /R ${revision} /Length ${length * 8}${filters} /P ${PERMISSIONS} /O ${hex(o)} /U ${hex(u)} >>`,
    idHex: id.toString('hex'),
    encrypt: (num, data) => {
      const objectKey = md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]), revision === 4 ? Buffer.from('sAlT') : Buffer.alloc(0)).subarray(0, Math.min(length + 5, 16));
      if (revision !== 4) return rc4(objectKey, Buffer.from(data));
      const iv = crypto.randomBytes(16);
      return Buffer.concat([iv, aes(128, objectKey, iv, Buffer.from(data), true)]);
    },
  };
}
