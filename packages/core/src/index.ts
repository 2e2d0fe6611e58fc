// The public API of @tightlip/core: pure detection, no I/O. What the other packages and
// embedders use; tests inside core import internals by relative path.
export type {
  Chunk,
  Occurrences,
  Confidence,
  EncodedSpan,
  RawContent,
  SourceItem,
  SourceLimits,
  Subject,
  Fake,
  MatchContext,
  Finding,
  FindingKind,
  LineRange,
  Origin,
  Boundary,
  CheckSpec,
  FileType,
  Rule,
  RuleSamples,
  RuleSpec,
  Severity,
  HashedTerm,
  Skipped,
  Term,
} from './types.js';
export { DEFAULT_MAX_FILE_SIZE, SEVERITIES } from './types.js';
export { RuleError, TermListError, TermSetError, TightlipError } from './errors.js';

// Scanning.
export { createEngine, type Engine, type EngineOptions } from './engine/engine.js';
export type { AllowList } from './allow/allow-list.js';
export { locate, type Place } from './codec/text-index.js';
export { decodeText, hasUtf16Bom, looksBinary } from './codec/decode-text.js';
export { weakPrefilter } from './scanners/prefilter.js';

// Rules, and fake token material for their samples and tests.
export { builtinRules, familyOf } from './rules/builtin.js';
export { CHECKS, type CheckDefinition, type RegExpFactory } from './rules/checks.js';
export { defineRule, type RuleDefinition } from './rules/define-rule.js';
export { fileTypeOf } from './context/file-type.js';
export { createFake } from './codec/fake.js';
export { withBase62Crc32 } from './codec/crc32.js';
export { sha256, toHex } from './codec/sha256.js';
export * as alphabets from './codec/alphabets.js';

// Term lists: parsing, matching, and the tools of their owners.
export { parseTermList, type ParseTermListOptions } from './terms/parse-term-list.js';
export { parseLiftDate } from './terms/embargo.js';
export { BUILTIN_TERM_LISTS } from './terms/builtin-lists.js';
export { keyIdOf } from './terms/digest.js';
export {
  createTermMatcher,
  type MatchVia,
  type TermMatch,
  type TermMatcher,
} from './terms/match.js';
export {
  compileTermSet,
  loadTermSet,
  TERM_SET_FORMAT,
  type Crc32,
  type TermSetOptions,
  type TermSetSource,
} from './terms/term-set.js';
export { createTermPolicy, type TermPolicy, type TermVerdict } from './terms/policy.js';
export { hashTermList, termKeyBytes } from './terms/tools/hash-term-list.js';
export { lintTerms, type LintIssue, type LintOptions } from './terms/tools/lint-terms.js';
export { explainMatch } from './terms/tools/explain.js';
export {
  findRevealingTerms,
  type ClearField,
  type RevealingTerm,
} from './terms/tools/find-revealing-terms.js';

// Reports.
export type { ScanReport, ScanStats } from './report/types.js';
export { formatText, type TextFormatOptions } from './report/text.js';
export { formatJson } from './report/json.js';
export { formatSarif } from './report/sarif.js';
export { formatJunit } from './report/junit.js';
export { formatGithub } from './report/github.js';
export { formatGitlab, GITLAB_SCHEMA_VERSION } from './report/gitlab.js';

// Baselines.
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
