import type { Git } from './git.js';
import { GitError } from './errors.js';

/** The questions a batch process has been asked and not yet answered, oldest first. */
export interface Pending<Q, A> {
  /** The oldest unanswered question, if any. */
  first(): Q | undefined;
  /** Answers the oldest question. */
  answer(value: A): void;
  /** Rejects the oldest question alone (the process goes on). */
  refuse(error: Error): void;
  /** Fails every question, now and later: the process cannot be trusted any more. */
  fail(error: Error): void;
}

export interface Batch<Q, A> {
  /** Writes `request` to the process (started on first use) and resolves with its answer to `question`. */
  ask(request: string, question: Q): Promise<A>;
  close(): void;
}

/**
 * One long-lived git process that answers requests written to its stdin, in order
 * (`cat-file --batch`, `check-attr --stdin`), started on the first request. `read` parses
 * stdout as it comes and settles the pending questions. If the process cannot start, or
 * ends while answers are awaited, every pending and later question fails.
 */
export function createBatch<Q, A>(
  git: Git,
  args: readonly string[],
  read: (data: Buffer, pending: Pending<Q, A>) => void,
): Batch<Q, A> {
  const queue: { question: Q; resolve(value: A): void; reject(error: Error): void }[] = [];
  let failure: Error | undefined;
  let child: ReturnType<Git['spawn']> | undefined;

  const pending: Pending<Q, A> = {
    first: () => queue[0]?.question,
    answer: (value) => queue.shift()?.resolve(value),
    refuse: (error) => queue.shift()?.reject(error),
    fail(error) {
      failure ??= error;
      for (const waiter of queue.splice(0)) waiter.reject(failure);
    },
  };

  const startProcess = () => {
    const proc = git.spawn(args);
    proc.on('error', (error) =>
      pending.fail(
        new GitError('GIT_FAILED', `git ${args[0]} failed: ${error.message}`, { cause: error }),
      ),
    );
    proc.on('close', (status) => {
      if (queue.length > 0)
        pending.fail(
          new GitError('GIT_FAILED', `git ${args[0]} failed: exited early (status ${status})`),
        );
    });
    proc.stdin.on('error', () => undefined);
    proc.stderr.resume();
    proc.stdout.on('data', (data: Buffer) => read(data, pending));
    return proc;
  };

  return {
    ask(request, question) {
      return new Promise<A>((resolve, reject) => {
        if (failure) return reject(failure);
        child ??= startProcess();
        queue.push({ question, resolve, reject });
        // Requests made in one turn go out in one write.
        if (!child.stdin.writableCorked) {
          child.stdin.cork();
          const stdin = child.stdin;
          process.nextTick(() => stdin.uncork());
        }
        child.stdin.write(request);
      });
    },
    close() {
      child?.stdin.end();
      child = undefined;
    },
  };
}
