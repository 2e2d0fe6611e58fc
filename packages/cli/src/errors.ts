import { TightlipError } from '@tightlip/core/errors';

/** The command line asks for something impossible: a missing path, a bad option value. */
export class UsageError extends TightlipError {
  override name = 'UsageError';
  constructor(message: string) {
    super('USAGE', message);
  }
}

/** A configuration file that cannot be used; the message names the file and the key path. */
export class ConfigError extends TightlipError {
  override name = 'ConfigError';
  constructor(
    readonly file: string,
    message: string,
    readonly keyPath?: string,
  ) {
    super('CONFIG_INVALID', `${file}${keyPath ? ` (${keyPath})` : ''}: ${message}`);
  }
}

/** A file tightlip was told to read (term list, config) could not be read. */
export class InputError extends TightlipError {
  override name = 'InputError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('INPUT_UNREADABLE', message, options);
  }
}

/** A scan that had to stop before the end (too many findings for memory): it is incomplete, so it fails (exit 2). */
export class ScanLimitError extends TightlipError {
  override name = 'ScanLimitError';
  constructor(message: string) {
    super('SCAN_LIMIT', message);
  }
}
