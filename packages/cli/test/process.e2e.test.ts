import { describe, expect } from 'vitest';
import { createFake } from '@tightlip/core';
import { it } from '@tightlip/fixtures/vitest';
import { BIN, runTightlip } from './helpers.js';

// What only a real process shows: the time budget of a hook run (the hostile review's D12;
// the watchdog must stop a main thread busy in one synchronous scan), and a full stdout.

describe('the time budget of a hook run', () => {
  it('stops a run busy in a long synchronous scan with exit 2, naming the budget and how to raise it', ({
    repo,
  }) => {
    // Seconds of one synchronous engine.scan call: far past a budget of 0.3 s.
    repo.write('big.txt', 'pass=abcdefgh '.repeat(300_000));
    repo.git('add', 'big.txt');
    const started = Date.now();
    const result = runTightlip(repo, ['staged'], {
      env: { TIGHTLIP_TIME_BUDGET: '0.3' },
    });
    expect(result.stderr).toBe(
      'tightlip: stopped after its time budget of 0.3 s, so this run blocks (exit 2); raise the budget with TIGHTLIP_TIME_BUDGET=<seconds> or --time-budget <seconds> (0 turns it off)\n',
    );
    expect(result.status).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Turned off, a run finishes whatever it takes.
    repo.git('rm', '-q', '--cached', 'big.txt');
    repo.write('small.txt', 'hello\n');
    repo.git('add', 'small.txt');
    const off = runTightlip(repo, ['staged', '--time-budget', '0']);
    expect(off.status, off.stderr).toBe(0);
  });
});

describe('the time budget of a run of many small items', () => {
  it('starts its watchdog after a second, so a run that goes on past its budget is stopped all the same', ({
    temp,
  }) => {
    // Each file is below the size that starts the watchdog at once, and takes tens of
    // milliseconds; all of them take far longer than the budget.
    for (let i = 0; i < 120; i++) temp.write(`f${i}.txt`, 'pass=abcdefgh '.repeat(4000));
    const result = temp.run(process.execPath, [BIN, 'scan', '.', '--time-budget', '1.5']);
    expect(result.stderr).toContain('tightlip: stopped after its time budget of 1.5 s');
    expect(result.status).toBe(2);
  });
});

describe('a pre-commit hook that fails before it reads the staged change', () => {
  it('stops the git diff it started, however large, and exits with the failure', ({ repo }) => {
    // Far more than git's pipe and Node's buffer hold: a git left writing it would never
    // exit, nor would the run that waits for it.
    repo.write('big.txt', 'line of text\n'.repeat(200_000));
    repo.git('add', 'big.txt');
    repo.write('tightlip.config.json', '{ not json');
    const result = repo.run('timeout', [
      '30',
      process.execPath,
      BIN,
      'staged',
      '--hook',
      'pre-commit',
    ]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain('tightlip.config.json');
  });
});

describe('writing the report', () => {
  it('says that standard output is full, not "internal error" (D33)', ({ temp }) => {
    temp.write('a.txt', 'hello\n');
    const result = temp.run('sh', ['-c', `"${process.execPath}" "${BIN}" scan a.txt > /dev/full`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('tightlip: cannot write the report to standard output: ENOSPC\n');
  });
});

describe('the memory of a scan', () => {
  it("stops the main thread's young generation at its cap in a large scan", ({ temp }) => {
    // Lines that each rule looks at closely, whose garbage lives long enough to make V8
    // grow the young generation: to 32 MB (16 MB a half) without the flag the CLI sets
    // (young-generation.ts).
    const fake = createFake(11);
    for (let i = 0; i < 200; i++)
      temp.write(
        `f${i}.env`,
        Array.from({ length: 150 }, (_, l) => `password_${l} = "${fake.base62(24)}"\n`).join(''),
      );
    temp.write(
      'young.cjs',
      "process.on('exit', () => { const space = require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space'); process.stderr.write(`young generation: ${space.space_size}\\n`); });\n",
    );
    const result = temp.run(process.execPath, ['-r', './young.cjs', BIN, 'scan', '.']);
    expect(result.status, result.stderr).toBe(0);
    const size = Number(/young generation: (\d+)/.exec(result.stderr)![1]);
    // Its cap (young-generation.ts).
    expect(size).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('keeps it at its cap after a worker thread starts, which set V8 back to growing it', ({
    temp,
  }) => {
    // The module as the CLI runs it, then garbage that lives long enough to grow the young
    // generation, before and after a worker starts (32 MB after it without the module's
    // care for workers).
    const module = new URL('../dist/young-generation.js', import.meta.url).href;
    temp.write(
      'grow.mjs',
      [
        "import { Worker } from 'node:worker_threads';",
        "import { getHeapSpaceStatistics } from 'node:v8';",
        `await import(${JSON.stringify(module)});`,
        "const size = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;",
        'const keep = new Array(60000);',
        'let n = 0;',
        'const churn = async () => {',
        '  for (let r = 0; r < 40; r++) {',
        "    for (let i = 0; i < 20000; i++, n++) keep[n % 60000] = { n, s: 'x' + n };",
        '    await new Promise((done) => setImmediate(done));',
        '  }',
        '};',
        'await churn();',
        'const before = size();',
        "const worker = new Worker('setTimeout(() => {}, 60000)', { eval: true });",
        "await new Promise((resolve) => worker.once('online', resolve));",
        'await churn();',
        'console.log(before, size());',
        'await worker.terminate();',
      ].join('\n'),
    );
    const result = temp.run(process.execPath, ['grow.mjs']);
    expect(result.status, result.stderr).toBe(0);
    const cap = 8 * 1024 * 1024;
    expect(result.stdout.trim().split(' ').map(Number)).toEqual([cap, cap]);
  });
});
