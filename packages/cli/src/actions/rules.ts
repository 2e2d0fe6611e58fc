import {
  builtinRules,
  createEngine,
  createFake,
  familyOf,
  weakPrefilter,
  type Rule,
} from '@tightlip/core';
import { UsageError } from '../errors.js';

export type RulesFormat = 'text' | 'json';

/** What `rules list --format json` prints per rule. */
export interface RuleSummary {
  id: string;
  title: string;
  severity: Rule['severity'];
  confidence: NonNullable<Rule['confidence']>;
  family: string;
  generic: boolean;
  keywords: readonly string[];
  /** Why its keywords barely narrow where its pattern runs (see `weakPrefilter`); absent when they do. */
  weakPrefilter?: string;
  description: string;
  remediation: string;
}

function summarise(rule: Rule): RuleSummary {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    confidence: rule.confidence ?? 'pattern',
    family: familyOf(rule.id) ?? 'custom',
    generic: rule.generic ?? false,
    keywords: rule.keywords,
    ...(weakPrefilter(rule) !== undefined ? { weakPrefilter: weakPrefilter(rule)! } : {}),
    description: rule.description,
    remediation: rule.remediation,
  };
}

/** The catalog: a table of id, severity, confidence and title, or JSON. */
export function formatRuleList(format: RulesFormat, rules: readonly Rule[] = builtinRules): string {
  if (format === 'json') return `${JSON.stringify(rules.map(summarise), null, 2)}\n`;
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map(
    (rule) =>
      `${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(8)}  ${(rule.confidence ?? 'pattern').padEnd(9)}  ${rule.title}`,
  );
  const weak = rules.filter((rule) => weakPrefilter(rule) !== undefined).map((rule) => rule.id);
  const note =
    weak.length > 0
      ? `Keywords that barely narrow where the pattern runs (no keyword, or one of 3 characters or fewer), a cost on most files: ${weak.join(', ')}.\n`
      : '';
  return `${'id'.padEnd(idWidth)}  ${'severity'.padEnd(8)}  ${'checks'.padEnd(9)}  title\n${lines.join('\n')}\n${rules.length} rules. tightlip rules explain <id> describes one.\n${note}`;
}

/**
 * A rule's sample with its secret masked: what a finding looks like, without a
 * token-shaped string. The fixed prefix (a keyword the secret starts with) stays visible.
 */
export function exampleShape(rule: Rule): string | undefined {
  const sample = rule.samples(createFake(1)).match[0];
  if (sample === undefined) return undefined;
  const [finding] = createEngine({ rules: [rule], reveal: true }).scan({
    subject: 'content',
    path: 'example',
    text: sample,
  });
  const secret = finding?.secret;
  if (secret === undefined) return undefined;
  const lower = secret.toLowerCase();
  const prefix =
    rule.keywords
      .filter((keyword) => lower.startsWith(keyword))
      .sort((a, b) => b.length - a.length)[0]?.length ?? 0;
  const masked =
    secret.slice(0, prefix) +
    secret
      .slice(prefix)
      .replace(/[^\s\\]/g, '*')
      .replace(/\*{64,}/g, (run) => `*…(${run.length} characters)…*`);
  const lines = sample.replace(secret, masked).split('\n');
  if (lines.length <= 6) return lines.join('\n');
  // Long samples (key files, manifests): the lines around where the secret starts.
  const from = Math.max(0, finding!.line - 2);
  return [
    ...(from > 0 ? ['…'] : []),
    ...lines.slice(from, from + 4),
    ...(from + 4 < lines.length ? ['…'] : []),
  ].join('\n');
}

/** Everything about one rule: description, remediation, checks and a masked example. */
export function explainRule(
  id: string,
  format: RulesFormat,
  rules: readonly Rule[] = builtinRules,
): string {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) {
    const near = rules
      .filter((candidate) => candidate.id.includes(id) || id.includes(candidate.id.split('-')[0]!))
      .map((r) => r.id);
    throw new UsageError(
      `no rule ${id}${near.length > 0 ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''} (tightlip rules list shows them all)`,
    );
  }
  const summary = summarise(rule);
  const example = exampleShape(rule);
  if (format === 'json') return `${JSON.stringify({ ...summary, example }, null, 2)}\n`;
  const checks: Record<RuleSummary['confidence'], string> = {
    validated: 'pattern and an offline check of the token itself (checksum or decodable structure)',
    pattern: 'pattern and context, no checksum to verify',
    entropy: 'key name and randomness for its length and alphabet',
  };
  return [
    `${rule.id} — ${rule.title}`,
    '',
    `severity:    ${rule.severity}`,
    `family:      ${summary.family}${summary.generic ? ' (generic detector: a provider rule wins when both match)' : ''}`,
    `checks:      ${checks[summary.confidence]} (confidence "${summary.confidence}")`,
    `keywords:    ${rule.keywords.join(', ') || '(none)'}${summary.weakPrefilter ? ` (${summary.weakPrefilter})` : ''}`,
    '',
    rule.description,
    '',
    `What to do: ${rule.remediation}`,
    ...(example
      ? ['', 'Example (masked):', ...example.split('\n').map((line) => `  ${line}`)]
      : []),
    '',
  ].join('\n');
}
