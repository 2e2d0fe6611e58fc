import { describe, expect } from 'vitest';
import { it } from '@tightlip/fixtures/vitest';
import { runTightlip } from './helpers.js';

// Every hook run has a time budget (the hostile review's D12): a real process, because the
// watchdog must stop a main thread that is busy in one synchronous scan.

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
