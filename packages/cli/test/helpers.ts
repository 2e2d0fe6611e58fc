import { fileURLToPath } from 'node:url';
import type { RunResult, TempDir } from '@tightlip/fixtures';

/** The real bin script, as a user or a hook runs it (needs `tsc -b` first; npm test builds). */
export const BIN = fileURLToPath(new URL('../bin/tightlip.js', import.meta.url));

/** Runs `tightlip args…` in `dir` (or a directory below it) as a separate process. */
export function runTightlip(temp: TempDir, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  return temp.run(process.execPath, [BIN, ...args], options);
}
