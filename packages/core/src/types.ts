/** How bad a finding is; `--fail-on` and reports order findings by it. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** An inclusive range of 1-based line numbers. */
export type LineRange = readonly [first: number, last: number];

/**
 * Where a finding's text came from, as reports name it: file content read from the work
 * tree (`file`), the index (`staged`) or a commit (`commit`); a commit or tag message; a
 * name (a file's path, a ref's name).
 */
export type Origin = 'file' | 'staged' | 'commit' | 'message' | 'name';

/**
 * What a chunk's text is: a file's content, a file's path, a commit or tag message, or
 * something about a ref (its name, or a blob a tag points at). Paths of the work tree
 * (`allow.paths`) apply to file content and file names only.
 */
export type Subject = 'content' | 'file-name' | 'message' | 'ref';

/**
 * A piece of text to scan. `text` holds the lines `startLine`, `startLine + 1`, … of the
 * file at `path`; when `lines` is given only findings that start on one of those lines
 * count (the rest of the text is context, e.g. unchanged lines around a diff hunk).
 */
export interface Chunk {
  subject: Subject;
  path: string;
  text: string;
  /** Line number of the first line of `text` in the file; 1 by default. */
  startLine?: number;
  /** The lines that count, sorted and non-overlapping; every line when absent. */
  lines?: readonly LineRange[];
  /** The commit that introduced the text, for history and range scans. */
  commit?: string;
  /**
   * The file on disk or in git that holds the text, when `path` names a member of a
   * container in it: `bundle.zip` for `bundle.zip!/config/.env` (see the extraction stage).
   */
  file?: string;
  /**
   * Where in its file the text is, as a person would look for it, when it is not the
   * file's own text: a document's part (`slide 3 notes`, `comment by Ann`), a decoding
   * (`base64`); or one name for each line of the text (a sheet's cells: `sheet "Keys" B4`).
   */
  where?: string | readonly string[];
  /**
   * For text decoded from a span of its file (base64, hex, …): the span's place, where
   * every finding in the text is reported (and judged against `lines`), and the file's
   * line holding the span and the line before it, whose `tightlip:allow` directives apply.
   */
  span?: EncodedSpan;
  /**
   * For a piece of a larger text scanned piece by piece: how many findings each rule had on
   * each masked line in the pieces before, shared by the pieces of one text, so that a
   * finding's fingerprint counts it as a scan of the whole text would.
   */
  occurrences?: Occurrences;
}

/** See `Chunk.occurrences`: a key per distinct masked line, and counts per rule and line key. */
export interface Occurrences {
  lineKeys: Map<string, number>;
  counts: Map<string, number>;
}

/** Where an encoded span lies in its file; see `Chunk.span`. */
export interface EncodedSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The file's line that holds the span's start, and the line before it (empty for the first line). */
  lineText: string;
  lineBefore: string;
}

/** A file or blob that was not scanned, and why; reports list them so nothing is lost silently. */
export interface Skipped {
  path: string;
  /**
   * `binary`: not text and not a container or document tightlip opens (does not make a scan
   * incomplete); `limit`: an extraction limit was hit (nesting depth, expanded size,
   * compression ratio, entries, time): what came before it was scanned, the rest was not.
   */
  reason: 'binary' | 'too-large' | 'unreadable' | 'not-text' | 'limit';
  detail?: string;
}

/** A file's content as bytes, not yet turned into text: the scan loop decodes it. */
export interface RawContent {
  path: string;
  bytes: Uint8Array;
  commit?: string;
}

/**
 * What a source yields: text to scan, a file's bytes to turn into text first, or
 * something it could not scan and why.
 */
export type SourceItem =
  | { type: 'chunk'; chunk: Chunk }
  | { type: 'bytes'; content: RawContent }
  | { type: 'skipped'; skipped: Skipped };

/** Limits every source honours. */
export interface SourceLimits {
  /** Content larger than this many bytes is skipped as too large, not read into memory. */
  maxFileSize: number;
}

/** The default `maxFileSize`: 32 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 32 * 1024 * 1024;

export type FindingKind = 'credential' | 'term';

/** How sure the engine is that a finding is real. */
export type Confidence = 'validated' | 'pattern' | 'entropy';

