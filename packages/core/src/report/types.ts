import type { Finding, Rule, Skipped } from '../types.js';

export type { Skipped } from '../types.js';

export interface ScanStats {
  files: number;
  bytes: number;
  durationMs: number;
  /** When the scan started (ISO 8601); formats that record times use it. */
  startedAt?: string;
}

/**
 * Where a finding is, for tools that open the file (SARIF code scanning, GitHub
 * annotations, GitLab): the real path, relative to the top of the work tree, never masked.
 * Those tools must find the file, and whoever sees their results sees the repository's
 * file list anyway. Messages, excerpts and every other format show `Finding.path`, masked.
 */
export interface FindingLocation {
  path: string;
  /** The finding is in the name itself (a file's path, a ref's name): a location without a region. */
  inName: boolean;
}

/** A finding as reports get it: with its real location when the scan knows it. */
export type ReportedFinding = Finding & { location?: FindingLocation };

/** Everything a formatter needs; formatters are pure functions of it. */
export interface ScanReport {
  tool: { name: string; version: string; informationUri?: string };
  findings: readonly ReportedFinding[];
  /** Rules that ran, for rule metadata (SARIF). */
  rules: readonly Rule[];
  skipped: readonly Skipped[];
  stats: ScanStats;
}
