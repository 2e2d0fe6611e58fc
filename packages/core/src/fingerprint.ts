import { sha256, toHex } from './codec/sha256.js';

/**
 * A stable identifier of a finding, for SARIF `partialFingerprints` and deduplication:
 * SHA-256 over a version tag and the given parts, cut to 128 bits. Callers pass only
 * what may be derived from: never a term's text.
 */
export function fingerprintOf(...parts: readonly (string | number)[]): string {
  return toHex(sha256(['tightlip-v1', ...parts].join('\0'))).slice(0, 32);
}
