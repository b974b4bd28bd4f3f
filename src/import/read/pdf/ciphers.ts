/**
 * The few ciphers and hashes a PDF's standard security handler needs, written out so
 * that the browser and Node read the same way (no Node module, no Web Crypto, which is
 * asynchronous): MD5, RC4, SHA-256/384/512 and AES-CBC (decryption, plus the encryption
 * the AES-256 key derivation uses).
 */

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

// ---- MD5 (RFC 1321)
const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_v, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) >>> 0);

export function md5(data: Uint8Array): Uint8Array {
  const length = data.length;
  const padded = new Uint8Array(((length + 8) >> 6) * 64 + 64);
  padded.set(data);
  padded[length] = 0x80;
  const bits = length * 8;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, bits >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(bits / 0x100000000), true);
  let a0 = 0x67452301;
  let b0 = 0xefcdab89;
  let c0 = 0x98badcfe;
  let d0 = 0x10325476;
  const m = new Array<number>(16);
  for (let block = 0; block < padded.length; block += 64) {
    for (let j = 0; j < 16; j++) m[j] = view.getUint32(block + j * 4, true);
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const s = MD5_S[(i >> 4) * 4 + (i % 4)];
      const sum = (a + f + MD5_K[i] + m[g]) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  const out = new Uint8Array(16);
  const outView = new DataView(out.buffer);
  [a0, b0, c0, d0].forEach((word, k) => outView.setUint32(k * 4, word >>> 0, true));
  return out;
}

// ---- RC4
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    const t = s[i];
    s[i] = s[j];
    s[j] = t;
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    const t = s[i];
    s[i] = s[j];
    s[j] = t;
    out[k] = data[k] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

// ---- SHA-256
const SHA256_K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
  0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
  0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

function padForHash(data: Uint8Array, blockSize: number, lengthBytes: number): Uint8Array {
  const total = Math.ceil((data.length + 1 + lengthBytes) / blockSize) * blockSize;
  const padded = new Uint8Array(total);
  padded.set(data);
  padded[data.length] = 0x80;
  const bits = data.length * 8;
  const view = new DataView(padded.buffer);
  view.setUint32(total - 4, bits >>> 0);
  view.setUint32(total - 8, Math.floor(bits / 0x100000000));
  return padded;
}

export function sha256(data: Uint8Array): Uint8Array {
  const padded = padForHash(data, 64, 8);
  const view = new DataView(padded.buffer);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Array<number>(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block + t * 4);
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      const s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[t] + w[t]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, k) => (h[k] = (h[k] + v) | 0));
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((v, k) => outView.setUint32(k * 4, v >>> 0));
  return out;
}

// ---- SHA-384 / SHA-512, on 32-bit halves
const SHA512_K_HEX =
  '428a2f98d728ae22 7137449123ef65cd b5c0fbcfec4d3b2f e9b5dba58189dbbc 3956c25bf348b538 59f111f1b605d019 923f82a4af194f9b ab1c5ed5da6d8118 d807aa98a3030242 12835b0145706fbe ' +
  '243185be4ee4b28c 550c7dc3d5ffb4e2 72be5d74f27b896f 80deb1fe3b1696b1 9bdc06a725c71235 c19bf174cf692694 e49b69c19ef14ad2 efbe4786384f25e3 0fc19dc68b8cd5b5 240ca1cc77ac9c65 ' +
  '2de92c6f592b0275 4a7484aa6ea6e483 5cb0a9dcbd41fbd4 76f988da831153b5 983e5152ee66dfab a831c66d2db43210 b00327c898fb213f bf597fc7beef0ee4 c6e00bf33da88fc2 d5a79147930aa725 ' +
  '06ca6351e003826f 142929670a0e6e70 27b70a8546d22ffc 2e1b21385c26c926 4d2c6dfc5ac42aed 53380d139d95b3df 650a73548baf63de 766a0abb3c77b2a8 81c2c92e47edaee6 92722c851482353b ' +
  'a2bfe8a14cf10364 a81a664bbc423001 c24b8b70d0f89791 c76c51a30654be30 d192e819d6ef5218 d69906245565a910 f40e35855771202a 106aa07032bbd1b8 19a4c116b8d2d0c8 1e376c085141ab53 ' +
  '2748774cdf8eeb99 34b0bcb5e19b48a8 391c0cb3c5c95a63 4ed8aa4ae3418acb 5b9cca4f7763e373 682e6ff3d6b2b8a3 748f82ee5defb2fc 78a5636f43172f60 84c87814a1f0ab72 8cc702081a6439ec ' +
  '90befffa23631e28 a4506cebde82bde9 bef9a3f7b2c67915 c67178f2e372532b ca273eceea26619c d186b8c721c0c207 eada7dd6cde0eb1e f57d4f7fee6ed178 06f067aa72176fba 0a637dc5a2c898a6 ' +
  '113f9804bef90dae 1b710b35131c471b 28db77f523047d84 32caab7b40c72493 3c9ebe0a15c9bebc 431d67c49c100d4c 4cc5d4becb3e42b6 597f299cfc657e2a 5fcb6fab3ad6faec 6c44198c4a475817';