/** One thing found. Data only, safe to print: it holds no secret unless the engine was created with `reveal`. */
export interface Finding {
  ruleId: string;
  kind: FindingKind;
  title: string;
  severity: Severity;
  confidence: Confidence;
  path: string;
  /** 1-based line and column (UTF-16 code units) of the first character of the secret or term. */
  line: number;
  column: number;
  endLine: number;
  /** 1-based column just after the last character. */
  endColumn: number;
  /** The secret or term, masked: a short prefix of a credential, the label of a term. */
  redacted: string;
  /** The line the finding starts on, with every secret and term on it masked, shortened around the finding. */
  excerpt: string;
  /** 1-based column in `excerpt` where the finding's masked text (or, revealed, the finding) starts. */
  excerptColumn: number;
  /** Stable across runs and line moves; never derived from a term's text. */
  fingerprint: string;
  commit?: string;
  /** The file on disk or in git that holds `path`, when `path` names a member of a container (`bundle.zip` for `bundle.zip!/config/.env`). */
  file?: string;
  /** Where in the file a person would look: a document's part, a sheet's cell, a page, a decoding (`slide 3 notes`, `base64`). */
  where?: string;
  /** History: who wrote the commit that introduced the finding (`Name <email>`), and when (ISO 8601). */
  author?: string;
  date?: string;
  /**
   * History: how many later commits wrote this file again and still carry the secret (edits
   * that kept it, reverts, merges); the finding itself is reported once, at its first commit.
   */
  laterCommits?: number;
  origin?: Origin;
  /** The unmasked secret, only when the engine was created with `reveal: true`. */
  secret?: string;
  /**
   * Keyed hash identifying the finding by content, for baselines: HMAC-SHA-256 (salted by
   * the baseline) of the rule and the secret, or for a term the masked line. Only when the
   * engine was given a salt.
   */
  secretHash?: string;
  /**
   * The secret could be guessed (a password, a short or non-random value): a baseline
   * stores its `secretHash` only stretched by a slow key-derivation function.
   */
  secretHashSlow?: boolean;
}

/** Sample inputs of a rule. Built-in rules generate theirs from a seeded fake, so tests never hold real-looking literals. */
export interface RuleSamples {
  /** Each must produce at least one finding of this rule. */
  match: string[];
  /** None may produce a finding of this rule. */
  ignore: string[];
}

/**
 * A check by name, as rules write it (see `rules/checks.ts` and docs/rules.md): a bare name
 * (`'jwt'`, `'random'`) or a name with its argument (`{ keyedBy: 'datadog.*api.*key' }`,
 * `{ near: { rule: 'twilio-api-key', withinLines: 3 } }`, `{ anyOf: [...] }`).
 */
export type CheckSpec = string | { readonly [name: string]: unknown };

/**
 * Characters that may not touch a token on either side, by name: `alnum` (letters and
 * digits), `word` (and `_`), `token` (and `_` `-`), `dotted` (and `_` `.` `-`), `base64`
 * (letters, digits, `+` `/`; and `=` after). `none` adds no lookaround.
 */
export type Boundary = 'alnum' | 'word' | 'token' | 'dotted' | 'base64' | 'none';

/**
 * A rule as data: the one schema of built-in rules and of `customRules` in a
 * configuration. The pattern is either `pattern` (regular expression sources; a named
 * group `secret` marks the secret, a group `key` the key it is assigned to) or a token
 * written as `prefix` + `body` inside a `boundary`.
 */
