// Scanning every example of every peer rule as its own file, and the figures of issue 15.
import { isSecretRule, createReuseCheck, placeholderReason } from './classify.mjs';
import { capturedSecrets, toJsRegExp } from './peer-rules.mjs';

/**
 * @typedef {import('./peer-rules.mjs').PeerRule} PeerRule
 * @typedef {{ scan(chunk: { subject: 'content', path: string, text: string }): { ruleId: string }[] }} Scanner
 * @typedef {{ reason: string | undefined, reportedBy: string[] }} ExampleResult
 * @typedef {{ rule: PeerRule, secret: boolean, examples: ExampleResult[], genuine: boolean,
 *   found: boolean, named: boolean, reportedBy: string[] }} RuleResult
 */

/** tightlip's generic detectors: a finding by one of these is not a named provider rule. */
export const isGeneric = (/** @type {string} */ ruleId) => ruleId.startsWith('generic-');

/**
 * The name each example is scanned under: no extension, so a file of unknown type. The peers'
 * examples are snippets of code, configuration and notes with no file of their own; a name
 * such as `example.txt` would declare every one prose, where tightlip's generic detectors
 * judge nothing (values in documentation are examples), and "found" could never exceed
 * "found by a named rule".
 */
export const EXAMPLE_PATH = 'example';

/**
 * Scans each example of each rule on its own (as the file `EXAMPLE_PATH`) and classifies it.
 * An example is genuine when a secret the peer's pattern captures in it is not a stand-in
 * (`placeholderReason`, or a stretch reused by three or more providers' examples); when the
 * pattern captures nothing in JavaScript, the whole example is judged. A rule is found when tightlip
 * reports anything on one of its genuine examples, and found by a named rule when that
 * finding is not a generic detector's.
 * @param {readonly PeerRule[]} rules @param {Scanner} engine
 * @param {{ trustCategories: boolean }} peer
 * @returns {RuleResult[]}
 */
export function measurePeer(rules, engine, peer) {
  const captured = rules.map((rule) => {
    const regExp = toJsRegExp(rule.pattern);
    return rule.examples.map((example) => {
      const secrets = capturedSecrets(regExp, example);
      return secrets.length > 0 ? secrets : [example];
    });
  });
  const isReused = createReuseCheck(
    rules.map((rule, i) => ({ file: rule.file, secrets: (captured[i] ?? []).flat() })),
  );
  return rules.map((rule, i) => {
    const examples = rule.examples.map((text, j) => {
      const reasons = (captured[i]?.[j] ?? []).map(
        (secret) => placeholderReason(secret) ?? (isReused(secret) ? 'reused' : undefined),
      );
      const reason = reasons.includes(undefined) ? undefined : reasons[0];
      const findings = engine.scan({ subject: 'content', path: EXAMPLE_PATH, text });
      return { reason, reportedBy: [...new Set(findings.map((f) => f.ruleId))] };
    });
    const genuine = examples.filter((example) => example.reason === undefined);
    const reportedBy = [...new Set(genuine.flatMap((example) => example.reportedBy))];
    return {
      rule,
      secret: isSecretRule(rule, peer),
      examples,
      genuine: genuine.length > 0,
      found: reportedBy.length > 0,
      named: reportedBy.some((id) => !isGeneric(id)),
      reportedBy,
    };
  });
}

/**
 * The figures of issue 15 for one peer: of its rules that detect a genuine secret and have a
 * genuine example, how many tightlip finds, and how many by a named provider rule.
 * @param {readonly RuleResult[]} results
 */
export function summarise(results) {
  const secret = results.filter((r) => r.secret);
  const counted = secret.filter((r) => r.genuine);
  const examples = results.flatMap((r) => r.examples);
  return {
    rules: results.length,
    secretRules: secret.length,
    counted: counted.length,
    found: counted.filter((r) => r.found).length,
    named: counted.filter((r) => r.named).length,
    examples: examples.length,
    genuineExamples: examples.filter((e) => e.reason === undefined).length,
  };
}
