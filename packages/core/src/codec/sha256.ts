// SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104) in plain TypeScript, so that the core
// stays free of `node:crypto` and runs unchanged in a worker or a browser. Used for
// fingerprints and keyed hashes of short strings, where a native call would be no faster.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const encoder = new TextEncoder();
const w = new Uint32Array(64);

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

const INITIAL = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/** Runs the compression function over every 64-byte block of `blocks`, updating `state`. */
function compress(state: Int32Array, blocks: Uint8Array): void {
  const view = new DataView(blocks.buffer, blocks.byteOffset, blocks.byteLength);
  let [h0, h1, h2, h3, h4, h5, h6, h7] = state as unknown as number[];
  for (let offset = 0; offset < blocks.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!,
        b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0!,
      b = h1!,
      c = h2!,
      d = h3!,
      e = h4!,
      f = h5!,
      g = h6!,
      h = h7!;
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0! + a) | 0;
    h1 = (h1! + b) | 0;
    h2 = (h2! + c) | 0;
    h3 = (h3! + d) | 0;
    h4 = (h4! + e) | 0;
    h5 = (h5! + f) | 0;
    h6 = (h6! + g) | 0;
    h7 = (h7! + h) | 0;
  }
  state.set([h0!, h1!, h2!, h3!, h4!, h5!, h6!, h7!]);
}

/**
 * SHA-256 of `prefix` followed by a suffix, with the prefix's whole blocks hashed once:
 * for many digests of texts that share a long start (fingerprints of findings on one
 * long line), each costs the suffix, not the line.
 */
export function sha256WithPrefix(
  prefix: string | Uint8Array,
): (suffix: string | Uint8Array) => Uint8Array {
  const start = toBytes(prefix);
  const whole = start.length - (start.length % 64);
  const state = Int32Array.from(INITIAL);
  compress(state, start.subarray(0, whole));
  const rest = start.subarray(whole);
  return (suffix) => {
    const end = toBytes(suffix);
    const length = rest.length + end.length;
    const padded = new Uint8Array((((length + 8) >> 6) + 1) << 6);
    padded.set(rest);
    padded.set(end, rest.length);
    padded[length] = 0x80;
    const bitLength = (start.length + end.length) * 8;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
    view.setUint32(padded.length - 4, bitLength >>> 0);
    const digest = Int32Array.from(state);
    compress(digest, padded);
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    digest.forEach((value, i) => outView.setUint32(i * 4, value >>> 0));
    return out;
  };
}

/** The SHA-256 digest of `data` (a string is hashed as UTF-8). */
export function sha256(data: string | Uint8Array): Uint8Array {
  return sha256WithPrefix(EMPTY)(data);
}

const EMPTY = new Uint8Array(0);

/** HMAC-SHA-256 of `data` under `key`. */
export function hmacSha256(key: string | Uint8Array, data: string | Uint8Array): Uint8Array {
  let keyBytes = toBytes(key);
  if (keyBytes.length > 64) keyBytes = sha256(keyBytes);
  const inner = new Uint8Array(64 + toBytes(data).length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    const k = keyBytes[i] ?? 0;
    inner[i] = k ^ 0x36;
    outer[i] = k ^ 0x5c;
  }
  inner.set(toBytes(data), 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

/** Lower-case hexadecimal form of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
