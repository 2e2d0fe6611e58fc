import { rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HookError } from './errors.js';
import { canAccess, readIfExists } from './files.js';
import { BLOCK_BEGIN, BLOCK_END, renderHuskyBlock, type HookName } from './hook-script.js';

/**
 * The directory of husky's hook scripts when `hooksDir` is husky's. Husky 9 points
 * `core.hooksPath` at `.husky/_`, a generated, git-ignored directory whose hooks run the
 * committed scripts `.husky/<hook>`; those scripts are what a user (and tightlip) edits.
 */
export async function findHuskyDir(hooksDir: string): Promise<string | undefined> {
  if (basename(hooksDir) !== '_') return undefined;
  const scripts = dirname(hooksDir);
  return (await canAccess(join(hooksDir, 'h'))) || (await canAccess(scripts)) ? scripts : undefined;
}

/**
 * Where tightlip's block is in `text`: from the start of its first line to just after its
 * last line (and that line's newline), so that cutting it out gives back the script as it
 * was, byte for byte.
 */
function findBlock(text: string): { start: number; end: number } | undefined {
  let start: number | undefined;
  for (let offset = 0; offset < text.length;) {
    const newline = text.indexOf('\n', offset);
    const next = newline === -1 ? text.length : newline + 1;
    if (start === undefined && text.startsWith(BLOCK_BEGIN, offset)) start = offset;
    else if (start !== undefined && text.startsWith(BLOCK_END, offset)) return { start, end: next };
    offset = next;
  }
  if (start !== undefined)
    throw new HookError(
      'HOOK_BLOCK_BROKEN',
      `tightlip's block in this husky script has no end line (${BLOCK_END}); fix it by hand`,
    );
  return undefined;
}

function withoutBlock(text: string): { rest: string; found: boolean } {
  const block = findBlock(text);
  return block
    ? { rest: text.slice(0, block.start) + text.slice(block.end), found: true }
    : { rest: text, found: false };
}

/** Whether a script runs nothing: blank lines and a shebang at most. */
function isEmptyScript(text: string): boolean {
  return text.split('\n').every((line) => line.trim() === '' || line.startsWith('#!'));
}

/**
 * Adds tightlip's block to husky's `<huskyDir>/<hook>`: created if missing ('installed'),
 * moved to the top and rewritten if there ('updated'), otherwise put before the script's
 * own commands, which keep running after it ('chained'). First, right after a shebang,
 * because a script may end early (`exit 0` while merging, say), and pre-push must read
 * the ref updates before anything else does. The script is otherwise left byte for byte.
 */
export async function installHuskyHook(
  huskyDir: string,
  hook: HookName,
): Promise<{ path: string; outcome: 'installed' | 'updated' | 'chained' }> {
  const path = join(huskyDir, hook);
  const block = renderHuskyBlock(hook);
  const existing = await readIfExists(path);
  if (existing === undefined) {
    await writeFile(path, block, { mode: 0o755 });
    return { path, outcome: 'installed' };
  }
  const { rest, found } = withoutBlock(existing);
  const shebang = rest.startsWith('#!') ? rest.indexOf('\n') + 1 || rest.length : 0;
  const head = rest.slice(0, shebang);
  await writeFile(
    path,
    `${head}${head !== '' && !head.endsWith('\n') ? '\n' : ''}${block}${rest.slice(shebang)}`,
  );
  return { path, outcome: found ? 'updated' : isEmptyScript(rest) ? 'installed' : 'chained' };
}

/** Removes tightlip's block from `<huskyDir>/<hook>`, leaving the rest exactly as it was; deletes the script when nothing is left. */
export async function uninstallHuskyHook(
  huskyDir: string,
  hook: HookName,
): Promise<{ path: string; outcome: 'removed' | 'restored' | 'absent' | 'foreign' }> {
  const path = join(huskyDir, hook);
  const existing = await readIfExists(path);
  if (existing === undefined) return { path, outcome: 'absent' };
  const { rest, found } = withoutBlock(existing);
  if (!found) return { path, outcome: 'foreign' };
  if (rest === '') {
    await rm(path);
    return { path, outcome: 'removed' };
  }
  await writeFile(path, rest);
  return { path, outcome: 'restored' };
}
