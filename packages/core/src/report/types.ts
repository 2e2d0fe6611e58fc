import type { Finding, Rule, Term } from '../types.js';

/** A file or blob that was not scanned, and why; reports list them so nothing is lost silently. */
export interface Skipped {
  path: string;
  reason: 'binary' | 'too-large' | 'unreadable' | 'not-text';
  detail?: string;
}

export interface ScanStats {
  files: number;
  bytes: number;
  durationMs: number;
  /** When the scan started (ISO 8601); formats that record times use it. */
  startedAt?: string;
}

/** Everything a formatter needs; formatters are pure functions of it. */
export interface ScanReport {
  tool: { name: string; version: string; informationUri?: string };
  findings: readonly Finding[];
  /** Rules that ran, for rule metadata (SARIF). */
  rules: readonly Rule[];
  /** Terms that ran, for rule metadata; only ids are ever printed. */
  terms: readonly Term[];
  skipped: readonly Skipped[];
  stats: ScanStats;
}
