import { hmacSha256, toHex } from '../codec/sha256.js';

// Keyed digests of normalised term forms (see docs/terms.md, "Hashed lists"): HMAC-SHA-256
// under the list's secret key. A hashed list stores the first 128 bits of the digest of
// each form, in hex; the last 32 bits of a word's digest are its tag, which a list stores
// only as a list-wide set (for the cheap n-gram filter), never per term. Tags and stored
// digests come from disjoint bits of one HMAC, so one reveals nothing about the other.

/** Longest folded form (in UTF-16 units) that a hashed list may hold; longer text words are never hashed. */
export const MAX_HASHED_LENGTH = 64;

export interface FormDigest {
  /** First 128 bits, hex: what a hashed list stores. */
  hex: string;
  /** Last 32 bits, unsigned: the word's tag. */
  tag: number;
}

/** Digests forms under one key. */
export type TermDigester = (form: string) => FormDigest;

export function createTermDigester(key: Uint8Array): TermDigester {
  return (form) => {
    const mac = hmacSha256(key, form);
    return {
      hex: toHex(mac.subarray(0, 16)),
      tag: ((mac[28]! << 24) | (mac[29]! << 16) | (mac[30]! << 8) | mac[31]!) >>> 0,
    };
  };
}

/** The public id of a key (16 hex digits), stored in hashed lists so that a wrong or missing key is an error, not silence. */
export function keyIdOf(key: Uint8Array): string {
  return toHex(hmacSha256(key, 'tightlip-terms-key-id\0')).slice(0, 16);
}

/** A tag as stored in a hashed list: 8 hex digits. */
export function tagHex(tag: number): string {
  return tag.toString(16).padStart(8, '0');
}