export interface RuleSpec {
  /** `<provider>-<credential>`, kebab-case, stable forever. */
  id: string;
  title: string;
  description?: string;
  /** What to do about a finding: rotate, revoke, move to a secret store. */
  remediation?: string;
  /** Who issues the credential (`Anthropic`, `PostgreSQL`); every built-in rule names one. */
  provider?: string;
  /** Where the credential's format is documented (a URL); every built-in rule cites one. */
  source?: string;
  /** `high` by default. */
  severity?: Severity;
  /** Lower-case strings of which at least one must occur for the pattern to run. */
  keywords?: readonly string[];
  /** Regular expression source, or several (any may match). */
  pattern?: string | readonly string[];
  /** Flags of `pattern` besides `g` (`i`, `m`, `s`, `u`). */
  flags?: string;
  /** The token's fixed start, or several; with `body`, in place of `pattern`. */
  prefix?: string | readonly string[];
  /** Regular expression source of what follows the prefix. */
  body?: string;
  /** What may not touch the token (`prefix` + `body`); `alnum` by default. */
  boundary?: Boundary;
  /** Where the pattern runs: the whole text (default) or only the lines holding a keyword. */
  scope?: 'text' | 'line';
  /** Offline checks a candidate must pass, by name (all of them). */
  check?: CheckSpec | readonly CheckSpec[];
  /** A detector that judges values by their context rather than a provider's format. */
  generic?: boolean;
  /** Literal samples: each `match` must be found, no `ignore` may be (`tightlip rules test`). */
  samples?: RuleSamples;
}

/** A candidate's verdict from a rule's checks: `rejected` when a check of the token itself (a checksum, a structure) failed. */
export type CheckVerdict = 'pass' | 'fail' | 'rejected';

/** A compiled check: a judgement of one candidate in its context. */
export type CheckFunction = (secret: string, context: MatchContext) => boolean;

/** A credential rule, compiled from its spec by `defineRule`. */
export interface Rule {
  /** `<provider>-<credential>`, kebab-case, stable forever. */
  id: string;
  title: string;
  description: string;
  /** What to do about a finding: rotate, revoke, move to a secret store. */
  remediation: string;
  severity: Severity;
  /** Lower-case strings of which at least one must occur in the text for the pattern to run; empty runs always. */
  keywords: readonly string[];
  /** Global, linear-time patterns, any of which may match. The named group `secret`, if present, is the secret; otherwise the whole match. A group `key` names the key the secret is assigned to. */
  patterns: readonly RegExp[];
  /**
   * Where the pattern runs: the whole text (default), or only the lines that hold one of
   * the keywords. 'line' suits single-line matches whose keyword shares their line (a key
   * name, a token's marker) and whose pattern starts with a character class that the
   * regex engine cannot skip ahead to.
   */
  scope?: 'text' | 'line';
  /**
   * Its keywords are names (`ibm`, `scw`), which count only where they start a word: after
   * a character that is no letter or digit, or at a change from lower to upper case. A
   * short name occurs by chance inside random text (base64, minified code), where it
   * would run a whole-text pattern for nothing.
   */
  wordKeywords?: boolean;
  /** Judges a candidate (see `CheckVerdict`); every candidate passes without one. */
  check?: (secret: string, context: MatchContext) => CheckVerdict;
  /** Rules whose matches this rule's candidates must lie near, with how many lines apart: its pattern also runs there. */
  near: readonly { rule: string; withinLines: number }[];
  /**
   * How sure a finding of this rule is, derived from its checks: 'validated' when a check
   * verifies the token itself (checksum, decodable structure), 'pattern' for shape and
   * context, 'entropy' for randomness alone.
   */
  confidence: Confidence;
  /**
   * A detector that judges values by their context (a key name, an assignment) rather than
   * a provider's format. Its candidates also pass the shape filters (hashes, UUIDs, digests,
   * prose, paths), and a provider rule that finds the same secret wins over it.
   */
  generic?: boolean;
  /** False-positive filters this rule skips, derived from its checks (a checksum makes 'placeholder' moot). */
  skipFilters: readonly FilterName[];
  samples: (fake: Fake) => RuleSamples;
  /** The rule as data, as `rules list --format json` prints it. */
  spec: RuleSpec;
}

/**
 * Where a candidate was found: the text, the offsets of the secret and of the whole
 * match in it, the key a pattern's `key` group named, and the text's model (file type,
 * line facts, block structure) computed once per scan.
 */
export interface MatchContext {
  text: string;
  start: number;
  end: number;
  /** Where the whole match starts (the key, for key-value patterns). */
  matchStart?: number;
  /** The key the pattern's `key` group captured, if any. */
  key?: string;
  /** Facts about the text, each computed at most once per scan; absent for bare checks in tests. */
  model?: TextModel;
  /** The 0-based lines of the text where `ruleId` has a candidate that passes its checks. */
  linesOf?: (ruleId: string) => readonly number[];
}

