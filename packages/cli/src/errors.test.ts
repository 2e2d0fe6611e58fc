import { describe, expect, it } from 'vitest';
import {
  BaselineError,
  RuleError,
  TermListError,
  TermSetError,
  TightlipError,
} from '@tightlip/core';
import { GitError } from '@tightlip/git';
import { HookError } from '@tightlip/hooks';
import { LinearPatternError } from './config/linear-regexp.js';
import { ConfigError, InputError, ScanLimitError, UsageError } from './errors.js';

// The published bundle is minified without keepNames (it costs every closure a call), so a
// class's own name is not its name there: each error class names itself, and `--verbose`
// stacks say which error it was.
describe('error classes', () => {
  it('each name themselves as they are written', () => {
    const errors: [Error, string][] = [
      [new TightlipError('X', 'm'), 'TightlipError'],
      [new TermListError('m', 'list.txt'), 'TermListError'],
      [new TermSetError('m'), 'TermSetError'],
      [new RuleError('m', 'x'), 'RuleError'],
      [new BaselineError('b', 'm'), 'BaselineError'],
      [new GitError('X', 'm'), 'GitError'],
      [new HookError('X', 'm'), 'HookError'],
      [new UsageError('m'), 'UsageError'],
      [new ConfigError('f', 'm'), 'ConfigError'],
      [new InputError('m'), 'InputError'],
      [new ScanLimitError('m'), 'ScanLimitError'],
      [new LinearPatternError('m'), 'LinearPatternError'],
    ];
    for (const [error, name] of errors) {
      expect(error.name).toBe(name);
      expect(error.constructor.name).toBe(name);
    }
  });
});
