/** The git hooks tightlip can install. */
export type HookName = 'pre-commit';

export const HOOK_NAMES: readonly HookName[] = ['pre-commit'];

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

const ARGS: Record<HookName, string> = {
  'pre-commit': 'staged --hook pre-commit',
};

function shellQuote(value: string): string {
  return `'${value.replace(/\\/g, '/').replace(/'/g, `'\\''`)}'`;
}

/**
 * The POSIX sh script of `hook`. It runs a chained hook first (if one was moved aside),
 * then tightlip; when tightlip cannot run or cannot decide, it blocks and says how to fix
 * or knowingly bypass. Exit 1 from tightlip means findings, already explained.
 */
export function renderHookScript(hook: HookName, launcher: Launcher): string {
  return `#!/bin/sh
${MANAGED_MARKER} (${hook}); installed by \`tightlip install\`, removed by \`tightlip uninstall\`.
# Runs the tightlip it was installed with. If that cannot run, the ${hook} is blocked.
tightlip_node=${shellQuote(launcher.node)}
tightlip_bin=${shellQuote(launcher.bin)}
tightlip_fail() {
  echo "tightlip: $1" >&2
  echo "tightlip: the ${hook} hook blocked this (it blocks whenever it cannot check)." >&2
  echo "tightlip: fix it with 'npx tightlip install' in this repository, or bypass once with --no-verify (CI still scans)." >&2
  exit 1
}

chained="$(dirname "$0")/${hook}${CHAINED_SUFFIX}"
if [ -x "$chained" ]; then
  "$chained" "$@" || exit $?
fi

[ -x "$tightlip_node" ] || tightlip_node="$(command -v node)" || tightlip_fail "Node.js not found"
[ -f "$tightlip_bin" ] || tightlip_fail "tightlip not found at $tightlip_bin"
"$tightlip_node" "$tightlip_bin" ${ARGS[hook]} "$@" </dev/null
status=$?
[ "$status" -eq 0 ] && exit 0
[ "$status" -eq 1 ] && exit 1
tightlip_fail "tightlip could not finish (exit status $status); see the message above"
`;
}

/** Whether `content` is a hook written by tightlip. */
export function isManagedHook(content: string): boolean {
  return content.split('\n', 3).some((line) => line.startsWith(MANAGED_MARKER));
}
