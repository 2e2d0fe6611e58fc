// The public API of @tightlip/core: pure detection, no I/O.
export type {
  Chunk,
  Confidence,
  Fake,
  Finding,
  FindingKind,
  LineRange,
  Origin,
  Rule,
  RuleSamples,
  Severity,
  HashedTerm,
  Skipped,
  Term,
} from './types.js';
export { SEVERITIES } from './types.js';
export { RuleError, TermListError, TightlipError } from './errors.js';
export { createEngine, type Engine, type EngineOptions } from './engine/engine.js';
export { termRuleId } from './scanners/terms.js';
export { createTermMatcher, type TermMatch, type TermMatcher, type MatchVia } from './terms/match.js';
export { createTermPolicy, type TermPolicy, type TermVerdict } from './terms/policy.js';
export { assertLinearTime, builtinRules, defineRule, familyOf, ruleFamilies } from './rules/index.js';
export { crc32, withBase62Crc32 } from './codec/crc32.js';
export { createFake } from './codec/fake.js';
export * as alphabets from './codec/alphabets.js';
export { parseTermList, type ParseTermListOptions } from './terms/parse-term-list.js';
export { TERM_LIST_VERSION } from './terms/parse-json-list.js';
export { hashTermList, termKeyBytes } from './terms/tools/hash-term-list.js';
export { keyIdOf, MIN_KEY_LENGTH } from './terms/digest.js';
export { lintTerms, type LintIssue, type LintOptions } from './terms/tools/lint-terms.js';
export { explainMatch } from './terms/tools/explain.js';
export { findRevealingTerms, type ClearField, type RevealingTerm } from './terms/tools/find-revealing-terms.js';
export { embargoState, parseLiftDate, type EmbargoState } from './terms/embargo.js';
export { compileGlob } from './terms/glob.js';
export { redactSecret } from './scanners/hit.js';
export { sha256, hmacSha256, toHex } from './codec/sha256.js';
export { formatText, type TextFormatOptions } from './report/text.js';
export { formatJson, JSON_REPORT_VERSION } from './report/json.js';
export { formatSarif } from './report/sarif.js';
export { formatJunit } from './report/junit.js';
export { formatGithub } from './report/github.js';
export { formatGitlab, GITLAB_SCHEMA_VERSION } from './report/gitlab.js';
export type { ScanReport, ScanStats } from './report/types.js';
export { createAllowListFilter, type AllowList } from './allow/allow-list.js';
export { parseAllowDirective, type AllowDirective } from './allow/inline-allow.js';
export {
  BASELINE_VERSION,
  BaselineError,
  createBaselineMatcher,
  formatBaseline,
  parseBaseline,
  type Baseline,
  type BaselineEntry,
  type BaselineMatcher,
} from './baseline.js';
export { findSuperLinearConstruct } from './rules/linear-pattern.js';
export { decodeText, hasUtf16Bom, looksBinary } from './codec/decode-text.js';
export { createTextIndex, locate, type Place, type TextIndex } from './codec/text-index.js';
