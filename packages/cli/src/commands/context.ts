import type { Severity } from '@tightlip/core';
import type { Io } from '../io.js';
import type { Format } from '../report/formats.js';

/** Options every command accepts. */
export interface GlobalArgs {
  config?: string;
  format: Format;
  output?: string;
  mask: boolean;
  /** `--color` / `--no-color`; undefined: decided by the terminal and the environment. */
  color?: boolean;
  quiet: boolean;
  verbose: boolean;
  failOn?: Severity;
  baseline?: string;
}

/** What command handlers get from `main`: the I/O and a way to set the exit code. */
export interface CommandContext {
  io: Io;
  setExitCode(code: number): void;
}
