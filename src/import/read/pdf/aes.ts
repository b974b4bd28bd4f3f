/** AES (FIPS 197) in CBC mode, 128- and 256-bit keys: what PDF encryption uses. */

const SBOX = new Uint8Array(256);
const INV_SBOX = new Uint8Array(256);
(() => {
  // The S-box from the multiplicative inverse in GF(2^8) and the affine map.
  let p = 1;
  let q = 1;
  do {
    p = p ^ ((p << 1) & 0xff) ^ (p & 0x80 ? 0x1b : 0);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const x = q ^ ((q << 1) | (q >> 7)) ^ ((q << 2) | (q >> 6)) ^ ((q << 3) | (q >> 5)) ^ ((q << 4) | (q >> 4));
    SBOX[p] = (x ^ 0x63) & 0xff;
  } while (p !== 1);
  SBOX[0] = 0x63;
  for (let i = 0; i < 256; i++) INV_SBOX[SBOX[i]] = i;
})();

const xtime = (b: number) => ((b << 1) ^ (b & 0x80 ? 0x1b : 0)) & 0xff;
function slowMul(a: number, b: number): number {
  let out = 0;
  for (let x = a, y = b; y > 0; y >>= 1, x = xtime(x)) if (y & 1) out ^= x;
  return out;
}
/** Products by the MixColumns constants, looked up rather than computed for every byte. */
const TABLES = new Map<number, Uint8Array>([2, 3, 9, 11, 13, 14].map((m) => [m, Uint8Array.from({ length: 256 }, (_v, a) => slowMul(a, m))]));
const mul = (a: number, b: number): number => (TABLES.get(b) as Uint8Array)[a];

function expandKey(key: Uint8Array): Uint8Array[] {
  const nk = key.length / 4;
  const rounds = nk + 6;
  const words: number[][] = [];
  for (let i = 0; i < nk; i++) words.push([key[4 * i], key[4 * i + 1], key[4 * i + 2], key[4 * i + 3]]);
  let rcon = 1;
  for (let i = nk; i < 4 * (rounds + 1); i++) {
    let t = words[i - 1].slice();
    if (i % nk === 0) {
      t = [SBOX[t[1]] ^ rcon, SBOX[t[2]], SBOX[t[3]], SBOX[t[0]]];
      rcon = xtime(rcon);
    } else if (nk > 6 && i % nk === 4) t = t.map((b) => SBOX[b]);
    words.push(words[i - nk].map((b, k) => b ^ t[k]));
  }
  const roundKeys: Uint8Array[] = [];
  for (let r = 0; r <= rounds; r++) roundKeys.push(Uint8Array.from([].concat(...(words.slice(4 * r, 4 * r + 4) as never[][]))));
  return roundKeys;
}

function encryptBlock(block: Uint8Array, keys: Uint8Array[]): Uint8Array {
  const s = block.map((b, k) => b ^ keys[0][k]);
  const rounds = keys.length - 1;
  for (let r = 1; r <= rounds; r++) {
    const t = new Uint8Array(16);
    // SubBytes and ShiftRows (state in column order).
    for (let c = 0; c < 4; c++) for (let row = 0; row < 4; row++) t[c * 4 + row] = SBOX[s[((c + row) % 4) * 4 + row]];
    if (r < rounds) {
      for (let c = 0; c < 4; c++) {
        const [a0, a1, a2, a3] = [t[c * 4], t[c * 4 + 1], t[c * 4 + 2], t[c * 4 + 3]];
        t[c * 4] = mul(a0, 2) ^ mul(a1, 3) ^ a2 ^ a3;
        t[c * 4 + 1] = a0 ^ mul(a1, 2) ^ mul(a2, 3) ^ a3;
        t[c * 4 + 2] = a0 ^ a1 ^ mul(a2, 2) ^ mul(a3, 3);
        t[c * 4 + 3] = mul(a0, 3) ^ a1 ^ a2 ^ mul(a3, 2);
      }
    }
    for (let k = 0; k < 16; k++) s[k] = t[k] ^ keys[r][k];
  }
  return s;
}

function decryptBlock(block: Uint8Array, keys: Uint8Array[]): Uint8Array {
  const rounds = keys.length - 1;
  let s = block.map((b, k) => b ^ keys[rounds][k]);
  for (let r = rounds - 1; r >= 0; r--) {
    const t = new Uint8Array(16);
    // InvShiftRows and InvSubBytes.
    for (let c = 0; c < 4; c++) for (let row = 0; row < 4; row++) t[((c + row) % 4) * 4 + row] = INV_SBOX[s[c * 4 + row]];
    for (let k = 0; k < 16; k++) t[k] ^= keys[r][k];
    if (r > 0) {
      for (let c = 0; c < 4; c++) {
        const [a0, a1, a2, a3] = [t[c * 4], t[c * 4 + 1], t[c * 4 + 2], t[c * 4 + 3]];
        t[c * 4] = mul(a0, 14) ^ mul(a1, 11) ^ mul(a2, 13) ^ mul(a3, 9);
        t[c * 4 + 1] = mul(a0, 9) ^ mul(a1, 14) ^ mul(a2, 11) ^ mul(a3, 13);
        t[c * 4 + 2] = mul(a0, 13) ^ mul(a1, 9) ^ mul(a2, 14) ^ mul(a3, 11);
        t[c * 4 + 3] = mul(a0, 11) ^ mul(a1, 13) ^ mul(a2, 9) ^ mul(a3, 14);
      }
    }
    s = t;
  }
  return s;
}

/** CBC encryption without padding (the data is a multiple of 16 bytes). */
export function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const keys = expandKey(key);
  const out = new Uint8Array(data.length);
  let previous = iv;
  for (let k = 0; k + 16 <= data.length; k += 16) {
    const block = data.subarray(k, k + 16).map((b, i) => b ^ previous[i]);
    previous = encryptBlock(block, keys);
    out.set(previous, k);
  }
  return out;
}

/** CBC decryption; `unpad` removes the PKCS#5 padding (streams and strings, not keys). */
export function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array, unpad: boolean): Uint8Array {
  const keys = expandKey(key);
  const length = data.length - (data.length % 16);
  const out = new Uint8Array(length);
  let previous = iv;
  for (let k = 0; k < length; k += 16) {
    const block = data.subarray(k, k + 16);
    const plain = decryptBlock(block, keys);
    for (let i = 0; i < 16; i++) out[k + i] = plain[i] ^ previous[i];
    previous = block;
  }
  if (!unpad || length === 0) return out;
  const pad = out[length - 1];
  return pad >= 1 && pad <= 16 ? out.subarray(0, length - pad) : out;
}
