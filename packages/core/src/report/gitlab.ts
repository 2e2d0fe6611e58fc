import type { Finding, Severity } from '../types.js';
import type { ScanReport } from './types.js';

// GitLab secret detection report (security report schema 15.0.x), for
// `artifacts: reports: secret_detection`. Excerpts are masked like everywhere else.
// https://docs.gitlab.com/ee/user/application_security/secret_detection/

export const GITLAB_SCHEMA_VERSION = '15.0.7';

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
  const document = {
    version: GITLAB_SCHEMA_VERSION,
    vulnerabilities: report.findings.map((finding) => ({
      id: vulnerabilityId(finding),
      category: 'secret_detection',
      name: finding.title,
      description: `${finding.title} (${finding.redacted}) at ${finding.path}:${finding.line}${finding.where !== undefined ? ` (${finding.where})` : ''}.`,
      severity: SEVERITY[finding.severity],
      scanner: { id: tool.id, name: tool.name },
      location: {
        file: finding.file ?? finding.path,
        start_line: finding.line,
        end_line: finding.endLine,
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
    })),
    scan: {
      analyzer: tool,
      scanner: tool,
      type: 'secret_detection',
      start_time: gitlabTime(started),
      end_time: gitlabTime(finished),
      status: 'success',
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
