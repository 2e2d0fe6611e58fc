import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { it } from '@tightlip/fixtures/vitest';
import { CHAINED_SUFFIX, HOOK_NAMES, isManagedHook, renderHuskyBlock } from './hook-script.js';
import { installHook, uninstallHook } from './install.js';

const launcher = { node: '/usr/bin/node', bin: "/opt/it's here/tightlip.js" };

describe('installHook', () => {
  it('writes an executable managed hook, creating the directory', async ({ temp }) => {
    const hooksDir = temp.path('hooks');
    const result = await installHook({ hooksDir, hook: 'pre-commit', launcher });
    expect(result).toEqual({
      hook: 'pre-commit',
      path: temp.path('hooks', 'pre-commit'),
      outcome: 'installed',
    });
    const script = readFileSync(result.path, 'utf8');
    expect(isManagedHook(script)).toBe(true);
    expect(script).toContain(`tightlip_bin='/opt/it'\\''s here/tightlip.js'`);
    expect(statSync(result.path).mode & 0o111).not.toBe(0);
    const syntax = temp.run('sh', ['-n', result.path]);
    expect(syntax.status, syntax.stderr).toBe(0);
  });

  it('is idempotent', async ({ temp }) => {
    const hooksDir = temp.path('hooks');
    await installHook({ hooksDir, hook: 'pre-commit', launcher });
    const again = await installHook({ hooksDir, hook: 'pre-commit', launcher });
    expect(again.outcome).toBe('updated');
    expect(existsSync(again.path + CHAINED_SUFFIX)).toBe(false);
  });

  it('chains a foreign hook and restores it on uninstall', async ({ temp }) => {
    const hooksDir = temp.path('hooks');
    const foreign = '#!/bin/sh\necho mine\n';
    temp.write('hooks/pre-commit', foreign);
    const result = await installHook({ hooksDir, hook: 'pre-commit', launcher });
    expect(result.outcome).toBe('chained');
    expect(readFileSync(result.path + CHAINED_SUFFIX, 'utf8')).toBe(foreign);
    expect((await installHook({ hooksDir, hook: 'pre-commit', launcher })).chainedPath).toBe(
      result.path + CHAINED_SUFFIX,
    );

    expect((await uninstallHook({ hooksDir, hook: 'pre-commit' })).outcome).toBe('restored');
    expect(readFileSync(result.path, 'utf8')).toBe(foreign);
    expect(existsSync(result.path + CHAINED_SUFFIX)).toBe(false);
  });

  it('refuses to chain when the chain slot is taken, changing nothing', async ({ temp }) => {
    const hooksDir = temp.path('hooks');
    temp.write('hooks/pre-commit', '#!/bin/sh\necho a\n');
    temp.write(`hooks/pre-commit${CHAINED_SUFFIX}`, '#!/bin/sh\necho b\n');
    await expect(installHook({ hooksDir, hook: 'pre-commit', launcher })).rejects.toMatchObject({
      code: 'HOOK_CHAIN_OCCUPIED',
    });
    expect(readFileSync(temp.path('hooks', 'pre-commit'), 'utf8')).toBe('#!/bin/sh\necho a\n');
  });
});

describe('hook scripts', () => {
  it.for(HOOK_NAMES)('%s is valid POSIX sh, and so is its husky block', async (hook, { temp }) => {
    const result = await installHook({ hooksDir: temp.path('hooks'), hook, launcher });
    expect(temp.run('sh', ['-n', result.path]).status).toBe(0);
    temp.write('husky-block', renderHuskyBlock(hook));
    expect(temp.run('sh', ['-n', temp.path('husky-block')]).status).toBe(0);
  });
});

describe('husky', () => {
  it("writes into husky's script, not its generated directory, and puts the user's script back", async ({
    temp,
  }) => {
    temp.write('.husky/_/h', '#!/bin/sh\n');
    temp.write('.husky/pre-commit', 'npm test\n');
    const hooksDir = temp.path('.husky', '_');
    const result = await installHook({ hooksDir, hook: 'pre-commit', launcher });
    expect(result).toMatchObject({
      path: temp.path('.husky', 'pre-commit'),
      outcome: 'chained',
      manager: 'husky',
    });
    const script = readFileSync(result.path, 'utf8');
    expect(script.startsWith('# >>> tightlip')).toBe(true);
    expect(script.endsWith('# <<< tightlip\nnpm test\n')).toBe(true);
    expect(existsSync(temp.path('.husky', '_', 'pre-commit'))).toBe(false);
    expect((await installHook({ hooksDir, hook: 'pre-commit', launcher })).outcome).toBe('updated');
    expect(readFileSync(result.path, 'utf8')).toBe(script);
    expect((await uninstallHook({ hooksDir, hook: 'pre-commit' })).outcome).toBe('restored');
    expect(readFileSync(result.path, 'utf8')).toBe('npm test\n');
    expect((await uninstallHook({ hooksDir, hook: 'pre-commit' })).outcome).toBe('foreign');
  });

  it('puts the block first, after a shebang, moves an old block there, and gives the script back byte for byte', async ({
    temp,
  }) => {
    temp.write('.husky/_/h', '#!/bin/sh\n');
    const hooksDir = temp.path('.husky', '_');
    const scripts: Record<string, string> = {
      'pre-commit': '#!/bin/sh\r\nexit 0\r\nnpm test',
      'commit-msg': '\n\nnpx commitlint --edit "$1"',
    };
    for (const [hook, script] of Object.entries(scripts)) temp.write(`.husky/${hook}`, script);
    await installHook({ hooksDir, hook: 'pre-commit', launcher });
    const block = renderHuskyBlock('pre-commit');
    expect(readFileSync(temp.path('.husky', 'pre-commit'), 'utf8')).toBe(
      `#!/bin/sh\r\n${block}exit 0\r\nnpm test`,
    );
    // A block left at the end by an older tightlip moves to the top.
    temp.write('.husky/commit-msg', `${scripts['commit-msg']}\n${renderHuskyBlock('commit-msg')}`);
    expect((await installHook({ hooksDir, hook: 'commit-msg', launcher })).outcome).toBe('updated');
    expect(readFileSync(temp.path('.husky', 'commit-msg'), 'utf8')).toBe(
      `${renderHuskyBlock('commit-msg')}${scripts['commit-msg']}\n`,
    );
    await uninstallHook({ hooksDir, hook: 'pre-commit' });
    expect(readFileSync(temp.path('.husky', 'pre-commit'), 'utf8')).toBe(scripts['pre-commit']);
  });
});

describe('uninstallHook', () => {
  it('removes its own hook, and leaves foreign or missing hooks alone', async ({ temp }) => {
    const hooksDir = temp.path('hooks');
    expect((await uninstallHook({ hooksDir, hook: 'pre-commit' })).outcome).toBe('absent');
    await installHook({ hooksDir, hook: 'pre-commit', launcher });
    expect((await uninstallHook({ hooksDir, hook: 'pre-commit' })).outcome).toBe('removed');
    expect(existsSync(temp.path('hooks', 'pre-commit'))).toBe(false);
    writeFileSync(temp.path('hooks', 'pre-commit'), '#!/bin/sh\n');
    expect((await uninstallHook({ hooksDir, hook: 'pre-commit' })).outcome).toBe('foreign');
    expect(existsSync(temp.path('hooks', 'pre-commit'))).toBe(true);
  });
});
