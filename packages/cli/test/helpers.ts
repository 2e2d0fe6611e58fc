import { fileURLToPath } from 'node:url';
import type { RunResult, TempDir } from '@tightlip/fixtures';
import type { Io } from '../src/io.js';

/** The real bin script, as a user or a hook runs it (needs `tsc -b` first; npm test builds). */
export const BIN = fileURLToPath(new URL('../bin/tightlip.js', import.meta.url));

/** Runs `tightlip args…` in `dir` (or a directory below it) as a separate process. */
export function runTightlip(temp: TempDir, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  return temp.run(process.execPath, [BIN, ...args], options);
}

/** An Io for in-process runs: what is written to stdout and stderr is kept as text. */
export interface TestIo extends Io {
  stdout: { write(text: string): boolean; isTTY?: boolean; text: string };
  stderr: { write(text: string): boolean; isTTY?: boolean; text: string };
}

/** An Io at `cwd` with `env` (nothing from `process.env`), capturing output; `stdin` as given. */
export function testIo(cwd: string, env: NodeJS.ProcessEnv, options: { stdin?: string; now?: () => number } = {}): TestIo {
  const capture = () => {
    const stream = {
      text: '',
      write(text: string) {
        stream.text += text;
        return true;
      },
    };
    return stream;
  };
  const io: TestIo = { cwd, env, stdout: capture(), stderr: capture() };
  if (options.stdin !== undefined) {
    const input = options.stdin;
    io.stdin = (async function* () {
      yield input;
    })();
  }
  if (options.now) io.now = options.now;
  return io;
}
