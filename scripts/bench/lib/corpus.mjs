// The shared benchmark corpus: code-like files with a few fake credentials, generated
// from a fixed seed so every run and every benchmark sees the same bytes.
import { createFake } from '@tightlip/core';
import { fakeToken } from '@tightlip/fixtures';

const WORDS =
  'the a user config value request response build deploy token cache index model service plan release'.split(
    ' ',
  );
const TOKEN_RULES = [
  'github-pat',
  'aws-access-key-id',
  'slack-bot-token',
  'slack-webhook-url',
  'private-key',
];

/** Corpus size in bytes: `--mb <n>` on the command line or TIGHTLIP_BENCH_MB, 32 MB by default. */
export function corpusBytes() {
  const flag = process.argv.indexOf('--mb');
  const mb = flag !== -1 ? process.argv[flag + 1] : process.env.TIGHTLIP_BENCH_MB;
  return Number(mb ?? 32) * 1024 * 1024;
}

/** `{ files: [{ path, text }], bytes }` of about `targetBytes`, 400 lines a file. */
export function makeCorpus(targetBytes = corpusBytes(), seed = 2026) {
  const fake = createFake(seed);
  const line = (/** @type {number} */ i) => {
    const kind = i % 23;
    if (kind === 0) return `  const id = "${fake.hex(40)}"; // commit`;
    if (kind === 1) return `  "integrity": "sha512-${fake.base64(86)}==",`;
    if (kind === 2)
      return `  uuid: '${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}',`;
    if (kind === 3) return `// ${Array.from({ length: 12 }, () => fake.pick(WORDS)).join(' ')}.`;
    if (i % 997 === 0)
      return `  secret: "${fakeToken(fake.pick(TOKEN_RULES), i)}",`.replace(/\n/g, '\\n');
    const name = `${fake.pick(WORDS)}${fake.pick(WORDS).charAt(0).toUpperCase()}${fake.pick(WORDS).slice(1)}`;
    return `  export function ${name}(${fake.pick(WORDS)}: string): number { return ${fake.digits(4)} + ${fake.pick(WORDS)}.length; }`;
  };
  const files = [];
  let bytes = 0;
  for (let n = 0; bytes < targetBytes; n++) {
    const lines = [];
    for (let i = 0; i < 400; i++) lines.push(line(n * 400 + i));
    const text = `${lines.join('\n')}\n`;
    files.push({ path: `src/dir${n % 50}/file${n}.ts`, text });
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}

/** @param {number} bytes */
export function mb(bytes) {
  return bytes / 1024 / 1024;
}

/**
 * Best-of-three wall time of `fn` in ms, after one warm-up run.
 * @param {() => unknown} fn
 */
export function bestOf(fn, rounds = 3) {
  fn();
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
