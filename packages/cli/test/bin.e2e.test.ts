import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { fakeGithubToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { BIN } from './helpers.js';

// The launcher, bin/tightlip.js, as a process: what only a real process shows.

describe('the tightlip bin', () => {
  it('exits 2 on an error thrown after start-up, outside any command (uncaught)', ({ temp }) => {
    const launcher = temp.write('broken/bin/tightlip.js', readFileSync(BIN));
    for (const [name, code] of [
      ['throw', "setTimeout(() => { throw new Error('boom'); });\n"],
      ['reject', "Promise.reject(new Error('boom'));\n"],
    ] as const) {
      temp.write('broken/dist/bin.js', code);
      const result = temp.run(process.execPath, [launcher, 'scan']);
      expect(result.status, name).toBe(2);
      expect(result.stderr).toBe(
        'tightlip: internal error: boom (run with --verbose for the stack)\n',
      );
    }
  });

  it('does not crash when its reader stops early (EPIPE is not an error)', async ({ temp }) => {
    // A report far larger than a pipe's buffer (64 KiB), so writes go on after the reader left.
    temp.write('many.txt', Array.from({ length: 1000 }, (_, i) => fakeGithubToken(i)).join('\n'));
    const child = spawn(process.execPath, [BIN, 'scan', '--format', 'json'], {
      cwd: temp.dir,
      env: temp.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});
