/**
 * Everything a command takes from the process: where it runs, its environment (also given
 * to git), the clock, standard streams. `bin.ts` passes the real ones; tests their own, so
 * an in-process run reads nothing from `process.env`.
 */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The clock, in ms since the epoch: embargo lift dates, report times. `Date.now` when absent. */
  now?: () => number;
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Standard input, for hooks that git feeds ref updates (pre-push, pre-receive). */
  stdin?: AsyncIterable<string | Uint8Array> & { isTTY?: boolean };
}

/**
 * All of standard input as text; empty when there is none, or when it is a terminal
 * (hooks must not wait for a person) unless `fromTerminal` (a person typing the text).
 */
export async function readInput(io: Io, options: { fromTerminal?: boolean } = {}): Promise<string> {
  if (!io.stdin || (io.stdin.isTTY && !options.fromTerminal)) return '';
  let text = '';
  const decoder = new TextDecoder();
  for await (const part of io.stdin)
    text += typeof part === 'string' ? part : decoder.decode(part, { stream: true });
  return text + decoder.decode();
}

/**
 * Whether to colour what goes to `stream`, the usual way: `--color` / `--no-color`
 * (`flag`) first; then FORCE_COLOR (any value but `0` or `false` forces colour, as Node and
 * chalk read it); then NO_COLOR (set to anything: none); then only on a terminal that is
 * not `TERM=dumb`.
 */
export function useColor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
  flag?: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return (
    stream.isTTY === true &&
    (env.NO_COLOR === undefined || env.NO_COLOR === '') &&
    env.TERM !== 'dumb'
  );
}

/** The clock of `io`. */
export function clockOf(io: Io): () => number {
  return io.now ?? Date.now;
}
