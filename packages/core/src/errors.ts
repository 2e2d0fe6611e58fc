/**
 * Something that stops a scan: bad input that cannot be scanned as asked. A finding is
 * never an error. Every error has a stable SCREAMING_SNAKE `code` and a message that
 * names the offending input but never quotes a secret or a term.
 */
export class TightlipError extends Error {
  // Each class names itself: the published bundle's minified class names are not names.
  override name = 'TightlipError';
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A term list that cannot be parsed; `source` names the list and `line` the entry. */
export class TermListError extends TightlipError {
  override name = 'TermListError';
  constructor(
    message: string,
    readonly source: string,
    readonly line?: number,
  ) {
    super('TERM_LIST_INVALID', `${source}${line === undefined ? '' : `:${line}`}: ${message}`);
  }
}

/** Bytes that are not a compiled term set of this version (truncated, damaged, from another version). */
export class TermSetError extends TightlipError {
  override name = 'TermSetError';
  constructor(message: string) {
    super('TERM_SET_INVALID', `compiled term set: ${message}`);
  }
}

/** A rule definition that breaks the rule contract (bad id, non-global pattern, …). */
export class RuleError extends TightlipError {
  override name = 'RuleError';
  constructor(
    message: string,
    readonly ruleId: string,
  ) {
    super('RULE_INVALID', `rule ${ruleId}: ${message}`);
  }
}
