import { describe, expect, it } from 'vitest';
import { DEFAULT_HOOK_BUDGET_SECONDS, timeBudgetOf } from './time-budget.js';

describe('timeBudgetOf', () => {
  it('gives every hook command a budget by default, and other commands none', () => {
    for (const command of ['staged', 'commit-msg', 'pre-push', 'pre-receive'])
      expect(timeBudgetOf([command], {}), command).toBe(DEFAULT_HOOK_BUDGET_SECONDS);
    expect(timeBudgetOf(['--format', 'json', 'pre-push', 'origin'], {})).toBe(60);
    expect(timeBudgetOf(['scan', '.'], {})).toBeUndefined();
    expect(timeBudgetOf(['history'], {})).toBeUndefined();
  });

  it('takes --time-budget, then TIGHTLIP_TIME_BUDGET; 0 turns it off', () => {
    expect(timeBudgetOf(['scan', '--time-budget', '5'], {})).toBe(5);
    expect(timeBudgetOf(['staged', '--time-budget=2.5'], { TIGHTLIP_TIME_BUDGET: '9' })).toBe(2.5);
    expect(timeBudgetOf(['staged'], { TIGHTLIP_TIME_BUDGET: '9' })).toBe(9);
    expect(timeBudgetOf(['staged'], { TIGHTLIP_TIME_BUDGET: '0' })).toBeUndefined();
    expect(timeBudgetOf(['staged', '--time-budget', '0'], {})).toBeUndefined();
  });
});
