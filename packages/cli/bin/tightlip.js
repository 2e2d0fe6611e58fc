#!/usr/bin/env node
// Launcher kept in git so package managers can link the bin before the first build.
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bin.js')) {
    process.stderr.write('tightlip: not built yet; run `npm run build` at the repository root.\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
