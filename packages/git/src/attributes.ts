import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnBatch, type Git } from './git.js';

/** Answers, per path, whether git attributes unset `diff` (`-diff`, `binary`): git then calls a text file binary. */
export interface AttributeCheck {
  isDiffUnset(path: string): Promise<boolean>;
  close(): void;
}

/**
 * One long-lived `git check-attr --stdin -z diff`, started at the first question; answers
 * are cached per path. Attributes are read as the diff read them (work tree and index, or
 * `info/attributes` in a bare repository).
 */
export function createAttributeCheck(git: Git): AttributeCheck {
  const cache = new Map<string, Promise<boolean>>();
  let child: ChildProcessWithoutNullStreams | undefined;
  const pending: { resolve(unset: boolean): void; reject(error: Error): void }[] = [];
  let buffer = '';
  let failure: Error | undefined;

  const fail = (error: Error) => {
    failure ??= error;
    for (const waiter of pending.splice(0)) waiter.reject(failure);
  };

  const start = (): ChildProcessWithoutNullStreams => {
    const proc = spawnBatch(git, ['check-attr', '--stdin', '-z', 'diff'], fail, () => pending.length > 0);
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (text: string) => {
      buffer += text;
      const fields = buffer.split('\0');
      buffer = '';
      // Each answer is three NUL-terminated fields: path, attribute, value.
      while (fields.length >= 4) {
        const value = fields[2]!;
        fields.splice(0, 3);
        pending.shift()?.resolve(value === 'unset');
      }
      buffer = fields.join('\0');
    });
    return proc;
  };

  return {
    isDiffUnset(path) {
      let answer = cache.get(path);
      if (!answer) {
        answer = new Promise<boolean>((resolve, reject) => {
          if (failure) return reject(failure);
          child ??= start();
          pending.push({ resolve, reject });
          child.stdin.write(`${path}\0`);
        });
        cache.set(path, answer);
      }
      return answer;
    },
    close() {
      child?.stdin.end();
      child = undefined;
    },
  };
}
