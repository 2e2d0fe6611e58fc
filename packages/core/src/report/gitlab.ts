import type { Finding, Severity } from '../types.js';
import { locationOf } from './location.js';
import type { ScanReport } from './types.js';

// GitLab secret detection report (security report schema 15.0.x), for
// `artifacts: reports: secret_detection`. Excerpts are masked like everywhere else.
// https://docs.gitlab.com/ee/user/application_security/secret_detection/

export const GITLAB_SCHEMA_VERSION = '15.0.7';

const SCHEMA_URL = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/secret-detection-report-format.json`;

const SEVERITY: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** GitLab wants `YYYY-MM-DDTHH:MM:SS`. */
function gitlabTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** A UUID-shaped id derived from the finding's fingerprint, stable across runs. */
function vulnerabilityId(finding: Finding): string {
  const hex = finding.fingerprint.padEnd(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function formatGitlab(report: ScanReport): string {
  const started = new Date(report.stats.startedAt ?? 0);
  const finished = new Date(started.getTime() + report.stats.durationMs);
  const tool = {
    id: 'tightlip',
    name: 'tightlip',
    version: report.tool.version,
    vendor: { name: 'tightlip' },
  };
  // Files that may hold text but could not be scanned: the scan failed, and says so.
  const unscanned = report.skipped.filter((skipped) => skipped.reason !== 'binary').length;
  const document = {
    version: GITLAB_SCHEMA_VERSION,
    schema: SCHEMA_URL,
    vulnerabilities: report.findings.map((finding) => {
      const location = locationOf(finding);
      return {
        id: vulnerabilityId(finding),
        name: finding.title,
        description: location.inName
          ? `${finding.title} (${finding.redacted}) in the name ${finding.path}.`
          : `${finding.title} (${finding.redacted}) at ${finding.path}:${finding.line}${finding.where !== undefined ? ` (${finding.where})` : ''}.`,
        severity: SEVERITY[finding.severity],
        // The real file, so GitLab links to it; a directory scan has no commit, and GitLab's
        // own analyzer writes the same placeholder then (the schema requires one).
        location: {
          file: location.path,
          ...(location.inName ? {} : { start_line: finding.line, end_line: finding.endLine }),
          commit: { sha: finding.commit ?? '0000000' },
        },
        raw_source_code_extract: finding.excerpt,
        identifiers: [
          {
            type: 'tightlip_rule_id',
            name: `tightlip rule ${finding.ruleId}`,
            value: finding.ruleId,
          },
        ],
      };
    }),
    scan: {
      analyzer: tool,
      scanner: tool,
      type: 'secret_detection',
      start_time: gitlabTime(started),
      end_time: gitlabTime(finished),
      status: unscanned > 0 ? 'failure' : 'success',
      ...(unscanned > 0
        ? {
            messages: [
              {
                level: 'warn',
                value: `${unscanned} file(s) could not be scanned (too large or unreadable); see the job log`,
              },
            ],
          }
        : {}),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
