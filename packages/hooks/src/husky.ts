import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HookError } from './errors.js';
import { BLOCK_BEGIN, BLOCK_END, renderHuskyBlock, type HookName } from './hook-script.js';

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The directory of husky's hook scripts when `hooksDir` is husky's. Husky 9 points
 * `core.hooksPath` at `.husky/_`, a generated, git-ignored directory whose hooks run the
 * committed scripts `.husky/<hook>`; those scripts are what a user (and tightlip) edits.
 */
export async function findHuskyDir(hooksDir: string): Promise<string | undefined> {
  if (basename(hooksDir) !== '_') return undefined;
  const scripts = dirname(hooksDir);
  return (await exists(join(hooksDir, 'h'))) || (await exists(scripts)) ? scripts : undefined;
}

function findBlock(lines: readonly string[]): { begin: number; end: number } | undefined {
  const begin = lines.findIndex((line) => line.startsWith(BLOCK_BEGIN));
  if (begin === -1) return undefined;
  const end = lines.findIndex((line, i) => i > begin && line.startsWith(BLOCK_END));
  if (end === -1) throw new HookError('HOOK_BLOCK_BROKEN', `tightlip's block in this husky script has no end line (${BLOCK_END}); fix it by hand`);
  return { begin, end };
}

async function readScript(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HookError('HOOK_UNREADABLE', `cannot read ${path}: ${(error as Error).message}`);
  }
}

/**
 * Adds tightlip's block to husky's `<huskyDir>/<hook>`: created if missing ('installed'),
 * replaced in place if there ('updated'), otherwise added to the script's own commands,
 * which keep running ('chained'): at the end, or at the start for pre-push, which must
 * read the ref updates before anything else does.
 */
export async function installHuskyHook(huskyDir: string, hook: HookName): Promise<{ path: string; outcome: 'installed' | 'updated' | 'chained' }> {
  const path = join(huskyDir, hook);
  const block = renderHuskyBlock(hook).replace(/\n$/, '').split('\n');
  const existing = await readScript(path);
  if (existing === undefined || existing.trim() === '') {
    await writeFile(path, `${block.join('\n')}\n`, { mode: 0o755 });
    return { path, outcome: 'installed' };
  }
  const lines = existing.replace(/\n$/, '').split('\n');
  const found = findBlock(lines);
  if (found) {
    lines.splice(found.begin, found.end - found.begin + 1, ...block);
    await writeFile(path, `${lines.join('\n')}\n`);
    return { path, outcome: 'updated' };
  }
  if (hook === 'pre-push') lines.splice(lines[0]?.startsWith('#!') ? 1 : 0, 0, ...block);
  else lines.push(...block);
  await writeFile(path, `${lines.join('\n')}\n`);
  return { path, outcome: 'chained' };
}

/** Removes tightlip's block from `<huskyDir>/<hook>`; deletes the script when nothing else is left in it. */
export async function uninstallHuskyHook(huskyDir: string, hook: HookName): Promise<{ path: string; outcome: 'removed' | 'restored' | 'absent' | 'foreign' }> {
  const path = join(huskyDir, hook);
  const existing = await readScript(path);
  if (existing === undefined) return { path, outcome: 'absent' };
  const lines = existing.replace(/\n$/, '').split('\n');
  const found = findBlock(lines);
  if (!found) return { path, outcome: 'foreign' };
  lines.splice(found.begin, found.end - found.begin + 1);
  if (lines.every((line) => line.trim() === '' || line.startsWith('#!'))) {
    await rm(path);
    return { path, outcome: 'removed' };
  }
  await writeFile(path, `${lines.join('\n')}\n`);
  return { path, outcome: 'restored' };
}
