/** A hook could not be installed or removed; `code` is stable, the message says what to do. */
export class HookError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HookError';
  }
}
