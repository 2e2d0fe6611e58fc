const { scanPaths } = await import('@tightlip/cli');
const dir = process.argv[2]; const workers = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const start = performance.now();
const { report } = await scanPaths({ paths: [dir], io: { cwd: dir, env: process.env, stdout: process.stdout, stderr: process.stderr }, termFiles: [], reveal: false, ...(workers !== undefined ? { workers } : {}) });
const ru = process.resourceUsage();
console.log(JSON.stringify({ workers, ms: Math.round(performance.now() - start), cpu: Math.round((ru.userCPUTime+ru.systemCPUTime)/1000), files: report.stats.files, rssMB: Math.round(ru.maxRSS/1024) }));
