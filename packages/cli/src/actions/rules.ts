import {
  CHECKS,
  createEngine,
  createFake,
  weakPrefilter,
  type Rule,
  type RuleSpec,
} from '@tightlip/core';
// The catalog's sources: their rules generate samples (see @tightlip/core's rules/builtin.ts).
import { builtinRules, familyOf } from '@tightlip/core/catalog';
import { UsageError } from '../errors.js';

export type RulesFormat = 'text' | 'json';

/**
 * What `rules list --format json` prints per rule: the rule as data, in the schema that
 * configuration's `customRules` take (pattern or prefix/body/boundary, keywords, scope,
 * checks by name), with what follows from it: the family and the confidence its checks
 * confer.
 */
export interface RuleSummary extends RuleSpec {
  description: string;
  remediation: string;
  severity: Rule['severity'];
  keywords: readonly string[];
  confidence: Rule['confidence'];
  family: string;
  generic: boolean;
  /** Why its keywords barely narrow where its pattern runs (see `weakPrefilter`); absent when they do. */
  weakPrefilter?: string;
}

function summarise(rule: Rule): RuleSummary {
  return {
    ...rule.spec,
    description: rule.description,
    remediation: rule.remediation,
    severity: rule.severity,
    keywords: rule.keywords,
    confidence: rule.confidence,
    family: familyOf(rule.id) ?? 'custom',
    generic: rule.generic ?? false,
    ...(weakPrefilter(rule) !== undefined ? { weakPrefilter: weakPrefilter(rule)! } : {}),
  };
}

/** The names of a rule's checks (`anyOf` opened up), for the text catalog. */
function checkNames(rule: Rule): string[] {
  const names = (checks: unknown): string[] =>
    (Array.isArray(checks) ? checks : checks === undefined ? [] : [checks]).flatMap((check) =>
      typeof check === 'string'
        ? [check]
        : Object.entries(check as Record<string, unknown>).flatMap(([name, argument]) =>
            name === 'anyOf' ? names(argument) : [name],
          ),
    );
  return [...new Set(names(rule.spec.check))];
}

/**
 * The catalog: a table of id, family, provider, severity, confidence, title and checks,
 * each rule's format source below it; or the rules as data (JSON).
 */
export function formatRuleList(format: RulesFormat, rules: readonly Rule[] = builtinRules): string {
  if (format === 'json') return `${JSON.stringify(rules.map(summarise), null, 2)}\n`;
  const rows = rules.map((rule) => [
    rule.id,
    familyOf(rule.id) ?? 'custom',
    rule.spec.provider ?? '-',
    rule.severity,
    rule.confidence,
  ]);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const pad = (row: string[]) =>
    row.map((cell, column) => cell.padEnd(widths![column]!)).join('  ');
  const lines = rules.map((rule, index) => {
    const checks = checkNames(rule);
    const source = rule.spec.source === undefined ? '' : `\n    ${rule.spec.source}`;
    return `${pad(rows[index]!)}  ${rule.title}${checks.length > 0 ? ` [${checks.join(', ')}]` : ''}${source}`;
  });
  const weak = rules.filter((rule) => weakPrefilter(rule) !== undefined).map((rule) => rule.id);
  const note =
    weak.length > 0
      ? `Keywords that barely narrow where the pattern runs (no keyword, or one of 3 characters or fewer), a cost on most files: ${weak.join(', ')}.\n`
      : '';
  const header =
    widths === undefined
      ? ''
      : `${pad(['id', 'family', 'provider', 'severity', 'confidence'])}  title [named checks], format source below\n`;
  return `${header}${lines.join('\n')}\n${rules.length} rules. tightlip rules explain <id> describes one.\n${note}`;
}

/** `rule` alone with the rules it pairs with (`near`), as a rule's samples are run. */
function engineFor(rule: Rule, rules: readonly Rule[], reveal = false) {
  const partners = rules.filter((other) => rule.near.some((near) => near.rule === other.id));
  return createEngine({ rules: [rule, ...partners], reveal });
}

/** `secret` masked, its fixed prefix (the longest of `keywords` it starts with) left visible. */
function maskSecret(secret: string, keywords: readonly string[]): string {
  const lower = secret.toLowerCase();
  const prefix =
    keywords.filter((keyword) => lower.startsWith(keyword)).sort((a, b) => b.length - a.length)[0]
      ?.length ?? 0;
  return (
    secret.slice(0, prefix) +
    secret
      .slice(prefix)
      .replace(/[^\s\\]/g, '*')
      .replace(/\*{64,}/g, (run) => `*…(${run.length} characters)…*`)
  );
}

/**
 * A rule's sample with its secret masked, and the secrets of the rules it pairs with (an
 * id beside its secret): what a finding looks like, without a token-shaped string. Fixed
 * prefixes (a keyword a secret starts with) stay visible.
 */