/** What kind of file a text is, from its path (see `context/file-type.ts`). */
export interface FileType {
  kind: 'code' | 'config' | 'markup' | 'prose' | 'data' | 'other';
  /** `javascript`, `python`, `yaml`, `json`, `shell`, `markdown`, `log`, … or `unknown`. */
  language: string;
  /** Whether bare words are identifiers (code), so a literal value must be quoted. */
  quotesLiterals: boolean;
  /** Whether the path looks minified or generated (`*.min.js`, bundles, source maps). */
  generated: boolean;
}

/**
 * Facts about one text that rules judge candidates by, each computed lazily and at most
 * once per text (per line, per block), so that judging stays linear in the text.
 */
export interface TextModel {
  readonly text: string;
  readonly path: string;
  readonly file: FileType;
  /** 0-based line of `offset`. */
  lineIndexOf(offset: number): number;
  lineStart(index: number): number;
  /** The line without its line break. */
  lineText(index: number): string;
  /** Whether the line is minified or generated code (very long and dense). */
  isMinified(index: number): boolean;
  /** Whether `offset` lies in a comment or a documentation string. */
  isCommentary(offset: number): boolean;
  /** Keys of the blocks that enclose `offset` (YAML indentation, JSON/HCL braces, TOML/INI sections), innermost first, at most four. */
  parentKeys(offset: number): readonly string[];
  /** The key that the line leaves open for the lines below it (`key:`, `key =`, `key: |`), if any. */
  openKey(index: number): string | undefined;
}

/** The false-positive filters, by name (see `filters/`). */
export type FilterName =
  | 'placeholder'
  | 'lookup'
  | 'vendor-example'
  | 'data-uri'
  | 'known-hash'
  | 'uuid'
  | 'prose'
  | 'path-or-url';

/** A deterministic source of fake token material (see `createFake`). */
export interface Fake {
  /** `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string;
  base62(length: number): string;
  hex(length: number): string;
  upper(length: number): string;
  digits(length: number): string;
  base64(length: number): string;
  pick<T>(items: readonly T[]): T;
}

/** A codename or embargoed term. Data only: a hashed term holds digests, never its text. */
export interface Term {
  /** Stable id shown in every report instead of the term itself, e.g. `codenames.txt:3` or `CN-017`. */
  id: string;
  /** The words of the term as written, folded (lower case, NFKC, …); empty for a hashed term. */
  words: readonly string[];
  severity: Severity;
  /** Where the term was declared, for diagnostics: a list name and line or entry. */
  source: string;
  /** Other spellings that are matched as the term, each as folded words. */
  aliases?: readonly (readonly string[])[];
  /** A term from a hashed list: keyed digests of its forms instead of its words. */
  hashed?: HashedTerm;
  /** Also match inside longer words (`mythology` for `myth`); plaintext terms only. */
  substring?: boolean;
  /** Also match leetspeak spellings (`myth0s`, `h4lcy0n`). */
  leet?: boolean;
  /** The embargo lift date (`YYYY-MM-DD`, UTC, or an ISO date-time with offset): from then on the term no longer blocks. */
  lifts?: string;
  /** Days after `lifts` during which findings are still reported, as warnings (severity `info`). */
  graceDays?: number;
  /** Globs of paths where the term may appear (it is not reported there). */
  allowIn?: readonly string[];
  /** Globs of paths where the term is blocked; everywhere when absent. */
  onlyIn?: readonly string[];
  /** Who to ask about the term: a team, an address. Shown in findings. */
  owner?: string;
  /** For the list's maintainers; never shown in findings. */
  note?: string;
}

/** How a hashed term is matched (see docs/terms.md): HMAC-SHA-256 digests under the list's key. */
export interface HashedTerm {
  /** Id of the key the digests were made with. */
  keyId: string;
  /** Hex digests of every form of the term (spellings, joined and plural forms), padded with decoys. */
  digests: readonly string[];
  /** Tags (8 hex digits) of the words of every multi-word form of the term's list: list-wide, shared by its terms. */
  wordTags: readonly string[];
}
