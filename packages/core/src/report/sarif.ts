import type { Finding, Rule, Severity } from '../types.js';
import { locationOf } from './location.js';
import type { ScanReport } from './types.js';

// SARIF 2.1.0: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub code scanning ranks security results by this 0–10 score. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

/** A relative, `/`-separated path as a URI reference: each segment percent-encoded. */
export function toUriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[]; 'security-severity': string };
}

function describeRule(rule: Rule): SarifRule {
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: rule.remediation },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'secret'],
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

function describeTermRule(finding: Finding): SarifRule {
  return {
    id: finding.ruleId,
    name: finding.ruleId,
    shortDescription: { text: finding.title },
    fullDescription: {
      text: `${finding.title}: a codename or embargoed term from a configured list.`,
    },
    help: {
      text: 'Remove the term or replace it with its public name; if the embargo has lifted, update the term list.',
    },
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: {
      tags: ['security', 'embargo'],
      'security-severity': SECURITY_SEVERITY[finding.severity],
    },
  };
}

/** Where in its file a finding is, for messages: the member of a container, the part of a document (both masked). */
export function placeInFile(finding: Finding): string {
  const member = finding.file !== undefined ? ` in ${finding.path}` : '';
  return `${member}${finding.where !== undefined ? ` (${finding.where})` : ''}`;
}

/** The SARIF 2.1.0 log of a scan: one run, rules that produced results, URIs of the real files relative to `%SRCROOT%` (the top of the work tree). */
export function formatSarif(report: ScanReport): string {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleById = new Map(report.rules.map((rule) => [rule.id, rule]));
  const indexOf = (finding: Finding): number => {
    const known = ruleIndex.get(finding.ruleId);
    if (known !== undefined) return known;
    const rule = ruleById.get(finding.ruleId);
    rules.push(rule ? describeRule(rule) : describeTermRule(finding));
    ruleIndex.set(finding.ruleId, rules.length - 1);
    return rules.length - 1;
  };

  const results = report.findings.map((finding) => {
    const location = locationOf(finding);
    return {
      ruleId: finding.ruleId,
      ruleIndex: indexOf(finding),
      level: LEVEL[finding.severity],
      // A finding in a file's name names it, masked: the location has no region to show it.
      message: {
        text: `${finding.title} (${finding.redacted})${location.inName ? ` in the name ${finding.path}` : placeInFile(finding)}`,
      },
      // The real file, so code scanning can open it (a container for its members, which are
      // logical locations); a finding in the file's name has no region (its line and column
      // are in the path, not in the file).
      locations: [
        {
          ...(finding.file !== undefined
            ? { logicalLocations: [{ fullyQualifiedName: finding.path, kind: 'member' }] }
            : {}),
          physicalLocation: {
            artifactLocation: { uri: toUriReference(location.path), uriBaseId: '%SRCROOT%' },
            ...(location.inName
              ? {}
              : {
                  region: {
                    startLine: finding.line,
                    startColumn: finding.column,
                    endLine: finding.endLine,
                    endColumn: finding.endColumn,
                  },
                }),
          },
        },
      ],
      partialFingerprints: { 'tightlip/v1': finding.fingerprint },
      properties: {
        kind: finding.kind,
        severity: finding.severity,
        confidence: finding.confidence,
        ...(finding.commit ? { commit: finding.commit } : {}),
        ...(finding.where !== undefined ? { where: finding.where } : {}),
      },
    };
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            ...(report.tool.informationUri ? { informationUri: report.tool.informationUri } : {}),
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
