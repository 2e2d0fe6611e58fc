import type { Finding, Severity } from '../types.js';

/** A match before it is placed in a file: offsets in the chunk text. Scanners produce hits; the engine places them. */
export interface Hit {
  ruleId: string;
  kind: Finding['kind'];
  title: string;
  severity: Severity;
  confidence: Finding['confidence'];
  /** Offsets in the chunk text of what is masked: the secret, or the term occurrence. */
  start: number;
  end: number;
  /** What reports show in place of the secret or term. */
  redacted: string;
  /** The secret of a credential (for allow lists and baselines); empty for a term, whose text is never used. */
  identity: string;
  /** Where the whole match starts, when before `start` (a private key's BEGIN line): inline allows are looked up from there. */
  anchor?: number;
  /** The unmasked text, only when the engine reveals. */
  secret?: string;
}

/** The part of a credential that reports show: at most 6 leading characters, fewer for short secrets. */
export function redactSecret(secret: string): string {
  const visible = Math.min(6, Math.floor(secret.length / 5));
  return `${secret.slice(0, visible)}…`;
}
