import type { Finding, Rule, Skipped } from '../types.js';

export type { Skipped } from '../types.js';

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
  skipped: readonly Skipped[];
  stats: ScanStats;
}
