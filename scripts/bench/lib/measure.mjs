// Runs the real `tightlip` bin in this process and, when it exits, writes its exit code,
// wall time and peak RSS (main thread and workers together) as JSON to the file named by
// TIGHTLIP_BENCH_RESULT:  node scripts/bench/lib/measure.mjs <tightlip args…>
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../packages/cli/bin/tightlip.js', import.meta.url));
const started = performance.now();
process.argv = [process.argv[0] ?? 'node', bin, ...process.argv.slice(2)];
process.on('exit', (code) => {
  const file = process.env.TIGHTLIP_BENCH_RESULT;
  if (file)
    writeFileSync(
      file,
      JSON.stringify({
        status: code,
        ms: performance.now() - started,
        maxRssKb: process.resourceUsage().maxRSS,
      }),
    );
});
await import(bin);
