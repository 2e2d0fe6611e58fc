import { runProcess } from './process-main.js';

// Loaded by bin/tightlip.js, which also handles crashes.
await runProcess(process.argv.slice(2));
