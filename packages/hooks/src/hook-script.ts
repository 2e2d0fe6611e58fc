/** The git hooks tightlip can install. `pre-receive` is for a server's bare repository. */
export type HookName = 'pre-commit' | 'commit-msg' | 'pre-push' | 'pre-receive';

export const HOOK_NAMES: readonly HookName[] = [
  'pre-commit',
  'commit-msg',
  'pre-push',
  'pre-receive',
];

/** First line after the shebang of every hook tightlip writes; how uninstall recognises its own files. */
export const MANAGED_MARKER = '# tightlip-managed-hook';

/** Suffix of an existing hook that tightlip moved aside and runs first. */
export const CHAINED_SUFFIX = '.pre-tightlip';

/**
 * The exit protocol between a hook and tightlip. A hook sets this variable to
 * `EXIT_BASE`, and tightlip then exits with the base plus its usual code: base + 0 when
 * nothing blocks, + 1 for findings, + 2 when it could not scan. Any other status, 0
 * included, means tightlip did not run to the end (an empty or truncated install exits 0),
 * and the hook blocks: a hook passes only on tightlip's own word.
 */
export const EXIT_BASE_VARIABLE = 'TIGHTLIP_EXIT_BASE';
export const EXIT_BASE = 100;

/** What a hook records of the tightlip that installed it, for when the project has none of its own. */
export interface Launcher {
  /** Absolute path of the Node.js that ran `install`: used when `node` is not on PATH (a GUI git client). */
  node: string;
  /**
   * Absolute path of tightlip's bin script, when it is not the project's own
   * (`node_modules/tightlip`): a checkout or a server's install. Tried after the
   * project's own tightlip and before one on PATH.
   */
  bin?: string;
}

/** The tightlip command each hook runs; git's hook arguments follow. */
const ARGS: Record<HookName, string> = {
  'pre-commit': 'staged --hook pre-commit',
  'commit-msg': 'commit-msg',
  'pre-push': 'pre-push',
  'pre-receive': 'pre-receive',
};

/** Hooks that git feeds ref updates on standard input. */
function readsStdin(hook: HookName): boolean {
  return hook === 'pre-push' || hook === 'pre-receive';
}

const BYPASS: Record<HookName, string> = {
  'pre-commit': 'bypass once with git commit --no-verify',
  'commit-msg': 'bypass once with git commit --no-verify',
  'pre-push': 'bypass once with git push --no-verify',
  'pre-receive': 'ask the server administrator',
};

export function shellQuote(value: string): string {
  return `'${value.replace(/\\/g, '/').replace(/'/g, `'\\''`)}'`;
}

/**
 * Shell lines defining `tightlip_fail REASON [FIX]`: print why the hook blocked, how to
 * fix it (when there is a fix to give) or bypass it, and exit 1.
 */
function failFunction(hook: HookName): string {
  const ciNote = hook === 'pre-receive' ? '' : ' (CI scans anyway)';
  return `tightlip_fail() {
  echo "tightlip: $1" >&2
  echo "tightlip: the ${hook} hook blocked this (it blocks whenever it cannot check)." >&2
  if [ -n "$2" ]; then
    echo "tightlip: fix it with $2, or ${BYPASS[hook]}${ciNote}." >&2
  else
    echo "tightlip: fix what the message above says, or ${BYPASS[hook]}${ciNote}." >&2
  fi
  exit 1
}`;
}

/**
 * Shell lines that set `tightlip_fix` to the command that installs the project's tightlip,
 * for the package manager its lockfile names: `<pm> install` when package.json already
 * lists tightlip, `<pm> add -D tightlip` when it does not; a global install where there is
 * no package.json. Run only when tightlip is missing or broken, from the top of the work tree.
 */
const FIX_FUNCTION = `tightlip_install_fix() {
  if [ ! -f package.json ]; then
    tightlip_fix="'npm install --global tightlip'"
    return
  fi
  tightlip_pm=npm
  if [ -f pnpm-lock.yaml ]; then tightlip_pm=pnpm; fi
  if [ -f yarn.lock ]; then tightlip_pm=yarn; fi
  if [ -f bun.lock ] || [ -f bun.lockb ]; then tightlip_pm=bun; fi
  if grep -q '"tightlip"' package.json; then
    tightlip_fix="'$tightlip_pm install'"
  elif [ "$tightlip_pm" = npm ]; then
    tightlip_fix="'npm install --save-dev tightlip'"
  else
    tightlip_fix="'$tightlip_pm add -D tightlip'"
  fi
}`;

/**
 * Shell lines that find the tightlip to run, the way the project installed it, into
 * `tightlip_run`: the project's own (`node_modules/tightlip`, git runs hooks at the top of
 * the work tree), else the one recorded at install (`tightlip_bin`, when set), else
 * `tightlip` on PATH (a global install; husky puts `node_modules/.bin` there). When there
 * is none, it blocks with the command that installs it.
 */
function findLines(recorded: boolean): string {
  const node = recorded
    ? 'if [ ! -x "$tightlip_node" ]; then tightlip_node=node; fi'
    : 'tightlip_node=node';
  const fromRecord = recorded
    ? `elif [ -n "$tightlip_bin" ] && [ -f "$tightlip_bin" ]; then
  tightlip_run="$tightlip_bin"
`
    : '';
  return `${node}
if [ -f node_modules/tightlip/bin/tightlip.js ]; then
  tightlip_run=node_modules/tightlip/bin/tightlip.js
${fromRecord}elif command -v tightlip >/dev/null 2>&1; then
  tightlip_node=
  tightlip_run=tightlip
else
  tightlip_install_fix
  tightlip_fail "tightlip is not installed in this project (node_modules/tightlip)${recorded ? '${tightlip_bin:+, nor at $tightlip_bin}' : ''}, nor on PATH" "$tightlip_fix"
fi
if [ "$tightlip_node" = node ] && ! command -v node >/dev/null 2>&1; then
  tightlip_fail "Node.js not found on PATH" "'tightlip install' run again with the Node.js to use"
fi
tightlip_exec() {
  if [ -n "$tightlip_node" ]; then
    ${EXIT_BASE_VARIABLE}=${EXIT_BASE} "$tightlip_node" "$@"
  else
    ${EXIT_BASE_VARIABLE}=${EXIT_BASE} "$@"
  fi
}`;
}

/**
 * Shell lines that run tightlip with the hook's arguments and stdin and turn its exit
 * status into the hook's, by the exit protocol (see `EXIT_BASE`): nothing found passes,
 * findings (already explained) block, a scan that could not finish blocks with its own
 * message, and anything else — tightlip never reported a result — blocks too. Written
 * with `||` so that it also works under `sh -e` (husky).
 */
function runLines(hook: HookName, feed: string): string {
  const stdin = readsStdin(hook) ? '' : ' </dev/null';
  return `tightlip_status=0
${feed}tightlip_exec "$tightlip_run" ${ARGS[hook]} "$@"${stdin} || tightlip_status=$?
case "$tightlip_status" in
  ${EXIT_BASE}) ;;
  ${EXIT_BASE + 1}) exit 1 ;;
  ${EXIT_BASE + 2}) tightlip_fail "tightlip could not finish the scan" ;;
  *)
    tightlip_install_fix
    tightlip_fail "tightlip ended without reporting a result (exit status $tightlip_status): an incomplete, damaged or outdated install ($tightlip_run)" "$tightlip_fix"
    ;;
