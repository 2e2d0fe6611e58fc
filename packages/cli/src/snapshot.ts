import { startupSnapshot } from 'node:v8';
import { exitBase, runProcess } from './process-main.js';

// The entry of the hooks' startup snapshot (see actions/snapshot.ts): scripts/build-package.mjs
// bundles it, with everything a hook runs, into one CommonJS file (dist/snapshot.cjs), from
// which `node --build-snapshot` makes a V8 startup snapshot. A hook started from it
// deserializes the loaded modules and the defined rule catalog instead of loading,
// compiling and running them.
//
// What the snapshot holds was made when it was built: nothing of the run may be read
// before the deserialized main function below starts (arguments, environment, working
// directory, streams: all are read there, through runProcess), and no handle may be open.

/** Loads, while the snapshot is built, the modules a hook loads when it runs. */
async function load(): Promise<void> {
  await Promise.all([
    import('./actions/git-scan.js'),
    import('./scan/scan.js'),
    import('./report/emit.js'),
  ]);
  // The configuration's validator (precompiled into this bundle).
  const { validateConfig } = await import('./config/validate.js');
  await validateConfig('snapshot', '{}');
}

if (startupSnapshot.isBuildingSnapshot()) {
  // PDF.js is not in the snapshot: a run requires it from the ES module bundle, which
  // needs a Node.js that requires ES modules (≥ 20.19, ≥ 22.12; not turned off). Without
  // that, no snapshot: the hooks run from the bin.
  if (!(process.features as { require_module?: boolean }).require_module)
    throw new Error(
      'this Node.js cannot require ES modules, which a hook started from a snapshot needs',
    );
  // A failure here fails the build: `node --build-snapshot` exits non-zero on an unhandled rejection.
  void load();
  startupSnapshot.setDeserializeMainFunction(() => {
    // Anything unexpected exits as "could not scan", as bin/tightlip.js does.
    const crash = (error: unknown) => {
      const message = String(error instanceof Error ? error.message : error).split('\n')[0];
      process.stderr.write(`tightlip: internal error: ${message}\n`);
      process.exit(exitBase(process.env) + 2);
    };
    process.on('uncaughtException', crash);
    process.on('unhandledRejection', crash);
    // Started from a snapshot, process.argv has no script: the arguments follow the executable.
    runProcess(process.argv.slice(1)).catch(crash);
  });
}
