import { createBatch } from './batch.js';
import type { Git } from './git.js';

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
  let buffer = '';
  const decoder = new TextDecoder();
  const batch = createBatch<string, boolean>(
    git,
    ['check-attr', '--stdin', '-z', 'diff'],
    (data, pending) => {
      buffer += decoder.decode(data, { stream: true });
      // Each answer is three NUL-terminated fields: path, attribute, value.
      const fields = buffer.split('\0');
      let used = 0;
      while (fields.length - used >= 4) {
        pending.answer(fields[used + 2] === 'unset');
        used += 3;
      }
      buffer = fields.slice(used).join('\0');
    },
  );
  return {
    isDiffUnset(path) {
      let answer = cache.get(path);
      if (!answer) {
        answer = batch.ask(`${path}\0`, path);
        cache.set(path, answer);
      }
      return answer;
    },
    close: () => batch.close(),
  };
}
