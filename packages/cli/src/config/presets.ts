import type { RawConfig } from './types.js';

/**
 * Built-in configurations for `extends`. `tightlip:recommended` is what runs without any
 * configuration: every built-in rule at its own severity, inline allows honoured.
 */
export const PRESETS: Readonly<Record<string, RawConfig>> = {
  'tightlip:recommended': {},
};