esac`;
}

/** Shell lines that read the ref updates git gives on stdin into `tightlip_input`, so they can be given twice. */
const CAPTURE_STDIN = 'tightlip_input="$(cat)"';
const FEED_STDIN = 'printf \'%s\\n\' "$tightlip_input" | ';

/**
 * The POSIX sh script of `hook`. It runs a chained hook first (if one was moved aside),
 * then tightlip (see `findLines`); when tightlip cannot run or cannot decide, it blocks
 * and says how to fix or knowingly bypass. Hooks that read ref updates on stdin
 * (pre-push, pre-receive) give them to both.
 */
export function renderHookScript(hook: HookName, launcher: Launcher): string {
  const stdin = readsStdin(hook);
  const feed = stdin ? FEED_STDIN : '';
  return `#!/bin/sh
${MANAGED_MARKER} (${hook}); installed by \`tightlip install\`, removed by \`tightlip uninstall\`.
# Runs the project's tightlip (node_modules), else the one that installed this hook, else
# tightlip on PATH. If none can run, or it reports no result, the ${hook} is blocked.
tightlip_node=${shellQuote(launcher.node)}
tightlip_bin=${launcher.bin === undefined ? "''" : shellQuote(launcher.bin)}
${failFunction(hook)}
${FIX_FUNCTION}
${stdin ? `${CAPTURE_STDIN}\n` : ''}
chained="$(dirname "$0")/${hook}${CHAINED_SUFFIX}"
if [ -x "$chained" ]; then
  ${feed}"$chained" "$@" || exit $?
fi

${findLines(true)}
${runLines(hook, feed)}
`;
}

/** Whether `content` is a hook written by tightlip. */
export function isManagedHook(content: string): boolean {
  return content.split('\n', 3).some((line) => line.startsWith(MANAGED_MARKER));
}

export const BLOCK_BEGIN = '# >>> tightlip';
export const BLOCK_END = '# <<< tightlip';

/**
 * The block tightlip adds to a husky hook script (`.husky/<hook>`, run by husky with
 * `sh -e`). That file is committed and shared, so it names no path of this machine: it
 * runs the project's tightlip (`node_modules/tightlip`), or `tightlip` on PATH (husky puts
 * `node_modules/.bin` there), and blocks when there is none. For pre-push it reads the ref
 * updates first and gives them back to the rest of the script.
 */
export function renderHuskyBlock(hook: HookName): string {
  const stdin = readsStdin(hook);
  const lines = [
    `${BLOCK_BEGIN} (${hook}): added by \`tightlip install\`, removed by \`tightlip uninstall\`.`,
    failFunction(hook),
    FIX_FUNCTION,
    findLines(false),
  ];
  if (stdin) {
    lines.push(CAPTURE_STDIN);
    lines.push(runLines(hook, FEED_STDIN));
    lines.push('exec <<TIGHTLIP_STDIN\n$tightlip_input\nTIGHTLIP_STDIN');
  } else {
    lines.push(runLines(hook, ''));
  }
  lines.push(BLOCK_END);
  return `${lines.join('\n')}\n`;
}
