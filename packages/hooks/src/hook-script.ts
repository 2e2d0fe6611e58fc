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

/** How a hook starts the tightlip it was installed with. */
export interface Launcher {
  /** Absolute path of the Node.js executable. */
  node: string;
  /** Absolute path of tightlip's bin script. */
  bin: string;
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

/** Shell lines defining `tightlip_fail`: print why the hook blocked, how to fix or bypass, and exit 1. */
function failFunction(hook: HookName, fix: string): string {
  const ciNote = hook === 'pre-receive' ? '' : ' (CI scans anyway)';
  return `tightlip_fail() {
  echo "tightlip: $1" >&2
  echo "tightlip: the ${hook} hook blocked this (it blocks whenever it cannot check)." >&2
  echo "tightlip: fix it with ${fix}, or ${BYPASS[hook]}${ciNote}." >&2
  exit 1
}`;
}

/**
 * Shell lines that run `command` with the hook's arguments and stdin and turn its exit
 * status into the hook's: 0 passes, 1 (findings, already explained) blocks, anything
 * else blocks with `tightlip_fail`. Written with `||` so that it also works under `sh -e`.
 */
function runLines(hook: HookName, command: string): string {
  const stdin = readsStdin(hook) ? '' : ' </dev/null';
  return `tightlip_status=0
${command} ${ARGS[hook]} "$@"${stdin} || tightlip_status=$?
[ "$tightlip_status" -eq 1 ] && exit 1
[ "$tightlip_status" -eq 0 ] || tightlip_fail "tightlip could not finish (exit status $tightlip_status); see the message above"`;
}

/** Shell lines that read the ref updates git gives on stdin into `tightlip_input`, so they can be given twice. */
const CAPTURE_STDIN = 'tightlip_input="$(cat)"';
const FEED_STDIN = 'printf \'%s\\n\' "$tightlip_input"';

/**
 * The POSIX sh script of `hook`. It runs a chained hook first (if one was moved aside),
 * then tightlip; when tightlip cannot run or cannot decide, it blocks and says how to fix
 * or knowingly bypass. Exit 1 from tightlip means findings, already explained. Hooks that
 * read ref updates on stdin (pre-push, pre-receive) give them to both.
 */
export function renderHookScript(hook: HookName, launcher: Launcher): string {
  const stdin = readsStdin(hook);
  const feed = stdin ? `${FEED_STDIN} | ` : '';
  return `#!/bin/sh
${MANAGED_MARKER} (${hook}); installed by \`tightlip install\`, removed by \`tightlip uninstall\`.
# Runs the tightlip it was installed with. If that cannot run, the ${hook} is blocked.
tightlip_node=${shellQuote(launcher.node)}
tightlip_bin=${shellQuote(launcher.bin)}
${failFunction(hook, "'npx tightlip install' in this repository")}
${stdin ? `${CAPTURE_STDIN}\n` : ''}
chained="$(dirname "$0")/${hook}${CHAINED_SUFFIX}"
if [ -x "$chained" ]; then
  ${feed}"$chained" "$@" || exit $?
fi

[ -x "$tightlip_node" ] || tightlip_node="$(command -v node)" || tightlip_fail "Node.js not found"
[ -f "$tightlip_bin" ] || tightlip_fail "tightlip not found at $tightlip_bin"
${runLines(hook, `${feed}"$tightlip_node" "$tightlip_bin"`)}
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
 * runs `tightlip` from `node_modules/.bin`, which husky puts on PATH, and blocks when it is
 * missing. For pre-push it reads the ref updates first and gives them back to the rest of
 * the script.
 */
export function renderHuskyBlock(hook: HookName): string {
  const stdin = readsStdin(hook);
  const lines = [
    `${BLOCK_BEGIN} (${hook}): added by \`tightlip install\`, removed by \`tightlip uninstall\`.`,
    failFunction(hook, "'npm install' (tightlip is a devDependency)"),
    'command -v tightlip >/dev/null 2>&1 || tightlip_fail "tightlip is not installed (not in node_modules/.bin, nor on PATH)"',
  ];
  if (stdin) {
    lines.push(CAPTURE_STDIN);
    lines.push(runLines(hook, `${FEED_STDIN} | tightlip`));
    lines.push('exec <<TIGHTLIP_STDIN\n$tightlip_input\nTIGHTLIP_STDIN');
  } else {
    lines.push(runLines(hook, 'tightlip'));
  }
  lines.push(BLOCK_END);
  return `${lines.join('\n')}\n`;
}