const SHA512_K = SHA512_K_HEX.split(' ').reduce<number[]>((all, hex) => all.concat([parseInt(hex.slice(0, 8), 16) | 0, parseInt(hex.slice(8), 16) | 0]), []);
const SHA512_IV = '6a09e667f3bcc908 bb67ae8584caa73b 3c6ef372fe94f82b a54ff53a5f1d36f1 510e527fade682d1 9b05688c2b3e6c1f 1f83d9abfb41bd6b 5be0cd19137e2179';
const SHA384_IV = 'cbbb9d5dc1059ed8 629a292a367cd507 9159015a3070dd17 152fecd8f70e5939 67332667ffc00b31 8eb44a8768581511 db0c2e0d64f98fa7 47b5481dbefa4fa4';

function sha512Family(data: Uint8Array, iv: string, outBytes: number): Uint8Array {
  const padded = padForHash(data, 128, 16);
  const view = new DataView(padded.buffer);
  const h = iv.split(' ').reduce<number[]>((all, hex) => all.concat([parseInt(hex.slice(0, 8), 16) | 0, parseInt(hex.slice(8), 16) | 0]), []);
  const w = new Int32Array(160);
  // 64-bit helpers on (hi, lo) pairs.
  const add = (ah: number, al: number, bh: number, bl: number): [number, number] => {
    const lo = (al >>> 0) + (bl >>> 0);
    return [(ah + bh + Math.floor(lo / 0x100000000)) | 0, lo | 0];
  };
  const rotr = (hi: number, lo: number, n: number): [number, number] =>
    n < 32 ? [(hi >>> n) | (lo << (32 - n)), (lo >>> n) | (hi << (32 - n))] : [(lo >>> (n - 32)) | (hi << (64 - n)), (hi >>> (n - 32)) | (lo << (64 - n))];
  const shr = (hi: number, lo: number, n: number): [number, number] => [hi >>> n, (lo >>> n) | (hi << (32 - n))];
  const xor3 = (a: [number, number], b: [number, number], c: [number, number]): [number, number] => [a[0] ^ b[0] ^ c[0], a[1] ^ b[1] ^ c[1]];
  for (let block = 0; block < padded.length; block += 128) {
    for (let t = 0; t < 32; t++) w[t] = view.getInt32(block + t * 4);
    for (let t = 16; t < 80; t++) {
      const xh = w[(t - 15) * 2];
      const xl = w[(t - 15) * 2 + 1];
      const yh = w[(t - 2) * 2];
      const yl = w[(t - 2) * 2 + 1];
      const s0 = xor3(rotr(xh, xl, 1), rotr(xh, xl, 8), shr(xh, xl, 7));
      const s1 = xor3(rotr(yh, yl, 19), rotr(yh, yl, 61), shr(yh, yl, 6));
      let sum = add(w[(t - 16) * 2], w[(t - 16) * 2 + 1], s0[0], s0[1]);
      sum = add(sum[0], sum[1], w[(t - 7) * 2], w[(t - 7) * 2 + 1]);
      sum = add(sum[0], sum[1], s1[0], s1[1]);
      w[t * 2] = sum[0];
      w[t * 2 + 1] = sum[1];
    }
    const v = h.slice();
    for (let t = 0; t < 80; t++) {
      const [ah, al, bh, bl, ch, cl, dh, dl, eh, el, fh, fl, gh, gl, hh, hl] = v;
      const s1 = xor3(rotr(eh, el, 14), rotr(eh, el, 18), rotr(eh, el, 41));
      const choose: [number, number] = [(eh & fh) ^ (~eh & gh), (el & fl) ^ (~el & gl)];
      let t1 = add(hh, hl, s1[0], s1[1]);
      t1 = add(t1[0], t1[1], choose[0], choose[1]);
      t1 = add(t1[0], t1[1], SHA512_K[t * 2], SHA512_K[t * 2 + 1]);
      t1 = add(t1[0], t1[1], w[t * 2], w[t * 2 + 1]);
      const s0 = xor3(rotr(ah, al, 28), rotr(ah, al, 34), rotr(ah, al, 39));
      const majority: [number, number] = [(ah & bh) ^ (ah & ch) ^ (bh & ch), (al & bl) ^ (al & cl) ^ (bl & cl)];
      const t2 = add(s0[0], s0[1], majority[0], majority[1]);
      const e = add(dh, dl, t1[0], t1[1]);
      const a = add(t1[0], t1[1], t2[0], t2[1]);
      v.splice(0, 16, a[0], a[1], ah, al, bh, bl, ch, cl, e[0], e[1], eh, el, fh, fl, gh, gl);
    }
    for (let k = 0; k < 16; k += 2) {
      const sum = add(h[k], h[k + 1], v[k], v[k + 1]);
      h[k] = sum[0];
      h[k + 1] = sum[1];
    }
  }
  const out = new Uint8Array(64);
  const outView = new DataView(out.buffer);
  h.forEach((word, k) => outView.setUint32(k * 4, word >>> 0));
  return out.slice(0, outBytes);
}

export const sha512 = (data: Uint8Array): Uint8Array => sha512Family(data, SHA512_IV, 64);
export const sha384 = (data: Uint8Array): Uint8Array => sha512Family(data, SHA384_IV, 48);