export function exampleShape(
  rule: Rule,
  rules: readonly Rule[] = builtinRules,
): string | undefined {
  const sample = rule.samples(createFake(1)).match[0];
  if (sample === undefined) return undefined;
  const findings = engineFor(rule, rules, true).scan({
    subject: 'content',
    path: 'example',
    text: sample,
  });
  const finding = findings.find((f) => f.ruleId === rule.id);
  if (finding?.secret === undefined) return undefined;
  let masked = sample;
  for (const other of findings) {
    const keywords = rules.find((r) => r.id === other.ruleId)?.keywords ?? [];
    masked = masked.replace(other.secret!, maskSecret(other.secret!, keywords));
  }
  const lines = masked.split('\n');
  if (lines.length <= 6) return lines.join('\n');
  // Long samples (key files, manifests): the lines around where the secret starts.
  const from = Math.max(0, finding.line - 2);
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
  const example = exampleShape(rule, rules);
  if (format === 'json') return `${JSON.stringify({ ...summary, example }, null, 2)}\n`;
  const confidence: Record<RuleSummary['confidence'], string> = {
    validated: 'pattern and an offline check of the token itself (checksum or decodable structure)',
    pattern: 'pattern and context, no checksum to verify',
    entropy: 'key name and randomness for its length and alphabet',
  };
  const checks = checkNames(rule).map(
    (name) => `  ${name}: ${CHECKS[name]?.summary ?? 'a check written in code'}`,
  );
  return [
    `${rule.id} — ${rule.title}`,
    '',
    ...(rule.spec.provider !== undefined ? [`provider:    ${rule.spec.provider}`] : []),
    ...(rule.spec.source !== undefined ? [`format:      ${rule.spec.source}`] : []),
    `severity:    ${rule.severity}`,
    `family:      ${summary.family}${summary.generic ? ' (generic detector: a provider rule wins when both match)' : ''}`,
    `confidence:  ${confidence[summary.confidence]} ("${summary.confidence}")`,
    `keywords:    ${rule.keywords.join(', ') || '(none: runs on every text)'}${summary.weakPrefilter && rule.keywords.length > 0 ? ` (${summary.weakPrefilter})` : ''}`,
    ...(checks.length > 0 ? ['checks:', ...checks] : []),
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

/** One failed sample of a rule: which one, and what went wrong. */
export interface SampleFailure {
  rule: string;
  /** Where the sample is: `samples.match[2]`. */
  sample: string;
  problem: 'not found' | 'found' | 'no samples';
}

export interface RuleTestResult {
  rules: number;
  samples: number;
  failures: SampleFailure[];
}

/**
 * Runs the samples of `rules` (configured rules), each rule alone with the rules it pairs
 * with: every `match` sample must give a finding of the rule, no `ignore` sample may, and
 * a rule without match samples fails (nothing tests it).
 */
export function testRules(rules: readonly Rule[], all: readonly Rule[]): RuleTestResult {
  const failures: SampleFailure[] = [];
  let samples = 0;
  for (const rule of rules) {
    const { match, ignore } = rule.samples(createFake(1));
    if (match.length === 0)
      failures.push({ rule: rule.id, sample: 'samples.match', problem: 'no samples' });
    const engine = engineFor(rule, all);
    const finds = (text: string) =>
      engine.scan({ subject: 'content', path: 'sample', text }).some((f) => f.ruleId === rule.id);
    match.forEach((text, i) => {
      samples++;
      if (!finds(text))
        failures.push({ rule: rule.id, sample: `samples.match[${i}]`, problem: 'not found' });
    });
    ignore.forEach((text, i) => {
      samples++;
      if (finds(text))
        failures.push({ rule: rule.id, sample: `samples.ignore[${i}]`, problem: 'found' });
    });
  }
  return { rules: rules.length, samples, failures };
}

/** The result of `rules test` as text or JSON. Samples are named by their place, never printed. */
export function formatRuleTest(result: RuleTestResult, format: RulesFormat, file?: string): string {
  if (format === 'json')
    return `${JSON.stringify({ ...result, ok: result.failures.length === 0 }, null, 2)}\n`;
  if (result.rules === 0) return `No custom rules to test${file ? ` in ${file}` : ''}.\n`;
  const problems: Record<SampleFailure['problem'], string> = {
    'not found': 'was not found by the rule',
    found: 'was found, but must not be',
    'no samples': 'is empty: nothing tests the rule',
  };
  const lines = result.failures.map(
    (failure) => `✗ ${failure.rule}: ${failure.sample} ${problems[failure.problem]}`,
  );
  const summary = `${result.rules} custom rule${result.rules === 1 ? '' : 's'}, ${result.samples} sample${result.samples === 1 ? '' : 's'}: ${result.failures.length === 0 ? 'all pass' : `${result.failures.length} failed`}.`;
  return `${[...lines, summary].join('\n')}\n`;
}
