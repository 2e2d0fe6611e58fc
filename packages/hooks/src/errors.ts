import { TightlipError } from '@tightlip/core/errors';

/** A hook could not be installed or removed; `code` is stable, the message says what to do. */
export class HookError extends TightlipError {
  override name = 'HookError';
}
